package dev.switchboard.http;

/** The one error shape: {@code {"error":{"code":…,"message":…,"requestId":…}}}. */
public record ErrorBody(Detail error) {
    public record Detail(String code, String message, String requestId) {}

    public static ErrorBody of(ErrorCode code, String message, String requestId) {
        return new ErrorBody(new Detail(code.code(), message, requestId));
    }
}
