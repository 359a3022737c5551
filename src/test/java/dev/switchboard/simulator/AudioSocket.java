package dev.switchboard.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A listen socket client (the JDK's WebSocket) that records every message with its arrival time. */
final class AudioSocket implements WebSocket.Listener, AutoCloseable {
    /** A whole message: binary PCM or a text frame, and when it arrived. */
    record Message(long atMillis, long atNanos, byte[] bytes, String text) {
        boolean binary() {
            return bytes != null;
        }

        /** RMS of one channel of an interleaved s16le frame. */
        double rms(int channel, int channels) {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            double sum = 0;
            int n = 0;
            for (int i = channel * 2; i + 1 < bytes.length; i += channels * 2) {
                double v = b.getShort(i);
                sum += v * v;
                n++;
            }
            return n == 0 ? 0 : Math.sqrt(sum / n);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<Message> messages = new ArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String closeReason;
    private WebSocket socket;
    private ByteBuffer partialBinary = ByteBuffer.allocate(0);
    private StringBuilder partialText = new StringBuilder();

    static AudioSocket connect(URI uri, String authorization) {
        AudioSocket s = new AudioSocket();
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (authorization != null) b.header("Authorization", authorization);
        s.socket = b.buildAsync(uri, s).orTimeout(5, TimeUnit.SECONDS).join();
        return s;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        ByteBuffer joined = ByteBuffer.allocate(partialBinary.remaining() + data.remaining());
        joined.put(partialBinary).put(data).flip();
        partialBinary = joined;
        if (last) {
            byte[] bytes = new byte[partialBinary.remaining()];
            partialBinary.get(bytes);
            partialBinary = ByteBuffer.allocate(0);
            add(new Message(System.currentTimeMillis(), System.nanoTime(), bytes, null));
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partialText.append(data);
        if (last) {
            add(new Message(System.currentTimeMillis(), System.nanoTime(), null, partialText.toString()));
            partialText = new StringBuilder();
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.completeExceptionally(error);
    }

    private synchronized void add(Message m) {
        messages.add(m);
    }

    synchronized List<Message> messages() {
        return new ArrayList<>(messages);
    }

    List<Message> binary() {
        return messages().stream().filter(Message::binary).toList();
    }

    /** Waits until at least {@code n} messages have arrived. */
    List<Message> await(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Message> m = messages();
            if (m.size() >= n) return m;
            Thread.sleep(10);
        }
        return messages();
    }

    /** The close code, or -1 if the socket is still open after {@code timeout}. */
    int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return -1;
        }
    }

    String closeReason() {
        return closeReason;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        socket.abort();
    }
}
