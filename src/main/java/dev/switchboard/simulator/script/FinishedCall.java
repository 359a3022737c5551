package dev.switchboard.simulator.script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A finished call as its end-of-call report would describe it, drawn from the same scenarios, dialogues and
 * frequencies as the live simulator but without laying out its messages: what the history generator needs to
 * write a year of calls quickly. Immutable.
 *
 * @param lines         what was said, in order (empty when nobody talked)
 * @param connected     false for calls that never connected (no answer, busy, carrier failure)
 * @param transferredTo the number the call was forwarded to, or null
 */
public record FinishedCall(Scenario scenario, String callType, String customerNumber, String ourNumber,
                           TenantProfile.Assistant assistant, List<Dialogue.Spoken> lines, boolean connected,
                           String endedReason, String summary, Map<String, Object> structuredData,
                           Object successEvaluation, String transferredTo) {

    /** A call of the tenant placed at {@code start} (epoch ms; dates the caller mentions follow it). */
    public static FinishedCall draw(TenantProfile profile, SplittableRandom rng, long start) {
        Scenario scenario = profile.flavour().pick(rng);
        ScriptWriter.Direction direction = ScriptWriter.direction(scenario, rng);
        var assistant = direction == ScriptWriter.Direction.OUTBOUND ? profile.outbound() : profile.inbound();
        boolean web = direction == ScriptWriter.Direction.WEB;
        String ours = web ? null : profile.ourNumbers().get(rng.nextInt(profile.ourNumbers().size()));
        String customer = web ? null : profile.customerNumber(rng);
        Map<String, String> vars = ScriptVars.create(profile, assistant.name(), rng, start);
        String type = direction.vapiType;
        return switch (scenario) {
            case NO_ANSWER -> unreached(scenario, type, customer, ours, assistant, "customer-did-not-answer");
            case BUSY -> unreached(scenario, type, customer, ours, assistant, "customer-busy");
            case FAILED_CALL -> {
                if (direction == ScriptWriter.Direction.OUTBOUND) {
                    yield unreached(scenario, type, customer, ours, assistant, ScriptWriter.pick(rng, ScriptWriter.CONNECT_FAILURES));
                }
                Scenario base = profile.flavour() == Flavour.MEDICARE ? Scenario.MEDICARE_QUESTION : Scenario.APPOINTMENT_BOOKING;
                Dialogue d = ScriptWriter.pick(rng, profile.flavour().dialogues(base));
                List<Dialogue.Spoken> all = ScriptWriter.spoken(d, direction, rng, vars);
                List<Dialogue.Spoken> said = List.copyOf(all.subList(0, Math.min(2 + 2 * rng.nextInt(2), all.size())));
                yield new FinishedCall(scenario, type, customer, ours, assistant, said, true,
                        ScriptWriter.pick(rng, ScriptWriter.MID_CALL_FAILURES), null, Map.of(), null, null);
            }
            default -> {
                Dialogue d = ScriptWriter.pick(rng, profile.flavour().dialogues(scenario));
                List<Dialogue.Spoken> said = ScriptWriter.spoken(d, direction, rng, vars);
                Map<String, Object> data = new LinkedHashMap<>(d.facts(vars));
                String transferredTo = null;
                String reason;
                boolean success;
                switch (scenario) {
                    case ANGRY_TRANSFER -> {
                        transferredTo = profile.humanNumber();
                        reason = "assistant-forwarded-call";
                        data.put("nps_score", rng.nextInt(4));
                        success = false;
                    }
                    case SILENCE_TIMEOUT -> {
                        reason = "silence-timed-out";
                        success = false;
                    }
                    case VOICEMAIL -> {
                        reason = "voicemail";
                        success = false;
                    }
                    default -> {
                        double r = rng.nextDouble();
                        boolean assistantLast = said.get(said.size() - 1).role().equals("assistant");
                        reason = !assistantLast || r < 0.3 ? "customer-ended-call" : r < 0.9 ? "assistant-ended-call" : "assistant-said-end-call-phrase";
                        data.put("nps_score", scenario == Scenario.BILLING_QUESTION ? 5 + rng.nextInt(5) : ScriptWriter.pick(rng, ScriptWriter.HAPPY_NPS));
                        success = !Boolean.FALSE.equals(data.get("resolved"));
                    }
                }
                yield new FinishedCall(scenario, type, customer, ours, assistant, said, true, reason, d.summary(rng, vars), data,
                        ScriptWriter.evaluation(rng, success), transferredTo);
            }
        };
    }

    private static FinishedCall unreached(Scenario s, String type, String customer, String ours, TenantProfile.Assistant a, String reason) {
        return new FinishedCall(s, type, customer, ours, a, List.of(), false, reason, null, Map.of(), null, null);
    }
}
