package dev.switchboard.simulator;

import dev.switchboard.simulator.DeliveryPlan.Delivery;
import dev.switchboard.simulator.DeliveryPlan.Kind;
import dev.switchboard.simulator.script.Step;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryPlanTest {

    static List<Step> steps(int n) {
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body = "m" + i;
            out.add(new Step(1000L + i * 100L, "transcript", body, () -> body));
        }
        return out;
    }

    @Test
    void withoutImperfectionsEveryMessageGoesOnceInScriptOrder() {
        List<Step> steps = steps(50);
        List<Delivery> plan = DeliveryPlan.plan(steps, new SplittableRandom(1), 0, 0);
        assertThat(plan).extracting(Delivery::step).containsExactlyElementsOf(steps);
        assertThat(plan).allMatch(d -> d.kind() == Kind.ORIGINAL && d.sendAt() == d.step().at());
    }

    @Test
    void aboutThreePercentAreDeliveredTwiceAndAboutThreePercentOutOfOrder() {
        List<Step> steps = steps(20_000);
        List<Delivery> plan = DeliveryPlan.plan(steps, new SplittableRandom(7), 0.03, 0.03);
        long duplicates = plan.stream().filter(d -> d.kind() == Kind.DUPLICATE).count();
        long reordered = plan.stream().filter(d -> d.kind() == Kind.REORDERED).count();
        assertThat(duplicates).isBetween(400L, 800L);
        assertThat(reordered).isBetween(300L, 800L);
        assertThat(plan).hasSize(steps.size() + (int) duplicates);
    }

    @Test
    void everyMessageIsDeliveredAndSendTimesNeverGoBackwards() {
        List<Step> steps = steps(2000);
        List<Delivery> plan = DeliveryPlan.plan(steps, new SplittableRandom(3), 0.05, 0.05);
        Set<Step> delivered = new HashSet<>();
        for (int i = 0; i < plan.size(); i++) {
            delivered.add(plan.get(i).step());
            if (i > 0) assertThat(plan.get(i).sendAt()).isGreaterThanOrEqualTo(plan.get(i - 1).sendAt());
            assertThat(plan.get(i).sendAt()).isGreaterThanOrEqualTo(plan.get(i).step().at());
        }
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(steps);
    }

    @Test
    void aReorderedMessageIsOvertakenByOneToThreeOfItsSuccessors() {
        List<Step> steps = steps(5000);
        List<Delivery> plan = DeliveryPlan.plan(steps, new SplittableRandom(11), 0, 0.03);
        Set<Integer> overtakerCounts = new HashSet<>();
        for (int i = 0; i < plan.size(); i++) {
            Delivery d = plan.get(i);
            if (d.kind() != Kind.REORDERED) continue;
            int original = steps.indexOf(d.step());
            int overtakers = steps.indexOf(plan.get(i - 1).step()) - original;
            assertThat(overtakers).isBetween(1, DeliveryPlan.MAX_OVERTAKERS);
            overtakerCounts.add(overtakers);
            for (int k = 1; k <= overtakers; k++) {
                assertThat(plan.get(i - k).step()).isEqualTo(steps.get(original + overtakers - k + 1));
            }
            assertThat(d.sendAt()).isEqualTo(plan.get(i - 1).sendAt());
        }
        assertThat(overtakerCounts).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void aDuplicateGoesEitherAtOnceOrASecondLater() {
        List<Step> steps = steps(5000);
        List<Delivery> plan = DeliveryPlan.plan(steps, new SplittableRandom(11), 0.03, 0);
        Set<Long> delays = new HashSet<>();
        for (int i = 0; i < plan.size(); i++) {
            Delivery d = plan.get(i);
            if (d.kind() != Kind.DUPLICATE) continue;
            delays.add(d.sendAt() - d.step().at());
            if (d.sendAt() == d.step().at()) assertThat(plan.get(i - 1).step()).isEqualTo(d.step());
        }
        assertThat(delays).containsExactlyInAnyOrder(0L, DeliveryPlan.LATE_DUPLICATE_MS);
    }

    @Test
    void thePlanIsTheSameForTheSameSeed() {
        List<Step> steps = steps(300);
        assertThat(DeliveryPlan.plan(steps, new SplittableRandom(5), 0.03, 0.03))
                .isEqualTo(DeliveryPlan.plan(steps, new SplittableRandom(5), 0.03, 0.03));
    }
}
