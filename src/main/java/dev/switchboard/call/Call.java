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

    @Override
    public String toString() {
        // Never print the capability URLs.
        return "Call[" + tenantId + "/" + id + " " + status + " v" + version + "]";
    }
}
