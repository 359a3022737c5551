package dev.switchboard.call;

/**
 * One call as stored. {@code listenUrl} and {@code controlUrl} are the provider's capability URLs: they
 * stay on the server (see {@link CallView} for what leaves it). JSON-valued fields hold JSON text.
 * Times are epoch milliseconds.
 */
public record Call(
        String tenantId,
        String id,
        String provider,
        String status,
        String callType,
        String phoneNumber,
        String ourNumber,
        String assistantId,
        String assistantName,
        long createdAt,
        long updatedAt,
        Long startedAt,
        Long endedAt,
        String endedReason,
        Double cost,
        String costBreakdown,
        String summary,
        String structuredData,
        String successEvaluation,
        String recordingUrl,
        String stereoRecordingUrl,
        String transferDestination,
        String listenUrl,
        String controlUrl,
        Long reportedAt,
        long version) {

    public boolean isEnded() {
        return CallStatus.isEnded(status);
    }

    /** How long it was connected, when both ends are known; stored for history filters and analytics. */
    public Long durationMs() {
        return startedAt != null && endedAt != null && endedAt >= startedAt ? endedAt - startedAt : null;
    }

    /** The ended reason in its group ({@link EndedCategory#wire()}); null until the call has ended. */
    public String endedCategory() {
        return isEnded() ? EndedCategory.of(endedReason).wire() : null;
    }

    /** 1 when the call was handed to a human or another number, else 0 (stored as an integer in both dialects). */
    public int transferredFlag() {
        return transferDestination != null || EndedCategory.of(endedReason) == EndedCategory.TRANSFERRED ? 1 : 0;
    }

    @Override
    public String toString() {
        // Never print the capability URLs.
        return "Call[" + tenantId + "/" + id + " " + status + " v" + version + "]";
    }
}
