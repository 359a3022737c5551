package dev.switchboard.history;

import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page starts: the (created_at, id) of the last row shown (and its search document on SQLite). Opaque to clients (base64url), so the
 * ordering can change without breaking their code. Rows are ordered newest first; a call inserted later sorts
 * before the cursor and never shifts the pages after it.
 */
public record Cursor(long createdAt, long doc, String id) {

    /** {@code doc}: the search document's id on SQLite search pages (they are in document order), else 0. */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + ":" + doc + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String raw) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.UTF_8);
            String[] parts = s.split(":", 3);
            if (parts.length == 3 && !parts[2].isEmpty()) return new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]);
        } catch (IllegalArgumentException ignored) {
            // fall through to the error below
        }
        throw new ApiException(ErrorCode.INVALID_REQUEST, "Parameter 'cursor' must be the 'next' value of a previous page");
    }
}
