package dev.switchboard.history;

import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page starts: the (created_at, id) of the last row shown. Opaque to clients (base64url), so the
 * ordering can change without breaking their code. Rows are ordered newest first; a call inserted later sorts
 * before the cursor and never shifts the pages after it.
 */
public record Cursor(long createdAt, String id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String raw) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
            int colon = s.indexOf(':');
            if (colon > 0 && colon < s.length() - 1) return new Cursor(Long.parseLong(s.substring(0, colon)), s.substring(colon + 1));
        } catch (IllegalArgumentException ignored) {
            // fall through to the error below
        }
        throw new ApiException(ErrorCode.INVALID_REQUEST, "Parameter 'cursor' must be the 'next' value of a previous page");
    }
}
