package dev.switchboard.http;

/** Every error the API can answer with: a stable machine code and its HTTP status. */
public enum ErrorCode {
    MALFORMED_JSON(400),
    MISSING_MESSAGE_TYPE(400),
    INVALID_PAYLOAD(400),
    INVALID_REQUEST(400),
    INVALID_NUMBER(400),
    WRONG_PASSWORD(400),
    JSON_TOO_DEEP(400),
    JSON_VALUE_TOO_LONG(400),
    ORIGIN_NOT_ALLOWED(403),
    WEBHOOK_AUTH_MISSING(401),
    WEBHOOK_AUTH_INVALID(401),
    WEBHOOK_SIGNATURE_STALE(401),
    UNKNOWN_TENANT(404),
    CALL_NOT_FOUND(404),
    TRANSFER_TARGET_NOT_FOUND(404),
    NOT_FOUND(404),
    USER_NOT_FOUND(404),
    NOT_SIGNED_IN(401),
    INVALID_CREDENTIALS(401),
    CSRF_FAILED(403),
    FORBIDDEN(403),
    TOO_MANY_ATTEMPTS(429),
    METHOD_NOT_ALLOWED(405),
    CALL_NOT_LIVE(409),
    NO_AUDIO(409),
    CALL_NOT_CONTROLLABLE(409),
    DUPLICATE_NAME(409),
    ALREADY_EXISTS(409),
    LAST_ADMIN(409),
    CANNOT_REMOVE_SELF(409),
    MASTER_KEY_MISSING(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    OVERLOADED(503),
    UNAVAILABLE(503),
    PROVIDER_REJECTED(502),
    PROVIDER_UNREACHABLE(502),
    PROVIDER_TIMEOUT(504),
    INTERNAL(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The wire form, e.g. {@code unknown_tenant}. */
    public String code() {
        return name().toLowerCase();
    }
}
