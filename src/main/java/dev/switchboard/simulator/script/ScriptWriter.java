package dev.switchboard.simulator.script;

import dev.switchboard.simulator.SimulatorUrls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the whole script of one call: the scenario's status flow, the conversation, the outcome and the
 * end-of-call report. A pure function of its arguments (same seed, same script), so the scenario library
 * is testable without HTTP. It is a {@link CallDirector} run to its end with nobody intervening; the
 * helpers here are the scenario knowledge the director draws on. Stateless and thread-safe.
 */
public final class ScriptWriter {
    static final List<String> MID_CALL_FAILURES = List.of(
            "call.in-progress.error-vapifault-openai-llm-failed",
            "call.in-progress.error-providerfault-openai-llm-failed",
            "call.in-progress.error-vapifault-eleven-labs-voice-failed",
            "pipeline-error-openai-llm-failed");
    static final List<String> CONNECT_FAILURES = List.of(
            "twilio-failed-to-connect-call",
            "call.in-progress.error-providerfault-outbound-sip-503-service-unavailable");
    static final List<Integer> HAPPY_NPS = List.of(6, 7, 8, 8, 9, 9, 9, 10, 10, 10);
    /** Questions and answers that keep an endless call talking after its dialogue (generic for every business). */
    static final List<Dialogue.Spoken> FILLERS = List.of(
            user("Actually, one more question. What are your hours on Saturdays?"),
            assistant("On Saturdays we're open from nine in the morning until one in the afternoon."),
            user("Okay. And is there parking nearby?"),
            assistant("Yes, there's free parking right behind the building, and street parking on the side."),
            user("Could you send me a text with all of this?"),
            assistant("Absolutely. I'll text a summary to the number you're calling from as soon as we hang up."),
            user("What if something comes up and I need to change it later?"),
            assistant("No problem at all. Just call us or reply to the reminder text at least a day ahead."),
            user("Sorry, could you repeat that last part? The line cut out for a second."),
            assistant("Of course. I said you can change it anytime by calling us or replying to the reminder text."),
            user("Hmm, let me check my calendar for a moment."),
            assistant("Take your time, I'm right here whenever you're ready."));

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
        return write(profile, scenarioFor(profile, seed), callId, seed, start, pace, urls);
    }

    public static CallScript write(TenantProfile profile, Scenario scenario, String callId, long seed, long start,
                                   double pace, SimulatorUrls urls) {
        return CallDirector.create(profile, scenario, callId, seed, start, pace, urls, false).toScript();
    }

    /** The scenario a call with this seed has when none is asked for. */
    public static Scenario scenarioFor(TenantProfile profile, long seed) {
        return profile.flavour().pick(new SplittableRandom(seed ^ 0x5DEECE66DL));
    }

    /** How a call ended and what its analysis says. */
    record Outcome(String endedReason, String summary, Map<String, Object> structuredData,
                   Object successEvaluation, String transferredTo) {}

    /** The status flow until the call connects (ringing, queued), then {@code in-progress}. */
    static void connect(Timeline tl, Direction direction, double minRingMs, double maxRingMs) {
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

    /** The ending of a conversation that ran its course: the scenario's outcome, its status flow and its analysis. */
    static Outcome conversationEnding(Timeline tl, Scenario scenario, Dialogue dialogue, Map<String, String> vars,
                                      TenantProfile profile, SplittableRandom rng) {
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
                Timeline.Slot last = tl.lastSlot();
                boolean assistantLast = last == null || last.role.equals("assistant");
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

    /** An endless call skips the goodbye: it stops at the last assistant line before the final exchange. */
    static List<Dialogue.Spoken> withoutGoodbye(List<Dialogue.Spoken> all) {
        int end = Math.max(1, all.size() - 2);
        while (end > 1 && !all.get(end - 1).role().equals("assistant")) end--;
        return List.copyOf(all.subList(0, end));
    }

    private static Dialogue.Spoken user(String text) {
        return new Dialogue.Spoken("user", text);
    }

    private static Dialogue.Spoken assistant(String text) {
        return new Dialogue.Spoken("assistant", text);
    }

    static List<Dialogue.Spoken> spoken(Dialogue d, Direction direction, SplittableRandom rng, Map<String, String> vars) {
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

    static Direction direction(Scenario s, SplittableRandom rng) {
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
    static Object evaluation(SplittableRandom rng, boolean success) {
        double r = rng.nextDouble();
        if (r < 0.45) return success ? "true" : "false";
        if (r < 0.75) return success;
        return success ? 7 + rng.nextInt(4) : 1 + rng.nextInt(4);
    }

    static <T> T pick(SplittableRandom rng, List<T> from) {
        if (from.isEmpty()) throw new IllegalStateException("nothing to pick from");
        return from.get(rng.nextInt(from.size()));
    }
}
