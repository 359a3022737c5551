package dev.switchboard.control;

/**
 * One audited supervisor action on a call, as stored: a control action (transfer, end, say, whisper,
 * mute, unmute) or a listen session. Times are epoch milliseconds; {@code parameters} is JSON text.
 *
 * @param outcome        {@code ok}, {@code rejected} (by us or the provider), {@code failed} or {@code timeout}
 * @param providerStatus the provider's HTTP status, when it answered
 * @param latencyMs      the provider's answer time (for listen: until audio started), when known
 * @param endedAt        listen sessions only: when the session ended (null while it is open)
 * @param framesDropped  listen sessions only: audio frames this listener lost for falling behind
 */
public record SupervisorAction(
        long id,
        String tenantId,
        String callId,
        String action,
        String actor,
        String clientAddress,
        String parameters,
        String outcome,
        String detail,
        Integer providerStatus,
        Long latencyMs,
        long at,
        Long endedAt,
        Long framesDropped) {

    public static final String LISTEN = "listen";

    /** Outcomes. */
    public static final String OK = "ok";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";
    public static final String TIMEOUT = "timeout";
}
