package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.http.Json;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builds Vapi server messages exactly as Vapi shapes them ({@code ../shared/providers/vapi.md} §1–§3):
 * the {@code {"message":{…}}} envelope, a full call snapshot with {@code monitor} URLs, the common
 * {@code phoneNumber}/{@code customer}/{@code assistant} fields, epoch-ms timestamps, {@code bot} as the
 * assistant's role in artifact messages. Used by the simulator, the benchmark and the tests.
 */
public final class VapiMessages {
    private static final String ORG_ID = "5b0a4a08-0000-4000-8000-00000000a11c";
    private static final String SYSTEM_PROMPT = "# Role\nYou are a friendly, efficient phone agent. Keep answers short, "
            + "confirm details back to the caller, and offer to transfer to a human when asked.";

    private VapiMessages() {}

    /**
     * What every message repeats about its call.
     *
     * @param type Vapi's call type: {@code inboundPhoneCall}, {@code outboundPhoneCall} or {@code webCall}
     */
    public record CallInfo(String id, String type, String customerNumber, String ourNumber, String assistantId,
                           String assistantName, long createdAt, String listenUrl, String controlUrl) {}

    /** One spoken turn; {@code role} is {@code user} or {@code assistant}. Times are epoch ms. */
    public record Turn(String role, String text, long time, long endTime, double secondsFromStart) {}

    /** The analysis and artifacts of an end-of-call report. */
    public record Report(String endedReason, Long startedAt, long endedAt, double cost, String summary,
                         Map<String, Object> structuredData, Object successEvaluation, String recordingUrl,
                         String stereoRecordingUrl, String transferredTo) {}

    /** {@code destinationNumber} (only with {@code forwarding}): E.164, or a {@code sip:} URI for a SIP transfer. */
    public static String statusUpdate(CallInfo call, String status, long ts, String endedReason, String destinationNumber) {
        ObjectNode m = envelope("status-update", call, status, ts);
        m.put("status", status);
        if (endedReason != null) m.put("endedReason", endedReason);
        if (destinationNumber != null) m.set("destination", numberDestination(destinationNumber));
        return wrap(m);
    }

    public static String transcript(CallInfo call, String role, boolean isFinal, String text, long ts) {
        ObjectNode m = envelope("transcript", call, "in-progress", ts);
        m.put("role", role);
        m.put("transcriptType", isFinal ? "final" : "partial");
        m.put("transcript", text);
        m.put("isFiltered", false);
        m.putArray("detectedThreats");
        m.put("originalTranscript", text);
        return wrap(m);
    }

    public static String speechUpdate(CallInfo call, String role, String status, int turn, long ts) {
        ObjectNode m = envelope("speech-update", call, "in-progress", ts);
        m.put("status", status);
        m.put("role", role);
        m.put("turn", turn);
        return wrap(m);
    }

    public static String conversationUpdate(CallInfo call, List<Turn> turns, long ts) {
        ObjectNode m = envelope("conversation-update", call, "in-progress", ts);
        m.set("messages", artifactMessages(call, turns));
        m.set("messagesOpenAIFormatted", openAiMessages(turns));
        return wrap(m);
    }

    public static String userInterrupted(CallInfo call, long ts) {
        ObjectNode m = envelope("user-interrupted", call, "in-progress", ts);
        m.put("turnId", "turn-" + ts);
        return wrap(m);
    }

    public static String hang(CallInfo call, long ts) {
        return wrap(envelope("hang", call, "in-progress", ts));
    }

    public static String transferUpdate(CallInfo call, String number, long ts) {
        ObjectNode m = envelope("transfer-update", call, "forwarding", ts);
        m.set("destination", numberDestination(number));
        return wrap(m);
    }

    public static String endOfCallReport(CallInfo call, Report r, List<Turn> turns, long ts) {
        ObjectNode m = envelope("end-of-call-report", call, "ended", ts);
        m.put("endedReason", r.endedReason());
        m.put("cost", r.cost());
        ArrayNode costs = m.putArray("costs");
        double minutes = r.startedAt() == null ? 0 : Math.max(0, (r.endedAt() - r.startedAt()) / 60000.0);
        costs.addObject().put("type", "transport").put("provider", "twilio").put("minutes", round(minutes)).put("cost", round(r.cost() * 0.12));
        costs.addObject().put("type", "transcriber").put("minutes", round(minutes)).put("cost", round(r.cost() * 0.18))
                .putObject("transcriber").put("provider", "deepgram").put("model", "nova-3");
        ObjectNode model = costs.addObject().put("type", "model").put("promptTokens", 800 + turns.size() * 350)
                .put("completionTokens", 40 + turns.size() * 25).put("cost", round(r.cost() * 0.25));
        model.putObject("model").put("provider", "openai").put("model", "gpt-4o-mini");
        costs.addObject().put("type", "voice").put("characters", turns.stream().mapToInt(t -> t.text().length()).sum())
                .put("cost", round(r.cost() * 0.2)).putObject("voice").put("provider", "11labs").put("voiceId", "sarah");
        costs.addObject().put("type", "vapi").put("subType", "normal").put("minutes", round(minutes)).put("cost", round(r.cost() * 0.2));
        costs.addObject().put("type", "analysis").put("analysisType", "summary").put("promptTokens", 900)
                .put("completionTokens", 60).put("cost", round(r.cost() * 0.05));
        if (r.startedAt() != null) m.put("startedAt", iso(r.startedAt()));
        m.put("endedAt", iso(r.endedAt()));
        if (r.transferredTo() != null) m.set("destination", numberDestination(r.transferredTo()));

        ObjectNode artifact = m.putObject("artifact");
        artifact.set("messages", artifactMessages(call, turns));
        artifact.set("messagesOpenAIFormatted", openAiMessages(turns));
        StringBuilder transcript = new StringBuilder();
        for (Turn t : turns) transcript.append(t.role().equals("user") ? "User: " : "AI: ").append(t.text()).append('\n');
        artifact.put("transcript", transcript.toString());
        if (r.recordingUrl() != null) {
            artifact.put("recordingUrl", r.recordingUrl());
            artifact.put("stereoRecordingUrl", r.stereoRecordingUrl());
            ObjectNode rec = artifact.putObject("recording");
            rec.put("stereoUrl", r.stereoRecordingUrl());
            rec.putObject("mono").put("combinedUrl", r.recordingUrl())
                    .put("assistantUrl", r.recordingUrl().replace(".wav", "-assistant.wav"))
                    .put("customerUrl", r.recordingUrl().replace(".wav", "-customer.wav"));
            // Presigned copies differ on every delivery (which is why the dedupe key ignores them).
            artifact.put("presignedStereoUrl", r.stereoRecordingUrl() + "?X-Amz-Signature=" + Long.toHexString(System.nanoTime()));
            artifact.put("presignedUrlsExpiresAt", iso(ts + 3_600_000));
        }
        ArrayNode transfers = artifact.putArray("transfers");
        if (r.transferredTo() != null) {
            transfers.addObject().put("mode", "blind-transfer").put("status", "completed")
                    .set("destination", numberDestination(r.transferredTo()));
        }
        ObjectNode perf = artifact.putObject("performanceMetrics");
        perf.put("modelLatencyAverage", 412.5).put("voiceLatencyAverage", 233.1).put("transcriberLatencyAverage", 180.4)
                .put("turnLatencyAverage", 905.2).put("numUserInterrupted", 1).put("numAssistantInterrupted", 0);

        ObjectNode analysis = m.putObject("analysis");
        analysis.put("summary", r.summary());
        analysis.set("structuredData", Json.MAPPER.valueToTree(r.structuredData()));
        analysis.set("successEvaluation", Json.MAPPER.valueToTree(r.successEvaluation()));
        return wrap(m);
    }

    /** The common envelope: type, timestamp, call snapshot, phoneNumber, customer, assistant. */
    private static ObjectNode envelope(String type, CallInfo call, String snapshotStatus, long ts) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("timestamp", ts);
        m.put("type", type);
        ObjectNode c = m.putObject("call");
        c.put("id", call.id());
        c.put("orgId", ORG_ID);
        c.put("type", call.type());
        c.put("status", snapshotStatus);
        c.put("createdAt", iso(call.createdAt()));
        c.put("updatedAt", iso(ts));
        c.put("assistantId", call.assistantId());
        // Web calls have no phone number and usually no customer number: Vapi leaves those fields out.
        if (call.ourNumber() != null) c.put("phoneNumberId", "pn-" + Integer.toHexString(call.ourNumber().hashCode()));
        c.putObject("assistantOverrides").putObject("variableValues");
        if (call.customerNumber() != null) c.putObject("customer").put("number", call.customerNumber());
        if (call.listenUrl() != null || call.controlUrl() != null) {
            ObjectNode monitor = c.putObject("monitor");
            if (call.listenUrl() != null) monitor.put("listenUrl", call.listenUrl());
            if (call.controlUrl() != null) monitor.put("controlUrl", call.controlUrl());
        }
        if (call.ourNumber() != null) {
            c.put("phoneCallProvider", "vapi");
            c.put("phoneCallTransport", "pstn");
            m.putObject("phoneNumber").put("id", c.get("phoneNumberId").asText()).put("orgId", ORG_ID)
                    .put("number", call.ourNumber()).put("provider", "vapi").put("status", "active");
        }
        if (call.customerNumber() != null) m.putObject("customer").put("number", call.customerNumber());
        m.putObject("assistant").put("id", call.assistantId()).put("orgId", ORG_ID).put("name", call.assistantName());
        return m;
    }

    private static ArrayNode artifactMessages(CallInfo call, List<Turn> turns) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        arr.addObject().put("role", "system").put("message", SYSTEM_PROMPT).put("time", call.createdAt()).put("secondsFromStart", 0);
        for (Turn t : turns) {
            ObjectNode o = arr.addObject();
            o.put("role", t.role().equals("user") ? "user" : "bot");
            o.put("message", t.text());
            o.put("time", t.time());
            o.put("endTime", t.endTime());
            o.put("secondsFromStart", t.secondsFromStart());
            o.put("duration", t.endTime() - t.time());
            if (!t.role().equals("user")) o.put("source", "");
        }
        return arr;
    }

    private static ArrayNode openAiMessages(List<Turn> turns) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        arr.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
        for (Turn t : turns) arr.addObject().put("role", t.role()).put("content", t.text());
        return arr;
    }

    /** A transfer destination: a {@code sip:} URI becomes a SIP destination, anything else a number. */
    private static ObjectNode numberDestination(String destination) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        if (destination.regionMatches(true, 0, "sip:", 0, 4)) {
            d.put("type", "sip");
            d.put("sipUri", destination);
        } else {
            d.put("type", "number");
            d.put("number", destination);
        }
        d.put("message", "Transferring you now.");
        return d;
    }

    private static String wrap(ObjectNode message) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.set("message", message);
        return Json.write(root);
    }

    public static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
