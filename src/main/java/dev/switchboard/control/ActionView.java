package dev.switchboard.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.http.IsoTime;
import dev.switchboard.http.Json;

/**
 * An audited action as the API shows it (in a control response and in the call detail's {@code actions}).
 * {@code durationMs} and {@code framesDropped} are set for finished listen sessions only.
 */
public record ActionView(
        long id,
        String action,
        String actor,
        String clientAddress,
        JsonNode parameters,
        String outcome,
        String detail,
        Integer providerStatus,
        Long latencyMs,
        String at,
        String endedAt,
        Long durationMs,
        Long framesDropped) {

    public static ActionView of(SupervisorAction a) {
        return new ActionView(a.id(), a.action(), a.actor(), a.clientAddress(), Json.readStored(a.parameters()), a.outcome(),
                a.detail(), a.providerStatus(), a.latencyMs(), IsoTime.of(a.at()), IsoTime.of(a.endedAt()),
                a.endedAt() == null ? null : a.endedAt() - a.at(), a.framesDropped());
    }
}
