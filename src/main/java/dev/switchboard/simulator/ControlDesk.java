package dev.switchboard.simulator;

import dev.switchboard.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The front desk of the simulated calls' monitor URLs: the tenants' listen and control keys, the
 * controlUrl's answers in Vapi's shapes (NestJS errors), and the log of every control body for tests.
 * Thread-safe.
 */
final class ControlDesk {
    private static final Logger log = LoggerFactory.getLogger(ControlDesk.class);
    private static final int MAX_LOGGED_CALLS = 10_000;

    private final Map<String, String> listenKeys = new ConcurrentHashMap<>();
    private final Map<String, String> controlKeys = new ConcurrentHashMap<>();
    /** Control bodies per call id; the oldest calls' are forgotten past a bound. */
    private final Map<String, List<ControlRecord>> logs = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<ControlRecord>> eldest) {
            return size() > MAX_LOGGED_CALLS;
        }
    };

    void setListenKey(String tenant, String key) {
        if (key == null) listenKeys.remove(tenant);
        else listenKeys.put(tenant, key);
    }

    void setControlKey(String tenant, String key) {
        if (key == null) controlKeys.remove(tenant);
        else controlKeys.put(tenant, key);
    }

    boolean listenAuthorized(String tenant, String authorization) {
        return authorized(listenKeys.get(tenant), authorization);
    }

    /** Answers one control body for {@code call} (null if unknown) and logs it under {@code callId}. */
    ControlRecord control(String callId, LiveCall call, String authorization, String body) {
        ControlRecord r;
        if (call == null || !call.isLive()) {
            r = notFound(body);
        } else if (!authorized(controlKeys.get(call.tenant()), authorization)) {
            r = record(body, 401, "{\"message\":\"Unauthorized\",\"statusCode\":401}");
        } else {
            ControlBodies.Parsed parsed = ControlBodies.parse(body);
            if (parsed.syntaxError() != null) {
                r = record(body, 400, badRequest(parsed.syntaxError()));
            } else if (!parsed.valid()) {
                r = record(body, 400, badRequest(parsed.errors()));
            } else if (call.apply(parsed.action()) == LiveCall.Answer.OK) {
                r = record(body, 200, "{\"status\":\"ok\"}");
            } else {
                r = notFound(body);
            }
        }
        synchronized (logs) {
            logs.computeIfAbsent(callId, k -> new ArrayList<>()).add(r);
        }
        if (r.status() != 200) log.info("simulator: control of call {} answered {}: {}", callId, r.status(), r.response());
        return r;
    }

    List<ControlRecord> log(String callId) {
        synchronized (logs) {
            List<ControlRecord> l = logs.get(callId);
            return l == null ? List.of() : List.copyOf(l);
        }
    }

    static ControlRecord notFound(String body) {
        return record(body, 404, "{\"message\":\"Call not found\",\"statusCode\":404}");
    }

    /** NestJS's 400: {@code message} is the validator's list (or the JSON parser's sentence). */
    private static String badRequest(Object message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", message);
        answer.put("error", "Bad Request");
        answer.put("statusCode", 400);
        return Json.write(answer);
    }

    private static ControlRecord record(String body, int status, String response) {
        return new ControlRecord(System.currentTimeMillis(), body, status, response);
    }

    /** No key set, or {@code Bearer <key>} (compared in constant time). */
    private static boolean authorized(String key, String authorization) {
        if (key == null) return true;
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}
