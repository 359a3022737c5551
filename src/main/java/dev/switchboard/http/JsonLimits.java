package dev.switchboard.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.javalin.http.Context;

/**
 * Limits on JSON read from requests. Nesting is bounded so a hostile body cannot exhaust the stack or the
 * CPU of a tree walk (a real end-of-call report nests about 8 deep); strings and numbers are bounded so one
 * value cannot be the whole body's worth of work. Webhook bodies keep their own byte limit
 * ({@code SWITCHBOARD_MAX_WEBHOOK_BYTES}, which is also Javalin's {@code maxRequestSize}); the API's own
 * bodies are small JSON objects and get a much smaller one.
 *
 * <p>Thread-safe: stateless.
 */
public final class JsonLimits {
    public static final int MAX_NESTING_DEPTH = 64;
    public static final int MAX_STRING_LENGTH = 5_000_000;
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Bodies of {@code /api/**} requests. */
    public static final int MAX_API_BODY_BYTES = 64 * 1024;

    private JsonLimits() {}

    static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build();
    }

    /**
     * Call first in a {@code catch (JsonProcessingException e)} around parsing a request body: a body that
     * broke a limit gets its own 400 ({@code json_too_deep}, {@code json_value_too_long}) instead of
     * "malformed".
     */
    public static void rethrowIfExceeded(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException limit) throw refusal(limit);
            if (t.getCause() == t) break;
        }
    }

    static ApiException refusal(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return new ApiException(ErrorCode.JSON_TOO_DEEP,
                    "The JSON nests deeper than " + MAX_NESTING_DEPTH + " levels");
        }
        return new ApiException(ErrorCode.JSON_VALUE_TOO_LONG, "A JSON value is longer than allowed (strings "
                + MAX_STRING_LENGTH + " characters, numbers " + MAX_NUMBER_LENGTH + " digits)");
    }

    /**
     * A refused body up to this size is read and thrown away before the 413 goes out. Closing a connection with
     * unread input makes the kernel reset it, and a client still sending then loses the answer ("no bytes")
     * instead of reading why. Reading costs bandwidth, not memory (nothing is kept), so the bound is generous:
     * above the largest webhook limit a sender could configure would still be refused, but a body this large is
     * not a mistake worth the bandwidth. A client that wants the answer to an even larger body without sending
     * it asks with {@code Expect: 100-continue}: the 413 then goes out before any of the body is sent.
     */
    static final long DRAIN_BEFORE_REFUSING = 16L * 1024 * 1024;

    /**
     * Reads and discards the request body when its declared length is at most {@link #DRAIN_BEFORE_REFUSING};
     * otherwise the answer says {@code Connection: close}, so the client opens a new connection for its next
     * request instead of reusing one the server is about to close. A client still sending such a body may see
     * the connection reset instead of the 413: HTTP/1.1 offers no way to refuse an unread body more politely.
     */
    public static void drainBeforeRefusing(Context ctx) {
        long declared = ctx.contentLength();
        boolean askedFirst = "100-continue".equalsIgnoreCase(ctx.header("Expect"));
        if (declared < 0 || declared > DRAIN_BEFORE_REFUSING || askedFirst) {
            // With Expect: 100-continue nothing has been sent yet; reading would invite the body we refuse.
            ctx.header("Connection", "close");
            return;
        }
        try {
            ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
            // the client went away: nothing to answer
        }
    }

    /** Before every request: an {@code /api/} body over {@link #MAX_API_BODY_BYTES} gets 413. */
    public static void limitApiBody(Context ctx) {
        if (!ctx.path().startsWith("/api/")) return;
        long declared = ctx.contentLength();
        if (declared > MAX_API_BODY_BYTES) {
            drainBeforeRefusing(ctx);
            throw tooLarge();
        }
        // Chunked (no length): read it now, within Javalin's overall limit; handlers get the cached bytes.
        if (declared < 0 && ctx.header("Transfer-Encoding") != null && ctx.bodyAsBytes().length > MAX_API_BODY_BYTES) {
            throw tooLarge();
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                "The body is larger than the " + MAX_API_BODY_BYTES + "-byte limit for API requests");
    }
}
