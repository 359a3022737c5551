package dev.switchboard.call;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.http.IsoTime;

/**
 * A call in the seed's {@code GET /api/{client_id}/calls} shape (snake_case). The first nine fields are
 * the documented contract; the rest are additions old clients ignore.
 */
public record SeedCall(
        String id,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("phone_number") String phoneNumber,
        String status,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("ended_at") String endedAt,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("listen_url") String listenUrl,
        String type,
        @JsonProperty("assistant_name") String assistantName,
        @JsonProperty("ended_reason") String endedReason,
        Double cost) {

    public static SeedCall of(Call c) {
        return new SeedCall(c.id(), c.tenantId(), c.phoneNumber(), c.status(), IsoTime.of(c.startedAt()),
                IsoTime.of(c.endedAt()), IsoTime.of(c.createdAt()), IsoTime.of(c.updatedAt()), CallView.relayPath(c),
                c.callType(), c.assistantName(), c.endedReason(), c.cost());
    }
}
