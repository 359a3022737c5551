package dev.switchboard.bench;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Incremental decoder of server-to-client WebSocket frames (RFC 6455 §5.2): bytes arrive in whatever
 * pieces the socket delivers, frames and fragmented messages are completed across reads. Server frames are
 * unmasked; extensions are not negotiated by the probes, so none are expected.
 */
final class FrameDecoder {
    interface Handler {
        void text(String message);

        void ping(byte[] payload) throws IOException;

        void close(int code);
    }

    private final Handler handler;
    private ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    private byte[] message = new byte[16 * 1024];
    private int messageLength;

    FrameDecoder(Handler handler) {
        this.handler = handler;
    }

    /**
     * Reads the HTTP upgrade response up to its blank line (blocking channel) and returns it; bytes after it
     * are already frames and stay buffered for {@link #readFrom}.
     */
    String readHandshake(ReadableByteChannel channel) throws IOException {
        while (true) {
            if (channel.read(in) < 0) throw new EOFException("connection closed during the WebSocket upgrade");
            byte[] seen = Arrays.copyOf(in.array(), in.position());
            int end = new String(seen, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
            if (end >= 0) {
                in.flip();
                in.position(end + 4);
                in.compact();
                return new String(seen, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (!in.hasRemaining()) throw new IOException("WebSocket upgrade response too long");
        }
    }

    /** Reads what the channel has and handles every complete frame; false once the stream ended or closed. */
    boolean readFrom(ReadableByteChannel channel) throws IOException {
        int n = channel.read(in);
        boolean open = decode();
        return open && n >= 0;
    }

    /** Handles the complete frames in the buffer; false after a close frame. */
    boolean decode() throws IOException {
        in.flip();
        try {
            while (in.remaining() >= 2) {
                int start = in.position();
                int b0 = in.get(start) & 0xFF;
                int b1 = in.get(start + 1) & 0xFF;
                int header = 2;
                long length = b1 & 0x7F;
                if (length == 126) {
                    if (in.remaining() < 4) break;
                    length = in.getShort(start + 2) & 0xFFFF;
                    header = 4;
                } else if (length == 127) {
                    if (in.remaining() < 10) break;
                    length = in.getLong(start + 2);
                    header = 10;
                }
                if ((b1 & 0x80) != 0) throw new IOException("the server sent a masked frame");
                if (length > Integer.MAX_VALUE - header) throw new IOException("frame too large: " + length);
                int frameLength = header + (int) length;
                if (in.remaining() < frameLength) {
                    if (frameLength > in.capacity()) grow(frameLength);
                    break;
                }
                in.position(start + frameLength);
                if (b0 == 0x81 && messageLength == 0) {
                    // The usual case, a whole text message in one frame: decoded straight from the buffer.
                    handler.text(new String(in.array(), start + header, (int) length, StandardCharsets.UTF_8));
                    continue;
                }
                if (!frame(b0, Arrays.copyOfRange(in.array(), start + header, start + frameLength))) return false;
            }
            return true;
        } finally {
            in.compact();
        }
    }

    private boolean frame(int b0, byte[] payload) throws IOException {
        boolean fin = (b0 & 0x80) != 0;
        switch (b0 & 0x0F) {
            case 0x1, 0x0 -> {
                if (messageLength + payload.length > message.length) {
                    message = Arrays.copyOf(message, Math.max(message.length * 2, messageLength + payload.length));
                }
                System.arraycopy(payload, 0, message, messageLength, payload.length);
                messageLength += payload.length;
                if (fin) {
                    handler.text(new String(message, 0, messageLength, StandardCharsets.UTF_8));
                    messageLength = 0;
                }
            }
            case 0x9 -> handler.ping(payload);
            case 0x8 -> {
                handler.close(payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005);
                return false;
            }
            default -> { /* binary frames and pongs are not expected here */ }
        }
        return true;
    }

    /** Called with the buffer flipped (read mode): keeps the unread bytes, with room for the whole frame. */
    private void grow(int frameLength) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(in.capacity() * 2, frameLength));
        bigger.put(in);
        bigger.flip();
        in = bigger;
    }

    /** A client frame, masked as RFC 6455 §5.3 requires (control frames: payload under 126 bytes). */
    static byte[] maskedFrame(int opcode, byte[] payload) {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) (0x80 | opcode);
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        return frame;
    }
}
