package dev.switchboard.live;

import dev.switchboard.call.CallView;
import dev.switchboard.call.LineView;
import dev.switchboard.http.Json;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Messages on {@code /ws/dashboard}. Every tenant message carries the tenant's sequence number
 * ({@code seq}); a client that sees a gap reconnects to get a fresh snapshot. {@code call-upsert} is the
 * seed contract's message with {@code seq} added.
 */
public final class LiveMessage {
    private LiveMessage() {}

    /** A message as sockets send it: UTF-8 JSON, encoded once however many sockets get it (see {@link LiveSink#offer}). */
    static ByteBuffer encode(Object message) {
        return ByteBuffer.wrap(Json.writeBytes(message));
    }

    /** {@code lastLines}: the latest transcript line of each live call, keyed by call id (board previews). */
    public record Snapshot(String type, String clientId, long seq, String serverTime, List<CallView> calls,
                           Map<String, LineView> lastLines) {
        public Snapshot(String clientId, long seq, String serverTime, List<CallView> calls, Map<String, LineView> lastLines) {
            this("snapshot", clientId, seq, serverTime, calls, lastLines);
        }
    }

    public record CallUpsert(String type, String clientId, long seq, CallView call) {
        public CallUpsert(String clientId, long seq, CallView call) {
            this("call-upsert", clientId, seq, call);
        }
    }

    public record Transcript(String type, String clientId, long seq, String callId, LineView line) {
        public Transcript(String clientId, long seq, String callId, LineView line) {
            this("transcript", clientId, seq, callId, line);
        }
    }

    public record TranscriptPartial(String type, String clientId, long seq, String callId, String role, String text, String at) {
        public TranscriptPartial(String clientId, long seq, String callId, String role, String text, String at) {
            this("transcript-partial", clientId, seq, callId, role, text, at);
        }
    }

    public record TranscriptReset(String type, String clientId, long seq, String callId) {
        public TranscriptReset(String clientId, long seq, String callId) {
            this("transcript-reset", clientId, seq, callId);
        }
    }

    public record Speech(String type, String clientId, long seq, String callId, String role, String status, Integer turn, String at) {
        public Speech(String clientId, long seq, String callId, String role, String status, Integer turn, String at) {
            this("speech", clientId, seq, callId, role, status, turn, at);
        }
    }

    public record Alert(String type, String clientId, long seq, String callId, String kind, String at) {
        public Alert(String clientId, long seq, String callId, String kind, String at) {
            this("call-alert", clientId, seq, callId, kind, at);
        }
    }

    /** Keep-alive; no sequence number (it is not tenant data). */
    public record Ping(String type, String serverTime) {
        public Ping(String serverTime) {
            this("ping", serverTime);
        }
    }
}
