package dev.switchboard.simulator.script;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A kind of business: what its calls are about and how often each {@link Scenario} happens. Immutable
 * after class initialisation; thread-safe.
 */
public enum Flavour {
    DENTAL(DentalScripts.all(), weights(
            Scenario.APPOINTMENT_BOOKING, 28, Scenario.SUPPORT_QUESTION, 14, Scenario.BILLING_QUESTION, 9,
            Scenario.ANGRY_TRANSFER, 6, Scenario.APPOINTMENT_REMINDER, 13, Scenario.VOICEMAIL, 8,
            Scenario.NO_ANSWER, 9, Scenario.BUSY, 4, Scenario.FAILED_CALL, 5, Scenario.SILENCE_TIMEOUT, 4)),
    HOME_SERVICES(HomeServiceScripts.all(), weights(
            Scenario.APPOINTMENT_BOOKING, 24, Scenario.SUPPORT_QUESTION, 12, Scenario.BILLING_QUESTION, 10,
            Scenario.ANGRY_TRANSFER, 8, Scenario.APPOINTMENT_REMINDER, 12, Scenario.VOICEMAIL, 8,
            Scenario.NO_ANSWER, 9, Scenario.BUSY, 5, Scenario.FAILED_CALL, 6, Scenario.SILENCE_TIMEOUT, 6)),
    MEDICARE(MedicareScripts.all(), weights(
            Scenario.MEDICARE_QUESTION, 26, Scenario.APPOINTMENT_BOOKING, 10, Scenario.SUPPORT_QUESTION, 8,
            Scenario.BILLING_QUESTION, 6, Scenario.ANGRY_TRANSFER, 7, Scenario.APPOINTMENT_REMINDER, 14,
            Scenario.VOICEMAIL, 9, Scenario.NO_ANSWER, 9, Scenario.BUSY, 4, Scenario.FAILED_CALL, 4,
            Scenario.SILENCE_TIMEOUT, 3));

    /** Every flavour's caller can go quiet the same way. */
    private static final Dialogue SILENCE = Dialogue.parse("""
            A: Thank you for calling {business}, this is {agent}. How can I help you today?
            U: Hi, um, hold on one second. | Hello? Sorry, can you hear me? | Yeah, hi, just a moment.
            A: Sure, take your time. I'm here whenever you're ready.
            A: Are you still there?
            A: I haven't heard anything for a while, so I'll end the call now. Feel free to call us back anytime. Goodbye!
            S: The caller went silent after the greeting; the call ended after a silence timeout.
            F: resolved=false
            """);

    private final Map<Scenario, List<Dialogue>> dialogues;
    private final Map<Scenario, Integer> weights;
    private final int totalWeight;

    Flavour(Map<Scenario, List<Dialogue>> dialogues, Map<Scenario, Integer> weights) {
        this.dialogues = new EnumMap<>(dialogues);
        this.weights = weights;
        this.totalWeight = weights.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A scenario drawn with this flavour's frequencies. */
    public Scenario pick(SplittableRandom rng) {
        int r = rng.nextInt(totalWeight);
        for (Map.Entry<Scenario, Integer> e : weights.entrySet()) {
            r -= e.getValue();
            if (r < 0) return e.getKey();
        }
        throw new IllegalStateException("weights changed");
    }

    /** The conversations this flavour has for a scenario (empty for scenarios nobody speaks in). */
    List<Dialogue> dialogues(Scenario s) {
        if (s == Scenario.SILENCE_TIMEOUT) return List.of(SILENCE);
        return dialogues.getOrDefault(s, List.of());
    }

    private static Map<Scenario, Integer> weights(Object... pairs) {
        Map<Scenario, Integer> m = new EnumMap<>(Scenario.class);
        for (int i = 0; i < pairs.length; i += 2) m.put((Scenario) pairs[i], (Integer) pairs[i + 1]);
        return Collections.unmodifiableMap(m);
    }

}
