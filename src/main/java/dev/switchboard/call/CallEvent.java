package dev.switchboard.call;

import java.util.List;

/** What a provider message says happened to a call, normalized across providers. */
public sealed interface CallEvent {
    String callId();

    /** Provider time of the event, epoch ms (receive time when the provider gave none). */
    long at();

    /** Facts from the call object every message carries (a snapshot that may be stale). */
    record Observed(String callId, long at, String snapshotStatus, String callType, String phoneNumber,
                    String ourNumber, String assistantId, String assistantName, Long createdAt, Long startedAt,
                    Long endedAt, String listenUrl, String controlUrl) implements CallEvent {
        @Override
        public String toString() {
            return "Observed[" + callId + " " + snapshotStatus + "]";
        }
    }

    /** The provider's own status change (the truth for status). */
    record StatusChanged(String callId, long at, String status, String endedReason, String destination) implements CallEvent {}

    record TranscriptFinal(String callId, long at, String role, String text, Double secondsFromStart) implements CallEvent {}

    /** A partial transcript: shown live, never stored. */
    record TranscriptPartial(String callId, long at, String role, String text) implements CallEvent {}

    /** The whole conversation so far (it grows; later deliveries repeat earlier turns). */
    record Conversation(String callId, long at, List<Utterance> lines) implements CallEvent {}

    /** Who started or stopped speaking: live only. */
    record Speech(String callId, long at, String role, String status, Integer turn) implements CallEvent {}

    record UserInterrupted(String callId, long at) implements CallEvent {}

    /** The assistant has not responded for a while (Vapi's {@code hang}); the call is still live. */
    record AssistantHang(String callId, long at) implements CallEvent {}

    record TransferStarted(String callId, long at, String destination) implements CallEvent {}

    /** The provider's end-of-call report: authoritative for everything it carries. */
    record Reported(String callId, long at, String endedReason, Long startedAt, Long endedAt, Double cost,
                    String costBreakdown, String summary, String structuredData, String successEvaluation,
                    String recordingUrl, String stereoRecordingUrl, String destination,
                    List<Utterance> lines) implements CallEvent {}
}
