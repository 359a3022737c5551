package dev.switchboard.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A receive-only WebSocket client for the benchmark's dashboard probes: handshake, then read text frames
 * on one blocking thread. The JDK's client costs several times more CPU per message, and the 100 probes
 * share the two cores with the server being measured. Answers pings; ignores everything else it does not
 * need. Not a general-purpose client.
 */
final class RawWebSocketReader implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Thread reader;
    volatile int closeCode;

    RawWebSocketReader(String host, int port, String pathAndQuery, Consumer<String> onText, String threadName) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = RawHttp.readLine(in);
        if (status == null || !status.contains(" 101 ")) throw new IOException("WebSocket upgrade refused: " + status);
        while (true) {
            String line = RawHttp.readLine(in);
            if (line == null || line.isEmpty()) break;
        }
        reader = new Thread(() -> readLoop(onText), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(Consumer<String> onText) {
        byte[] message = new byte[64 * 1024];
        int messageLength = 0;
        try {
            while (true) {
                int b0 = in.read();
                int b1 = in.read();
                if (b0 < 0 || b1 < 0) return;
                boolean fin = (b0 & 0x80) != 0;
                int opcode = b0 & 0x0F;
                long len = b1 & 0x7F;
                if (len == 126) len = (in.read() << 8) | in.read();
                else if (len == 127) {
                    len = 0;
                    for (int i = 0; i < 8; i++) len = (len << 8) | in.read();
                }
                byte[] payload = in.readNBytes((int) len);
                switch (opcode) {
                    case 0x1, 0x0 -> {
                        if (messageLength + payload.length > message.length) {
                            message = java.util.Arrays.copyOf(message, Math.max(message.length * 2, messageLength + payload.length));
                        }
                        System.arraycopy(payload, 0, message, messageLength, payload.length);
                        messageLength += payload.length;
                        if (fin) {
                            onText.accept(new String(message, 0, messageLength, StandardCharsets.UTF_8));
                            messageLength = 0;
                        }
                    }
                    case 0x9 -> sendControl(0xA, payload); // ping → pong
                    case 0x8 -> {
                        closeCode = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                        return;
                    }
                    default -> { /* binary and pongs are not expected here */ }
                }
            }
        } catch (IOException e) {
            if (closeCode == 0) closeCode = -1;
        }
    }

    /** Client frames must be masked (RFC 6455 §5.3). */
    private synchronized void sendControl(int opcode, byte[] payload) throws IOException {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) (0x80 | opcode);
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        out.write(frame);
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
