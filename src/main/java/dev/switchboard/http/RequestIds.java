package dev.switchboard.http;

import io.javalin.http.Context;
import org.slf4j.MDC;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} if it is sane, else a new one), puts it
 * in the logging MDC and echoes it in the response so a user's error report can be found in the logs.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {}

    public static void assign(Context ctx) {
        String id = idFor(ctx.header(HEADER));
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(ATTRIBUTE, id);
    }

    /** The caller's id if it is sane, else a new one. */
    public static String idFor(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : newId();
    }

    public static void clear(Context ctx) {
        MDC.remove(ATTRIBUTE);
    }

    /**
     * Puts the request's id back in the logging MDC until closed: Javalin's request log runs after the {@code after}
     * handlers have cleared it, and its line is the one an error report is looked up by.
     */
    public static MDC.MDCCloseable inLog(Context ctx) {
        return MDC.putCloseable(ATTRIBUTE, of(ctx));
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }

    static String newId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }
}
