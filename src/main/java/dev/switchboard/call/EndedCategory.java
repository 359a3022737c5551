package dev.switchboard.call;

import java.util.Locale;
import java.util.Map;

/**
 * Vapi's ended reasons (over 600 values, more every month) in the groups history filters and analytics use.
 * Exact values seen every day are listed; anything else falls back to the documented patterns
 * ({@code pipeline-error-*}, {@code *vapifault*}, {@code *providerfault*}, {@code call.start.error-*}, transfer
 * errors), so a brand-new reason still lands in a sensible group. The frontend's {@code lib/ended-reason.ts}
 * puts the same values into words; keep the two in step.
 */
public enum EndedCategory {
    CUSTOMER_ENDED("customer_ended"),
    ASSISTANT_ENDED("assistant_ended"),
    TRANSFERRED("transferred"),
    /** No answer, voicemail, busy, misdialed: the conversation never happened. */
    UNREACHED("unreached"),
    ERROR("error"),
    OTHER("other");

    private static final Map<String, EndedCategory> KNOWN = Map.ofEntries(
            Map.entry("customer-ended-call", CUSTOMER_ENDED),
            Map.entry("customer-ended-call-before-warm-transfer", CUSTOMER_ENDED),
            Map.entry("customer-ended-call-after-warm-transfer-attempt", CUSTOMER_ENDED),
            Map.entry("customer-ended-call-during-transfer", CUSTOMER_ENDED),
            Map.entry("customer-did-not-give-microphone-permission", CUSTOMER_ENDED),
            Map.entry("call.ringing.sip-inbound-caller-hungup-before-call-connect", CUSTOMER_ENDED),
            Map.entry("call.in-progress.twilio-completed-call", CUSTOMER_ENDED),
            Map.entry("call.in-progress.sip-completed-call", CUSTOMER_ENDED),
            Map.entry("vonage-completed", CUSTOMER_ENDED),
            Map.entry("call.in-progress.error-assistant-did-not-receive-customer-audio", CUSTOMER_ENDED),
            Map.entry("assistant-ended-call", ASSISTANT_ENDED),
            Map.entry("assistant-ended-call-after-message-spoken", ASSISTANT_ENDED),
            Map.entry("assistant-ended-call-with-hangup-task", ASSISTANT_ENDED),
            Map.entry("assistant-said-end-call-phrase", ASSISTANT_ENDED),
            Map.entry("exceeded-max-duration", ASSISTANT_ENDED),
            Map.entry("silence-timed-out", ASSISTANT_ENDED),
            Map.entry("call.ringing.hook-executed-say", ASSISTANT_ENDED),
            Map.entry("call.ending.hook-executed-say", ASSISTANT_ENDED),
            Map.entry("assistant-forwarded-call", TRANSFERRED),
            Map.entry("call.ringing.hook-executed-transfer", TRANSFERRED),
            Map.entry("call.ending.hook-executed-transfer", TRANSFERRED),
            Map.entry("customer-busy", UNREACHED),
            Map.entry("customer-did-not-answer", UNREACHED),
            Map.entry("voicemail", UNREACHED),
            Map.entry("twilio-reported-customer-misdialed", UNREACHED),
            Map.entry("call.forwarding.operator-busy", ERROR),
            Map.entry("call.forwarding.no-answer", ERROR),
            Map.entry("assistant-join-timed-out", ERROR),
            Map.entry("twilio-failed-to-connect-call", ERROR),
            Map.entry("vonage-disconnected", ERROR),
            Map.entry("vonage-failed-to-connect-call", ERROR),
            Map.entry("vonage-rejected", ERROR),
            Map.entry("phone-call-provider-closed-websocket", ERROR),
            Map.entry("phone-call-provider-bypass-enabled-but-no-call-received", ERROR),
            Map.entry("worker-shutdown", ERROR),
            Map.entry("assistant-request-failed", ERROR),
            Map.entry("assistant-not-found", ERROR),
            Map.entry("assistant-not-valid", ERROR),
            Map.entry("call-start-error-neither-assistant-nor-server-set", ERROR),
            Map.entry("manually-canceled", OTHER),
            Map.entry("call-deleted", OTHER),
            Map.entry("scheduled-call-deleted", OTHER));

    private final String wire;

    EndedCategory(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The group of an ended reason; {@link #OTHER} for a missing one. */
    public static EndedCategory of(String reason) {
        if (reason == null || reason.isBlank()) return OTHER;
        String r = reason.trim();
        EndedCategory known = KNOWN.get(r);
        if (known != null) return known;
        r = r.toLowerCase(Locale.ROOT);
        if (r.startsWith("pipeline-error-") || r.contains("vapifault") || r.contains("providerfault") || r.contains("error")
                || r.contains("fail") || r.contains("rejected") || r.startsWith("assistant-request-returned")) {
            return ERROR;
        }
        if (r.contains("forwarded") || r.contains("hook-executed-transfer")) return TRANSFERRED;
        if (r.startsWith("customer-") || r.contains("completed")) return CUSTOMER_ENDED;
        if (r.startsWith("assistant-")) return ASSISTANT_ENDED;
        if (r.contains("no-answer") || r.contains("did-not-answer") || r.contains("busy") || r.contains("voicemail")) return UNREACHED;
        return OTHER;
    }

    /** The category for its wire name, or null. */
    public static EndedCategory parse(String wire) {
        for (EndedCategory c : values()) if (c.wire.equals(wire)) return c;
        return null;
    }
}
