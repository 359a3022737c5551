package dev.switchboard.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallRepository;
import dev.switchboard.db.Database;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;
import dev.switchboard.http.Json;
import dev.switchboard.http.RequestJson;
import dev.switchboard.tenant.TenantDirectory;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;

/**
 * Supervisor actions on a live call: validate, POST the provider's exact control body to the call's
 * {@code controlUrl}, audit the attempt with its outcome and latency, and map the outcome to the API's
 * errors. The call's status is not touched here: the board follows the real result through the
 * provider's webhooks (forwarding, then ended with its {@code endedReason}). Thread-safe.
 */
public final class CallControl {
    static final int MAX_TEXT = 1000;
    /** The actions, in the order the API lists them. */
    public static final java.util.List<String> ACTIONS = java.util.List.of("transfer", "end", "say", "whisper", "mute", "unmute");

    private final Database database;
    private final TenantDirectory tenants;
    private final ActionLog log;
    private final ProviderControl provider;
    private final Clock clock;

    public CallControl(Database database, TenantDirectory tenants, ActionLog log, java.net.http.HttpClient http,
                       java.time.Duration deadline, Clock clock) {
        this.database = database;
        this.tenants = tenants;
        this.log = log;
        this.provider = new ProviderControl(http, deadline);
        this.clock = clock;
    }

    /**
     * Performs {@code action} (transfer, end, say, whisper, mute, unmute) with the request's parameters and
     * returns the audited action; throws {@link ApiException} for every failure (audited too once the call
     * is known).
     */
    public ActionView perform(String tenantId, String callId, String action, ObjectNode request, Actor actor) {
        if (!ACTIONS.contains(action)) throw new ApiException(ErrorCode.NOT_FOUND, "No such action '" + printable(action) + "'");
        Call call = database.read(h -> new CallRepository(h).find(tenantId, callId))
                .orElseThrow(() -> new ApiException(ErrorCode.CALL_NOT_FOUND, "No call '" + printable(callId) + "' for client '" + tenantId + "'"));
        long at = clock.millis();
        ControlCommand command;
        try {
            command = command(tenantId, action, request);
            requireControllable(call);
        } catch (ApiException e) {
            log.record(new SupervisorAction(0, tenantId, callId, action, actor.name(), actor.address(), Json.write(auditable(request)),
                    SupervisorAction.REJECTED, e.getMessage(), null, null, at, null, null));
            throw e;
        }
        String key = tenants.settings(tenantId).vapiPublicKey();
        ProviderControl.Answer answer = provider.post(call.controlUrl(), key, Json.write(command.providerBody()));
        String outcome = switch (answer.result()) {
            case ACCEPTED -> SupervisorAction.OK;
            case REJECTED -> SupervisorAction.REJECTED;
            case FAILED, UNREACHABLE -> SupervisorAction.FAILED;
            case TIMEOUT -> SupervisorAction.TIMEOUT;
        };
        SupervisorAction stored = log.record(new SupervisorAction(0, tenantId, callId, command.action(), actor.name(), actor.address(),
                Json.write(command.parameters()), outcome, answer.reason(), answer.status(), answer.latencyMs(), at, null, null));
        return switch (answer.result()) {
            case ACCEPTED -> ActionView.of(stored);
            case REJECTED, FAILED -> throw new ApiException(ErrorCode.PROVIDER_REJECTED, "The provider "
                    + (answer.result() == ProviderControl.Result.REJECTED ? "refused" : "failed") + " to " + verb(command)
                    + " (HTTP " + answer.status() + "): " + answer.reason());
            case UNREACHABLE -> throw new ApiException(ErrorCode.PROVIDER_UNREACHABLE, "Could not reach the provider to " + verb(command)
                    + ": " + answer.reason() + ". Nothing was done; try again.");
            case TIMEOUT -> throw new ApiException(ErrorCode.PROVIDER_TIMEOUT, "The provider did not answer within "
                    + (answer.latencyMs() + 500) / 1000 + " s. The action may still take effect: watch the call before retrying.");
        };
    }

    private ControlCommand command(String tenantId, String action, ObjectNode body) {
        return switch (action) {
            case "transfer" -> transfer(tenantId, body);
            case "end" -> new ControlCommand.EndCall();
            case "say" -> new ControlCommand.Say(RequestJson.requiredText(body, "text", MAX_TEXT),
                    RequestJson.bool(body, "endCallAfterSpoken", false));
            case "whisper" -> new ControlCommand.Whisper(RequestJson.requiredText(body, "text", MAX_TEXT));
            case "mute" -> new ControlCommand.Mute(true);
            case "unmute" -> new ControlCommand.Mute(false);
            default -> throw new IllegalArgumentException(action);
        };
    }

    /** Exactly one of {@code targetId}, {@code number}, {@code sipUri}; optional {@code message} spoken first. */
    private ControlCommand transfer(String tenantId, ObjectNode body) {
        Long targetId = RequestJson.id(body, "targetId");
        String number = RequestJson.text(body, "number", 64);
        String sipUri = RequestJson.text(body, "sipUri", 300);
        String message = RequestJson.text(body, "message", MAX_TEXT);
        int given = (targetId != null ? 1 : 0) + (number != null ? 1 : 0) + (sipUri != null ? 1 : 0);
        if (given != 1) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "Give exactly one of targetId, number (E.164) or sipUri");
        }
        if (targetId != null) {
            TransferTarget t = database.read(h -> new TransferTargetRepository(h).find(tenantId, targetId))
                    .orElseThrow(() -> new ApiException(ErrorCode.TRANSFER_TARGET_NOT_FOUND,
                            "No transfer target " + targetId + " for client '" + tenantId + "'"));
            return t.number() != null
                    ? new ControlCommand.Transfer(t.number(), null, message, t.id(), t.name())
                    : new ControlCommand.Transfer(null, t.sipUri(), message, t.id(), t.name());
        }
        if (number != null) return new ControlCommand.Transfer(Destinations.number(number), null, message, null, null);
        return new ControlCommand.Transfer(null, Destinations.sipUri(sipUri), message, null, null);
    }

    private static void requireControllable(Call call) {
        if (call.isEnded()) {
            throw new ApiException(ErrorCode.CALL_NOT_LIVE, "The call has ended; there is nothing to control");
        }
        if (call.controlUrl() == null) {
            throw new ApiException(ErrorCode.CALL_NOT_CONTROLLABLE,
                    "The provider gave no control URL for this call (enable monitorPlan.controlEnabled on the assistant)");
        }
    }

    private static String verb(ControlCommand c) {
        return switch (c.action()) {
            case "transfer" -> "transfer the call";
            case "end" -> "end the call";
            case "say" -> "make the assistant speak";
            case "whisper" -> "add the message";
            case "mute" -> "mute the assistant";
            default -> "unmute the assistant";
        };
    }

    /** A rejected request as the audit keeps it: its fields without the actor, long strings cut. */
    private static ObjectNode auditable(ObjectNode request) {
        ObjectNode copy = Json.MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext() && copy.size() < 10; ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("actor") || e.getKey().length() > 40) continue;
            JsonNode v = e.getValue();
            if (v.isTextual() && v.asText().length() > MAX_TEXT) {
                copy.put(e.getKey(), v.asText().substring(0, MAX_TEXT) + "…");
            } else if (v.isValueNode()) {
                copy.set(e.getKey(), v);
            }
        }
        return copy;
    }

    static String printable(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
