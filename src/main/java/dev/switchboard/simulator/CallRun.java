package dev.switchboard.simulator;

import dev.switchboard.simulator.DeliveryPlan.Delivery;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays one call's deliveries in order: each waits for its time and for the previous delivery's answer,
 * as Vapi's messages of one call do. Nothing blocks: a delivery that is not due yet is a timer on the
 * shared scheduler, which only hands the work to a worker.
 *
 * <p>Thread-safety: at most one delivery of a run is in progress at any time, and each hand-over between
 * threads goes through an executor or a completed future (both give happens-before), so the cursor
 * needs no lock.
 */
final class CallRun {
    /** The simulator's shared machinery a run uses. */
    record Engine(ScheduledExecutorService scheduler, Executor workers, WebhookSender sender, Counters counters) {}

    private final String tenant;
    private final String callId;
    private final List<Delivery> plan;
    private final Engine engine;
    private int next;

    CallRun(String tenant, String callId, List<Delivery> plan, Engine engine) {
        this.tenant = tenant;
        this.callId = callId;
        this.plan = plan;
        this.engine = engine;
    }

    /** Starts sending; the call was counted as started when it arrived. */
    void start() {
        scheduleNext();
    }

    private void scheduleNext() {
        if (next == plan.size()) {
            engine.counters().callsEnded.increment();
            return;
        }
        long delay = plan.get(next).sendAt() - System.currentTimeMillis();
        try {
            if (delay <= 0) {
                engine.workers().execute(this::sendNext);
            } else {
                engine.scheduler().schedule(() -> engine.workers().execute(this::sendNext), delay, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            // the simulator is closing; the call simply stops
        }
    }

    private void sendNext() {
        Delivery d = plan.get(next++);
        switch (d.kind()) {
            case DUPLICATE -> engine.counters().duplicates.increment();
            case REORDERED -> engine.counters().reordered.increment();
            case ORIGINAL -> { }
        }
        engine.sender().post(tenant, callId, d.step().render()).whenComplete((acked, error) -> scheduleNext());
    }
}
