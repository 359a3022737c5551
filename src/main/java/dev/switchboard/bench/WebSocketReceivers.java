package dev.switchboard.bench;

import dev.switchboard.ops.Threads;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Receive-only WebSocket clients for the benchmark's dashboard probes, all read by one thread through one
 * selector. A blocking thread per socket made every flush of the server wake a hundred threads; the probes
 * share the two cores with the server being measured, so their wake-ups were taken from it. Answers pings;
 * ignores everything else it does not need. Not a general-purpose client.
 */
final class WebSocketReceivers implements AutoCloseable {
    private final List<Connection> connections = new ArrayList<>();
    private final Selector selector;
    private Thread thread;
    private volatile boolean running = true;

    WebSocketReceivers() throws IOException {
        selector = Selector.open();
    }

    /** One socket and its frame decoder. */
    static final class Connection {
        private final SocketChannel channel;
        private final FrameDecoder decoder;
        volatile int closeCode;

        private Connection(SocketChannel channel, Consumer<String> onText) {
            this.channel = channel;
            this.decoder = new FrameDecoder(new FrameDecoder.Handler() {
                @Override
                public void text(String message) {
                    onText.accept(message);
                }

                @Override
                public void ping(byte[] payload) throws IOException {
                    channel.write(ByteBuffer.wrap(FrameDecoder.maskedFrame(0xA, payload)));
                }

                @Override
                public void close(int code) {
                    closeCode = code;
                }
            });
        }

        int closeCode() {
            return closeCode;
        }
    }

    /** Opens a socket and completes the upgrade (blocking); it is read once {@link #start} runs. */
    Connection connect(String host, int port, String pathAndQuery, Consumer<String> onText) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.socket().setTcpNoDelay(true);
        channel.socket().connect(new InetSocketAddress(host, port), 5000);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        channel.write(ByteBuffer.wrap(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
        Connection c = new Connection(channel, onText);
        String head = c.decoder.readHandshake(channel);
        if (!head.startsWith("HTTP/1.1 101")) {
            channel.close();
            throw new IOException("WebSocket upgrade refused: " + head.lines().findFirst().orElse(""));
        }
        channel.configureBlocking(false);
        connections.add(c);
        return c;
    }

    /** Starts reading every connected socket on one thread. */
    void start(String threadName) throws IOException {
        for (Connection c : connections) c.channel.register(selector, SelectionKey.OP_READ, c);
        thread = Threads.daemon(this::loop, threadName);
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                selector.select(200);
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection c = (Connection) key.attachment();
                    try {
                        if (!c.decoder.readFrom(c.channel)) end(key, c);
                    } catch (IOException e) {
                        end(key, c);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (running) throw new java.io.UncheckedIOException(e);
        }
    }

    private static void end(SelectionKey key, Connection c) {
        key.cancel();
        if (c.closeCode == 0) c.closeCode = -1;
        try {
            c.channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            if (thread != null) thread.join(5_000);
            for (Connection c : connections) c.channel.close();
            selector.close();
        } catch (IOException | InterruptedException ignored) {
            // closing anyway
        }
    }
}
