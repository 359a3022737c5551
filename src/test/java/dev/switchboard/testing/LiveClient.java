package dev.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client (the JDK's) that collects the JSON messages a socket receives. */
public final class LiveClient implements AutoCloseable {
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private final boolean reading;

    private LiveClient(URI uri, boolean reading) {
        this.reading = reading;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Listener()).join();
    }

    public static LiveClient connect(URI uri) {
        return new LiveClient(uri, true);
    }

    /** A client that reads its first message and then stops reading, like a frozen browser tab. */
    public static LiveClient connectAndStall(URI uri) {
        return new LiveClient(uri, false);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(TestApp.json(partial.toString()));
                partial.setLength(0);
            }
            if (reading || !last) ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-1);
        }
    }

    /** The next message of the given type (others are skipped), or an assertion error after the timeout. */
    public JsonNode next(String type, Duration timeout) {
        return next(m -> type.equals(m.path("type").asText()), timeout, "a '" + type + "' message");
    }

    public JsonNode next(String type) {
        return next(type, Duration.ofSeconds(5));
    }

    public JsonNode next(Predicate<JsonNode> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode m = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
                if (m == null) throw new AssertionError("timed out waiting for " + what);
                if (match.test(m)) return m;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Everything received within the window (used to show that nothing arrives). */
    public List<JsonNode> drain(Duration window) {
        List<JsonNode> out = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return out;
                JsonNode m = messages.poll(left, TimeUnit.NANOSECONDS);
                if (m != null) out.add(m);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out;
        }
    }

    public CompletableFuture<Integer> closed() {
        return closed;
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        socket.abort();
    }
}
