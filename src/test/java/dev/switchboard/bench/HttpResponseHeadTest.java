package dev.switchboard.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpResponseHeadTest {
    private final ByteBuffer in = ByteBuffer.allocate(1024);

    private void arrive(String s) {
        in.put(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aResponseIsCompleteOnlyOnceItsWholeBodyHasArrived() throws IOException {
        arrive("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 17\r\n\r\n{\"received\":");

        assertThat(HttpResponseHead.parse(in)).isNull();
        arrive("true}");
        assertThat(HttpResponseHead.parse(in)).isEqualTo(new HttpResponseHead(200, false));
        assertThat(in.position()).as("the response was consumed").isZero();
    }

    @Test
    void aHeadSplitAnywhereWaitsForTheRest() throws IOException {
        arrive("HTTP/1.1 404 Not Found\r\nContent-Len");
        assertThat(HttpResponseHead.parse(in)).isNull();
        arrive("gth: 0\r\n\r");
        assertThat(HttpResponseHead.parse(in)).isNull();
        arrive("\n");

        assertThat(HttpResponseHead.parse(in)).isEqualTo(new HttpResponseHead(404, false));
    }

    @Test
    void bytesOfTheNextResponseStayInTheBuffer() throws IOException {
        arrive("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}HTTP/1.1 200 OK\r\n");

        assertThat(HttpResponseHead.parse(in)).isEqualTo(new HttpResponseHead(503, true));
        assertThat(new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200 OK\r\n");
    }

    @Test
    void aChunkedResponseOrAGarbledStatusLineIsAnError() {
        arrive("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        assertThatThrownBy(() -> HttpResponseHead.parse(in)).hasMessageContaining("chunked");

        in.clear();
        arrive("SMTP ready\r\n\r\n");
        assertThatThrownBy(() -> HttpResponseHead.parse(in)).hasMessageContaining("bad status line");
    }
}
