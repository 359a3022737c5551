package dev.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A raw WebSocket upgrade request, to see exactly how a refused upgrade is answered (the JDK client hides
 * the body of a failed handshake).
 */
public final class Handshake {
    /** The answer to an upgrade request: its status, for an error the JSON body, and the headers (names lowercase). */
    public record Answer(int status, JsonNode body, Map<String, String> headers) {}

    private Handshake() {}

    public static Answer attempt(URI ws) {
        return attempt(ws, Map.of());
    }

    /** With extra request headers, e.g. {@code Origin}. */
    public static Answer attempt(URI ws, Map<String, String> extraHeaders) {
        StringBuilder extra = new StringBuilder();
        extraHeaders.forEach((k, v) -> extra.append(k).append(": ").append(v).append("\r\n"));
        try (Socket s = new Socket(ws.getHost(), ws.getPort())) {
            s.setSoTimeout(5_000);
            String path = ws.getRawPath() + (ws.getRawQuery() == null ? "" : "?" + ws.getRawQuery());
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + ws.getHost() + ":" + ws.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n" + extra + "\r\n";
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = readHead(in);
            int status = Integer.parseInt(head.split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) headers.merge(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
            if (status == 101) return new Answer(101, null, headers);
            int length = -1;
            boolean chunked = false;
            for (String line : head.split("\r\n")) {
                String lower = line.toLowerCase();
                if (lower.startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
            }
            String body = chunked ? readChunked(in) : new String(in.readNBytes(Math.max(0, length)), StandardCharsets.UTF_8);
            return new Answer(status, body.isBlank() ? null : TestApp.json(body), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            b.write(c);
            String s = b.toString(StandardCharsets.US_ASCII);
            if (s.endsWith("\r\n\r\n")) return s;
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    private static String readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') if (c != '\r') line.append((char) c);
            int size = Integer.parseInt(line.toString().trim(), 16);
            if (size == 0) return body.toString(StandardCharsets.UTF_8);
            body.write(in.readNBytes(size));
            in.read();
            in.read();
        }
    }
}
