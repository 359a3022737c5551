package dev.switchboard.call;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.db.GroupCommitter;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.IsoTime;
import dev.switchboard.http.Json;
import dev.switchboard.tenant.TenantDirectory;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.List;

/**
 * The seed's debug API, exactly as documented in {@code seeds/001}: create or update a test call, log a
 * status event, list a call's status events. Off unless {@code SWITCHBOARD_DEBUG_API} (on in demo mode).
 */
public final class DebugRoutes {
    static final String DEFAULT_PHONE = "+15555550123";
    static final String DEFAULT_STATUS = "in-progress";

    private final boolean enabled;
    private final TenantDirectory tenants;
    private final CallQueries queries;
    private final GroupCommitter writer;
    private final CallService calls;
    private final CallUpdateListener live;
    private final Clock clock;

    public DebugRoutes(boolean enabled, TenantDirectory tenants, CallQueries queries, GroupCommitter writer,
                       CallService calls, CallUpdateListener live, Clock clock) {
        this.enabled = enabled;
        this.tenants = tenants;
        this.queries = queries;
        this.writer = writer;
        this.calls = calls;
        this.live = live;
        this.clock = clock;
    }

    record CreatedCall(boolean ok, @JsonProperty("call_id") String callId, boolean updated,
                       @JsonProperty("status_event_id") long statusEventId) {}

    record LoggedEvent(boolean ok, @JsonProperty("event_id") long eventId) {}

    record SeedStatusEvent(long id, @JsonProperty("call_id") String callId, @JsonProperty("client_id") String clientId,
                           String status, @JsonProperty("created_at") String createdAt, JsonNode payload) {}

    private record Created(Call call, long eventId, boolean updated) {}

    /** {@code POST /api/debug/create-test-call/{client_id}}. */
    public void createTestCall(Context ctx) {
        requireEnabled();
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        JsonNode body = body(ctx);
        long now = clock.millis();
        String callId = optionalText(body, "call_id");
        String id = callId == null ? "debug-" + now : callId;
        String phone = orDefault(optionalText(body, "phone_number"), DEFAULT_PHONE);
        String status = orDefault(optionalText(body, "status"), DEFAULT_STATUS);
        checkStatus(status);
        String payload = jsonOrNull(body.get("event_payload"));

        Created c = writer.submitAndWait(h -> {
            Call existing = new CallRepository(h).find(tenantId, id).orElse(null);
            Call call = existing == null ? newCall(tenantId, id, phone, status, now) : updated(existing, phone, status, now);
            calls.overwrite(h, call);
            long eventId = new StatusEventRepository(h).insert(tenantId, id, status, "debug", payload, now);
            return new Created(call, eventId, existing != null);
        }, created -> live.published(tenantId, List.of(new CallUpdate.CallChanged(created.call()))));
        ctx.json(new CreatedCall(true, id, c.updated(), c.eventId()));
    }

    /** {@code POST /api/debug/log-status-event/{client_id}/{call_id}}. */
    public void logStatusEvent(Context ctx) {
        requireEnabled();
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        String callId = ctx.pathParam("call_id");
        JsonNode body = body(ctx);
        String status = optionalText(body, "status");
        if (status == null) throw new ApiException(ErrorCode.INVALID_REQUEST, "status is required, e.g. {\"status\":\"in-progress\"}");
        checkStatus(status);
        String payload = jsonOrNull(body.get("payload"));
        if (!queries.exists(tenantId, callId)) throw CallQueries.notFound(tenantId, callId);
        long now = clock.millis();
        long id = writer.submitAndWait(h -> new StatusEventRepository(h).insert(tenantId, callId, status, "debug", payload, now));
        ctx.json(new LoggedEvent(true, id));
    }

    /** {@code GET /api/debug/status-events/{client_id}/{call_id}}: oldest first. */
    public void statusEvents(Context ctx) {
        requireEnabled();
        String tenantId = tenants.require(ctx.pathParam("client_id")).id();
        String callId = ctx.pathParam("call_id");
        ctx.json(queries.statusEvents(tenantId, callId).stream()
                .map(e -> new SeedStatusEvent(e.id(), e.callId(), e.tenantId(), e.status(), IsoTime.of(e.createdAt()),
                        Json.readStored(e.payload())))
                .toList());
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new ApiException(ErrorCode.NOT_FOUND, "The debug API is off; start with SWITCHBOARD_DEBUG_API=true (it is on in demo mode)");
        }
    }

    private static Call newCall(String tenantId, String id, String phone, String status, long now) {
        return new Call(tenantId, id, "debug", status, null, phone, null, null, null, now, now, now,
                CallStatus.isEnded(status) ? now : null, null, null, null, null, null, null, null, null, null, null,
                null, null, 1);
    }

    private static Call updated(Call c, String phone, String status, long now) {
        Long endedAt = CallStatus.isEnded(status) && c.endedAt() == null ? Long.valueOf(now) : c.endedAt();
        return new Call(c.tenantId(), c.id(), c.provider(), status, c.callType(), phone, c.ourNumber(), c.assistantId(),
                c.assistantName(), c.createdAt(), now, c.startedAt(), endedAt, c.endedReason(), c.cost(),
                c.costBreakdown(), c.summary(), c.structuredData(), c.successEvaluation(), c.recordingUrl(),
                c.stereoRecordingUrl(), c.transferDestination(), c.listenUrl(), c.controlUrl(), c.reportedAt(),
                c.version() + 1);
    }

    private static JsonNode body(Context ctx) {
        String raw = ctx.body();
        if (raw.isBlank()) return Json.MAPPER.createObjectNode();
        try {
            JsonNode node = Json.MAPPER.readTree(raw);
            if (!node.isObject()) throw new ApiException(ErrorCode.INVALID_REQUEST, "The body must be a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            dev.switchboard.http.JsonLimits.rethrowIfExceeded(e);
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw new ApiException(ErrorCode.INVALID_REQUEST, field + " must be a string");
        String s = n.asText().trim();
        if (s.length() > 200) throw new ApiException(ErrorCode.INVALID_REQUEST, field + " is longer than 200 characters");
        return s.isEmpty() ? null : s;
    }

    private static void checkStatus(String status) {
        if (status.length() > 32) throw new ApiException(ErrorCode.INVALID_REQUEST, "status is longer than 32 characters");
    }

    private static String orDefault(String value, String dflt) {
        return value == null ? dflt : value;
    }

    private static String jsonOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : Json.write(node);
    }
}
