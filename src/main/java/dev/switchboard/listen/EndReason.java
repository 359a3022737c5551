package dev.switchboard.listen;

/**
 * Why a listen socket ended, as sent in {@code {"type":"ended","reason":…}} with its close code: 4000 when
 * the call ended, 1011 when the provider's audio failed. {@code LISTENER_LEFT} is for the audit only.
 */
enum EndReason {
    CALL_ENDED("call-ended", 4000, "The call ended."),
    UPSTREAM_CLOSED("upstream-closed", 1011, "The provider closed the call's audio stream."),
    UPSTREAM_ERROR("upstream-error", 1011, "The call's audio stream failed."),
    SHUTDOWN("upstream-closed", 1001, "Switchboard is shutting down."),
    LISTENER_LEFT("listener-left", 1000, "Stopped listening.");

    final String wire;
    final int closeCode;
    final String message;

    EndReason(String wire, int closeCode, String message) {
        this.wire = wire;
        this.closeCode = closeCode;
        this.message = message;
    }
}
