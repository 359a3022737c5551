package dev.switchboard.call;

/**
 * The provider-neutral call lifecycle, in order. A call only moves forward: a status with a lower rank
 * than the current one is a late or duplicate delivery and is ignored.
 */
public enum CallStatus {
    SCHEDULED("scheduled"),
    QUEUED("queued"),
    RINGING("ringing"),
    IN_PROGRESS("in-progress"),
    FORWARDING("forwarding"),
    ENDED("ended");

    private final String wire;

    CallStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The rank of a stored status string; -1 for anything outside the lifecycle (e.g. "not-found"). */
    public static int rank(String status) {
        if (status == null) return -1;
        for (CallStatus s : values()) {
            if (s.wire.equals(status)) return s.ordinal();
        }
        return -1;
    }

    public static boolean isEnded(String status) {
        return ENDED.wire.equals(status);
    }

    /** Status a call starts in before any event has told us more. */
    public static final String UNKNOWN = "unknown";
}
