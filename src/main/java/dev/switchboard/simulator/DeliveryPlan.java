package dev.switchboard.simulator;

import dev.switchboard.simulator.script.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a call's script into what actually goes over the wire, imperfect the way real webhook delivery
 * is: a few messages arrive twice (at once, or a second later as a retry would), and a few are overtaken
 * by the next one to three (a final transcript after the next turn's first partial, {@code in-progress}
 * after the first transcript, the report before the {@code ended} status-update). A receiver must
 * converge on the same call anyway. Deterministic for a seed; stateless.
 */
final class DeliveryPlan {
    /** How a delivery relates to the script. */
    enum Kind { ORIGINAL, DUPLICATE, REORDERED }

    /**
     * One HTTP delivery: not before {@code sendAt} (epoch ms), and only after the previous one of the same
     * call was answered.
     */
    record Delivery(long sendAt, Step step, Kind kind) {}

    /** A redelivery "a second later" is a network retry: real time, not scaled by the pace. */
    static final long LATE_DUPLICATE_MS = 1000;
    static final int MAX_OVERTAKERS = 3;

    private DeliveryPlan() {}

    static List<Delivery> plan(List<Step> steps, SplittableRandom rng, double duplicateRate, double reorderRate) {
        List<Delivery> ordered = new ArrayList<>(steps.size() + 4);
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            int overtakers = Math.min(1 + rng.nextInt(MAX_OVERTAKERS), steps.size() - 1 - i);
            if (overtakers > 0 && rng.nextDouble() < reorderRate) {
                // Held up in transit: the next one to three messages overtake it.
                long at = s.at();
                for (int k = 1; k <= overtakers; k++) {
                    Step next = steps.get(i + k);
                    at = next.at();
                    ordered.add(new Delivery(at, next, Kind.ORIGINAL));
                }
                ordered.add(new Delivery(at, s, Kind.REORDERED));
                i += overtakers;
            } else {
                ordered.add(new Delivery(s.at(), s, Kind.ORIGINAL));
            }
        }

        List<Delivery> out = new ArrayList<>(ordered.size() + 4);
        List<Delivery> late = new ArrayList<>();
        for (Delivery d : ordered) {
            out.add(d);
            if (rng.nextDouble() >= duplicateRate) continue;
            if (rng.nextBoolean()) {
                out.add(new Delivery(d.sendAt(), d.step(), Kind.DUPLICATE));
            } else {
                late.add(new Delivery(d.sendAt() + LATE_DUPLICATE_MS, d.step(), Kind.DUPLICATE));
            }
        }
        for (Delivery d : late) out.add(insertionPoint(out, d.sendAt()), d);
        return List.copyOf(out);
    }

    /** After every delivery due at or before {@code at}, so send times stay non-decreasing. */
    private static int insertionPoint(List<Delivery> list, long at) {
        int i = list.size();
        while (i > 0 && list.get(i - 1).sendAt() > at) i--;
        return i;
    }
}
