package dev.switchboard.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameDecoderTest {
    private final List<String> texts = new ArrayList<>();
    private final List<byte[]> pings = new ArrayList<>();
    private final List<Integer> closes = new ArrayList<>();
    private final FrameDecoder decoder = new FrameDecoder(new FrameDecoder.Handler() {
        @Override
        public void text(String message) {
            texts.add(message);
        }

        @Override
        public void ping(byte[] payload) {
            pings.add(payload);
        }

        @Override
        public void close(int code) {
            closes.add(code);
        }
    });

    /** A channel that hands out the given bytes in pieces of at most {@code piece} bytes, then reports the end. */
    private static final class Pieces implements ReadableByteChannel {
        private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();

        Pieces(byte[] all, int piece) {
            for (int i = 0; i < all.length; i += piece) chunks.add(Arrays.copyOfRange(all, i, Math.min(all.length, i + piece)));
        }

        @Override
        public int read(ByteBuffer dst) {
            if (chunks.isEmpty()) return -1;
            byte[] next = chunks.poll();
            int n = Math.min(next.length, dst.remaining());
            dst.put(next, 0, n);
            if (n < next.length) chunks.addFirst(Arrays.copyOfRange(next, n, next.length));
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    private static byte[] frame(int b0, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b0);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(127);
            out.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] text(String s) {
        return frame(0x81, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private void readAll(ReadableByteChannel channel) throws IOException {
        while (decoder.readFrom(channel)) {
            // keeps reading until the stream ends or a close frame arrives
        }
    }

    @Test
    void messagesArrivingOneByteAtATimeAreEachDeliveredOnceWholeAndInOrder() throws IOException {
        readAll(new Pieces(concat(text("{\"seq\":1}"), text("{\"seq\":2, \"name\":\"Zoë\"}")), 1));

        assertThat(texts).containsExactly("{\"seq\":1}", "{\"seq\":2, \"name\":\"Zoë\"}");
    }

    @Test
    void sixteenAndSixtyFourBitLengthsAreReadIncludingAMessageLargerThanTheReadBuffer() throws IOException {
        String medium = "m".repeat(40_000);
        String large = "L".repeat(200_000);

        readAll(new Pieces(concat(text(medium), text(large), text("after")), 3_000));

        assertThat(texts).containsExactly(medium, large, "after");
    }

    @Test
    void aFragmentedTextMessageIsDeliveredAsOneMessage() throws IOException {
        byte[] first = frame(0x01, "hello, ".getBytes(StandardCharsets.UTF_8));
        byte[] middle = frame(0x00, "dash".getBytes(StandardCharsets.UTF_8));
        byte[] last = frame(0x80, "board".getBytes(StandardCharsets.UTF_8));

        readAll(new Pieces(concat(first, middle, last), 5));

        assertThat(texts).containsExactly("hello, dashboard");
    }

    @Test
    void aPingIsHandedOverWithItsPayloadBetweenMessages() throws IOException {
        readAll(new Pieces(concat(text("a"), frame(0x89, new byte[] {7, 8, 9}), text("b")), 64));

        assertThat(texts).containsExactly("a", "b");
        assertThat(pings).singleElement().isEqualTo(new byte[] {7, 8, 9});
    }

    @Test
    void aCloseFrameReportsItsCodeAndStopsReadingWhatFollows() throws IOException {
        Pieces channel = new Pieces(concat(text("last"), frame(0x88, new byte[] {0x03, (byte) 0xF0}), text("never")), 1024);

        assertThat(decoder.readFrom(channel)).isFalse();
        assertThat(texts).containsExactly("last");
        assertThat(closes).containsExactly(1008);
    }

    @Test
    void framesSentRightBehindTheUpgradeResponseAreKept() throws IOException {
        byte[] upgrade = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        Pieces channel = new Pieces(concat(upgrade, text("snapshot")), 1024);

        assertThat(decoder.readHandshake(channel)).startsWith("HTTP/1.1 101").doesNotContain("\r\n\r\n");
        readAll(channel);

        assertThat(texts).containsExactly("snapshot");
    }

    @Test
    void aMaskedFrameFromTheServerIsAProtocolError() {
        byte[] masked = {(byte) 0x81, (byte) 0x82, 1, 2, 3, 4, 'h' ^ 1, 'i' ^ 2};

        assertThatThrownBy(() -> readAll(new Pieces(masked, 64))).hasMessageContaining("masked");
    }

    @Test
    void aClientFrameIsMaskedAndUnmasksToItsPayload() {
        byte[] payload = {1, 2, 3, 4, 5};
        byte[] f = FrameDecoder.maskedFrame(0xA, payload);

        assertThat(f[0] & 0xFF).isEqualTo(0x8A);
        assertThat(f[1] & 0xFF).isEqualTo(0x80 | payload.length);
        byte[] unmasked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) unmasked[i] = (byte) (f[6 + i] ^ f[2 + i % 4]);
        assertThat(unmasked).isEqualTo(payload);
    }
}
