package dev.switchboard.call;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.switchboard.http.IsoTime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A call as browsers and API clients see it (camelCase, as in the seed's {@code call-upsert}). The first
 * six fields are the seed contract. {@code listenUrl} is Switchboard's own relay path, present while the
 * call is live and the provider offered audio; the provider's capability URLs never appear. The JSON-valued
 * fields are written as stored (JSON text Switchboard itself serialized), not re-parsed per message.
 */
public record CallView(
        String id,
        String status,
        String phoneNumber,
        String startedAt,
        String endedAt,
        String listenUrl,
        String provider,
        String createdAt,
        String updatedAt,
        String type,
        String direction,
        String assistantId,
        String assistantName,
        String ourNumber,
        String endedReason,
        Double cost,
        @JsonRawValue String costBreakdown,
        String summary,
        @JsonRawValue String structuredData,
        @JsonRawValue String successEvaluation,
        String recordingUrl,
        String stereoRecordingUrl,
        String transferDestination,
        boolean controllable,
        long version) {

    public static CallView of(Call c) {
        return new CallView(c.id(), c.status(), c.phoneNumber(), IsoTime.of(c.startedAt()), IsoTime.of(c.endedAt()),
                relayPath(c), c.provider(), IsoTime.of(c.createdAt()), IsoTime.of(c.updatedAt()), c.callType(),
                direction(c.callType()), c.assistantId(), c.assistantName(), c.ourNumber(), c.endedReason(), c.cost(),
                c.costBreakdown(), c.summary(), c.structuredData(), c.successEvaluation(), c.recordingUrl(), c.stereoRecordingUrl(),
                c.transferDestination(), c.controlUrl() != null && !c.isEnded(), c.version());
    }

    /** Switchboard's listen relay for a live call with provider audio, else null. */
    public static String relayPath(Call c) {
        if (c.listenUrl() == null || c.isEnded()) return null;
        return "/ws/listen/" + encode(c.id()) + "?client_id=" + encode(c.tenantId());
    }

    public static String direction(String callType) {
        if (callType == null) return null;
        return switch (callType) {
            case "inboundPhoneCall" -> "inbound";
            case "outboundPhoneCall" -> "outbound";
            case "webCall", "vapi.websocketCall" -> "web";
            default -> "other";
        };
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
