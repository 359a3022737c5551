package dev.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client (the JDK's) for {@code /ws/listen}: keeps every message in arrival order, text
 * as JSON and binary as bytes with the time it arrived. A stalled client stops reading after its first
 * message, like a frozen browser tab.
 */
public final class ListenClient implements AutoCloseable {
    /** One received message: {@code json} for text, {@code bytes} for binary; {@code nanos} = arrival. */
    public record Message(JsonNode json, byte[] bytes, long nanos) {
        public boolean isText() {
            return json != null;
        }
    }

    /** How the socket closed. */
    public record Closed(int code, String reason) {}

    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private final boolean reading;

    private ListenClient(URI uri, boolean reading) {
        this.reading = reading;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Listener()).join();
    }

    public static ListenClient connect(URI uri) {
        return new ListenClient(uri, true);
    }

    public static ListenClient connectAndStall(URI uri) {
        return new ListenClient(uri, false);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(new Message(TestApp.json(text.toString()), null, System.nanoTime()));
                text.setLength(0);
            }
            if (reading || !last) ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            binary.writeBytes(part);
            if (last) {
                messages.add(new Message(null, binary.toByteArray(), System.nanoTime()));
                binary.reset();
            }
            if (reading || !last) ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }
    }

    /** The next message, or an assertion error after the timeout. */
    public Message next(Duration timeout) {
        try {
            Message m = messages.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (m == null) throw new AssertionError("timed out waiting for a listen message");
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Message next() {
        return next(Duration.ofSeconds(5));
    }

    /** The next text message (binary ones before it are skipped). */
    public JsonNode nextText(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("timed out waiting for a text message");
            Message m = next(Duration.ofNanos(left));
            if (m.isText()) return m.json();
        }
    }

    /** The next {@code n} binary messages (a text message among them fails the test). */
    public List<Message> frames(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Message> out = new ArrayList<>();
        while (out.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("got " + out.size() + " of " + n + " frames in time");
            Message m = next(Duration.ofNanos(left));
            if (m.isText()) throw new AssertionError("expected audio, got " + m.json());
            out.add(m);
        }
        return out;
    }

    /** Everything received so far, without waiting. */
    public List<Message> drain() {
        List<Message> out = new ArrayList<>();
        messages.drainTo(out);
        return out;
    }

    public CompletableFuture<Closed> closed() {
        return closed;
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // already closed
        }
        socket.abort();
    }
}
