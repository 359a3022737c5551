package dev.switchboard.http;

import dev.switchboard.db.GroupCommitter;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/** Maps every failure to the one error shape, so no handler formats errors itself. */
public final class ErrorHandlers {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandlers.class);

    private ErrorHandlers() {}

    public static void install(JavalinConfig config) {
        config.routes.exception(ApiException.class, (e, ctx) -> write(ctx, e.code(), e.getMessage()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromStatus(e.getStatus()), e.getMessage()));
        config.routes.exception(GroupCommitter.OverloadedException.class, (e, ctx) -> write(ctx, failure(e, RequestIds.of(ctx))));
        config.routes.exception(GroupCommitter.CommitTimeoutException.class, (e, ctx) -> write(ctx, failure(e, RequestIds.of(ctx))));
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.error("unhandled error on {}", describe(ctx), e);
            write(ctx, failure(e, RequestIds.of(ctx)));
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                write(ctx, ErrorCode.NOT_FOUND, "No such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
        config.routes.error(405, ctx -> write(ctx, ErrorCode.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path()));
    }

    /** "METHOD /path", or a placeholder when the request is already gone (e.g. during shutdown). */
    private static String describe(Context ctx) {
        try {
            return ctx.method() + " " + ctx.path();
        } catch (RuntimeException gone) {
            return "a request that is no longer available";
        }
    }

    /** What a failure answers: its error code and message, and how soon to retry when retrying helps (else null). */
    public record Failure(ErrorCode code, String message, String retryAfterSeconds) {
        public ErrorBody body(String requestId) {
            return ErrorBody.of(code, message, requestId);
        }
    }

    /** The answer to an exception; anything unexpected is an internal error the caller logs. */
    public static Failure failure(Throwable e, String requestId) {
        if (e instanceof ApiException api) return new Failure(api.code(), api.getMessage(), null);
        if (e instanceof GroupCommitter.OverloadedException) {
            return new Failure(ErrorCode.OVERLOADED, "Switchboard is overloaded; retry shortly", "1");
        }
        if (e instanceof GroupCommitter.CommitTimeoutException) {
            return new Failure(ErrorCode.UNAVAILABLE, "The database did not commit in time; retry (a redelivery is safe)", "5");
        }
        return new Failure(ErrorCode.INTERNAL, "Internal error; quote request id " + requestId + " when reporting it", null);
    }

    private static void write(Context ctx, Failure f) {
        if (f.retryAfterSeconds() != null) ctx.header("Retry-After", f.retryAfterSeconds());
        ctx.status(f.code().status()).json(f.body(RequestIds.of(ctx)));
    }

    public static void write(Context ctx, ErrorCode code, String message) {
        ctx.status(code.status()).json(ErrorBody.of(code, message, RequestIds.of(ctx)));
    }

    /**
     * Writes the error body now: Javalin sends only the status of a refused upgrade, and the browser (or
     * an operator with curl) should see which refusal it was.
     */
    public static void refuseUpgrade(Context ctx, ApiException e) {
        try {
            byte[] body = Json.write(ErrorBody.of(e.code(), e.getMessage(), RequestIds.of(ctx))).getBytes(StandardCharsets.UTF_8);
            var res = ctx.res();
            res.setStatus(e.code().status());
            res.setContentType("application/json");
            res.setContentLength(body.length);
            res.getOutputStream().write(body);
            res.flushBuffer();
        } catch (java.io.IOException | RuntimeException ignored) {
            // the client went away; the status alone is all we could send
        }
    }

    private static ErrorCode fromStatus(int status) {
        return switch (status) {
            case 400 -> ErrorCode.INVALID_REQUEST;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> ErrorCode.INTERNAL;
        };
    }
}
