package dev.switchboard.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A complete HTTP/1.1 response taken from the front of a read buffer: its status and whether the server
 * closes the connection; the body (Content-Length framed, as Switchboard answers webhooks) is skipped.
 */
record HttpResponseHead(int status, boolean close) {
    /**
     * Parses and removes one complete response from {@code in} (a buffer being written to); null if the
     * buffer does not hold a whole response yet.
     */
    static HttpResponseHead parse(ByteBuffer in) throws IOException {
        int filled = in.position();
        int headEnd = indexOfBlankLine(in, filled);
        if (headEnd < 0) {
            if (!in.hasRemaining()) throw new IOException("response head larger than " + in.capacity() + " bytes");
            return null;
        }
        String head = new String(in.array(), 0, headEnd, StandardCharsets.ISO_8859_1);
        if (!head.startsWith("HTTP/1.1 ") || head.length() < 12) throw new IOException("bad status line: " + head.lines().findFirst().orElse(""));
        int status = Integer.parseInt(head.substring(9, 12));
        long length = 0;
        boolean close = false;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(value);
            else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) close = true;
            else if (name.equalsIgnoreCase("Transfer-Encoding")) throw new IOException("chunked responses are not expected");
        }
        long total = headEnd + 4 + length;
        if (total > in.capacity()) throw new IOException("response larger than " + in.capacity() + " bytes");
        if (filled < total) return null;
        in.flip();
        in.position((int) total);
        in.compact();
        return new HttpResponseHead(status, close);
    }

    private static int indexOfBlankLine(ByteBuffer in, int filled) {
        byte[] a = in.array();
        for (int i = 0; i + 3 < filled; i++) {
            if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') return i;
        }
        return -1;
    }
}
