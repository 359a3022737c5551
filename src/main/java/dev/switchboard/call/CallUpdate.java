package dev.switchboard.call;

/** What changed for live viewers after a committed batch of events (published in this order). */
public sealed interface CallUpdate {
    String callId();

    record CallChanged(Call call) implements CallUpdate {
        @Override
        public String callId() {
            return call.id();
        }
    }

    record LineAdded(TranscriptLine line) implements CallUpdate {
        @Override
        public String callId() {
            return line.callId();
        }
    }

    /** The stored transcript was replaced (source switched or the report arrived): viewers refetch it. */
    record TranscriptReset(String callId) implements CallUpdate {}

    record PartialTranscript(String callId, String role, String text, long at) implements CallUpdate {}

    record Speaking(String callId, String role, String status, Integer turn, long at) implements CallUpdate {}

    /** Something a supervisor should notice: {@code hang} (assistant unresponsive) or {@code user-interrupted}. */
    record Alert(String callId, String kind, long at) implements CallUpdate {}
}
