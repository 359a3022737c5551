package dev.switchboard.simulator.script;

import dev.switchboard.simulator.SimulatorUrls;
import dev.switchboard.simulator.VapiMessages.CallInfo;
import dev.switchboard.simulator.VapiMessages.Report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the script of one call: the scenario's status flow, the conversation, the outcome and the
 * end-of-call report. A pure function of its arguments (same seed, same script), so the scenario library
 * is testable without HTTP. Stateless and thread-safe.
 */
public final class ScriptWriter {
    private static final List<String> MID_CALL_FAILURES = List.of(
            "call.in-progress.error-vapifault-openai-llm-failed",
            "call.in-progress.error-providerfault-openai-llm-failed",
            "call.in-progress.error-vapifault-eleven-labs-voice-failed",
            "pipeline-error-openai-llm-failed");
    private static final List<String> CONNECT_FAILURES = List.of(
            "twilio-failed-to-connect-call",
            "call.in-progress.error-providerfault-outbound-sip-503-service-unavailable");
    private static final List<Integer> HAPPY_NPS = List.of(6, 7, 8, 8, 9, 9, 9, 10, 10, 10);

    private ScriptWriter() {}

    enum Direction {
        INBOUND("inboundPhoneCall"), OUTBOUND("outboundPhoneCall"), WEB("webCall");

        final String vapiType;

        Direction(String vapiType) {
            this.vapiType = vapiType;
        }
    }

    /** A call of a scenario drawn with the tenant's frequencies. */
    public static CallScript write(TenantProfile profile, String callId, long seed, long start, double pace, SimulatorUrls urls) {
        Scenario scenario = profile.flavour().pick(new SplittableRandom(seed ^ 0x5DEECE66DL));
        return write(profile, scenario, callId, seed, start, pace, urls);
    }

    public static CallScript write(TenantProfile profile, Scenario scenario, String callId, long seed, long start,
                                   double pace, SimulatorUrls urls) {
        if (!(pace > 0)) throw new IllegalArgumentException("pace must be positive");
        SplittableRandom rng = new SplittableRandom(seed);
        Direction direction = direction(scenario, rng);
        var assistant = direction == Direction.OUTBOUND ? profile.outbound() : profile.inbound();
        String ours = direction == Direction.WEB ? null : profile.ourNumbers().get(rng.nextInt(profile.ourNumbers().size()));
        String customer = direction == Direction.WEB ? null : profile.customerNumber(rng);
        CallInfo call = new CallInfo(callId, direction.vapiType, customer, ours, assistant.id(), assistant.name(), start,
                urls.listen(callId), urls.control(callId));
        Map<String, String> vars = ScriptVars.create(profile, assistant.name(), rng, start);
        Timeline tl = new Timeline(call, start, pace, rng);

        Outcome outcome = switch (scenario) {
            case NO_ANSWER -> unanswered(tl, rng.nextDouble() < 0.5 ? 20000 : 26000, "customer-did-not-answer");
            case BUSY -> unanswered(tl, 600, "customer-busy");
            case FAILED_CALL -> direction == Direction.OUTBOUND
                    ? neverConnected(tl, pick(rng, CONNECT_FAILURES))
                    : failedMidCall(tl, profile, direction, rng, vars);
            default -> conversation(tl, profile, scenario, direction, rng, vars);
        };

        long endedAt = tl.now();
        tl.pass(2000, 6000); // post-processing (summary, analysis) before the report
        Long startedAt = tl.startedAt();
        double minutes = startedAt == null ? 0 : (endedAt - startedAt) / 60000.0;
        double cost = startedAt == null ? 0 : round4(minutes * profile.costPerMinute() + 0.004);
        tl.report(new Report(outcome.endedReason, startedAt, endedAt, cost, outcome.summary, outcome.structuredData,
                outcome.successEvaluation, startedAt == null ? null : urls.recording(callId),
                startedAt == null ? null : urls.stereoRecording(callId), outcome.transferredTo));
        return new CallScript(profile.tenantId(), scenario, call, outcome.endedReason, startedAt, endedAt,
                outcome.transferredTo, tl.steps());
    }

    private record Outcome(String endedReason, String summary, Map<String, Object> structuredData,
                           Object successEvaluation, String transferredTo) {}

    private static Outcome conversation(Timeline tl, TenantProfile profile, Scenario scenario, Direction direction,
                                        SplittableRandom rng, Map<String, String> vars) {
        Dialogue dialogue = pick(rng, profile.flavour().dialogues(scenario));
        List<Dialogue.Spoken> lines = spoken(dialogue, direction, rng, vars);
        connect(tl, direction, scenario == Scenario.VOICEMAIL ? 15000 : 4000, scenario == Scenario.VOICEMAIL ? 25000 : 14000);
        tl.speak(lines);

        Map<String, Object> data = new LinkedHashMap<>(dialogue.facts(vars));
        String transferredTo = null;
        String reason;
        boolean success;
        switch (scenario) {
            case ANGRY_TRANSFER -> {
                tl.pass(400, 900);
                tl.forward(profile.humanNumber());
                transferredTo = profile.humanNumber();
                tl.pass(2000, 6000);
                reason = "assistant-forwarded-call";
                data.put("nps_score", rng.nextInt(4));
                success = false;
            }
            case SILENCE_TIMEOUT -> {
                tl.pass(800, 1500);
                reason = "silence-timed-out";
                success = false;
            }
            case VOICEMAIL -> {
                tl.pass(300, 800);
                reason = "voicemail";
                success = false;
            }
            default -> {
                boolean assistantLast = lines.get(lines.size() - 1).role().equals("assistant");
                tl.pass(assistantLast ? 600 : 300, assistantLast ? 1500 : 1200);
                double r = rng.nextDouble();
                reason = !assistantLast || r < 0.3 ? "customer-ended-call"
                        : r < 0.9 ? "assistant-ended-call" : "assistant-said-end-call-phrase";
                data.put("nps_score", scenario == Scenario.BILLING_QUESTION ? 5 + rng.nextInt(5) : pick(rng, HAPPY_NPS));
                success = !Boolean.FALSE.equals(data.get("resolved"));
            }
        }
        tl.ended(reason);
        return new Outcome(reason, dialogue.summary(rng, vars), data, evaluation(rng, success), transferredTo);
    }

    /** The model or voice provider fails after a few turns: the assistant goes quiet, then the call drops. */
    private static Outcome failedMidCall(Timeline tl, TenantProfile profile, Direction direction, SplittableRandom rng,
                                        Map<String, String> vars) {
        Scenario base = profile.flavour() == Flavour.MEDICARE ? Scenario.MEDICARE_QUESTION : Scenario.APPOINTMENT_BOOKING;
        List<Dialogue.Spoken> all = spoken(pick(rng, profile.flavour().dialogues(base)), direction, rng, vars);
        int keep = 2 + 2 * rng.nextInt(2); // ends on the caller's line the assistant never answers
        connect(tl, direction, 4000, 14000);
        tl.speak(new ArrayList<>(all.subList(0, Math.min(keep, all.size()))));
        tl.pass(Timeline.HANG_AFTER_MS, Timeline.HANG_AFTER_MS);
        tl.hang();
        tl.pass(1500, 4000);
        String reason = pick(rng, MID_CALL_FAILURES);
        tl.ended(reason);
        return new Outcome(reason, "The call ended because of a technical error before the assistant could respond to the caller.",
                Map.of("resolved", false, "technical_error", true), evaluation(rng, false), null);
    }

    /** Outbound: ringing, then nobody (or a busy line) picks up. No conversation, no recording, no cost. */
    private static Outcome unanswered(Timeline tl, double ringMs, String reason) {
        tl.status("queued");
        tl.pass(300, 900);
        tl.status("ringing");
        tl.pass(ringMs, ringMs * 1.4);
        tl.ended(reason);
        return new Outcome(reason, null, Map.of(), null, null);
    }

    /** The carrier rejects the call before it rings. */
    private static Outcome neverConnected(Timeline tl, String reason) {
        tl.status("queued");
        tl.pass(800, 2500);
        tl.ended(reason);
        return new Outcome(reason, null, Map.of(), null, null);
    }

    private static void connect(Timeline tl, Direction direction, double minRingMs, double maxRingMs) {
        switch (direction) {
            case INBOUND -> {
                tl.status("ringing");
                tl.pass(1000, 3500);
            }
            case OUTBOUND -> {
                tl.status("queued");
                tl.pass(300, 900);
                tl.status("ringing");
                tl.pass(minRingMs, maxRingMs);
            }
            case WEB -> {
                tl.status("queued");
                tl.pass(400, 1200);
            }
        }
        tl.connected();
    }

    private static List<Dialogue.Spoken> spoken(Dialogue d, Direction direction, SplittableRandom rng, Map<String, String> vars) {
        List<Dialogue.Spoken> lines = d.speak(rng, vars);
        if (direction != Direction.WEB) return lines;
        // A website widget, not a phone line: the greeting says so.
        List<Dialogue.Spoken> web = new ArrayList<>(lines);
        Dialogue.Spoken first = web.get(0);
        web.set(0, new Dialogue.Spoken(first.role(), first.text()
                .replace("Thank you for calling", "Thanks for reaching out to")
                .replace("Thanks for calling", "Thanks for reaching out to")));
        return web;
    }

    private static Direction direction(Scenario s, SplittableRandom rng) {
        double webShare = switch (s) {
            case APPOINTMENT_BOOKING -> 0.2;
            case SUPPORT_QUESTION, SILENCE_TIMEOUT -> 0.3;
            case BILLING_QUESTION -> 0.15;
            case MEDICARE_QUESTION -> 0.1;
            default -> 0;
        };
        return switch (s) {
            case APPOINTMENT_REMINDER, VOICEMAIL, NO_ANSWER, BUSY -> Direction.OUTBOUND;
            case FAILED_CALL -> rng.nextBoolean() ? Direction.OUTBOUND : Direction.INBOUND;
            case ANGRY_TRANSFER -> Direction.INBOUND;
            default -> rng.nextDouble() < webShare ? Direction.WEB : Direction.INBOUND;
        };
    }

    /** Vapi's successEvaluation comes as "true"/"false", a real boolean, or a score, depending on the rubric. */
    private static Object evaluation(SplittableRandom rng, boolean success) {
        double r = rng.nextDouble();
        if (r < 0.45) return success ? "true" : "false";
        if (r < 0.75) return success;
        return success ? 7 + rng.nextInt(4) : 1 + rng.nextInt(4);
    }

    private static <T> T pick(SplittableRandom rng, List<T> from) {
        if (from.isEmpty()) throw new IllegalStateException("nothing to pick from");
        return from.get(rng.nextInt(from.size()));
    }

    private static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
