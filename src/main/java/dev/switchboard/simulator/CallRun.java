package dev.switchboard.simulator;

import dev.switchboard.simulator.DeliveryPlan.Delivery;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Plays one call's deliveries in order: each waits for its time and for the previous delivery's answer,
 * as Vapi's messages of one call do. Nothing blocks: a delivery that is not due yet is a timer on the
 * shared scheduler, which only hands the work to a worker. When the queue runs dry the {@link Source}
 * is asked for more (a long call is laid out a few turns at a time); a supervisor's action
 * {@link #replace}s what has not been sent yet.
 *
 * <p>Thread-safety: every method runs under the lock it is given (the call's); a timer that a
 * replacement made stale is recognised by its generation and ignored.
 */
final class CallRun {
    /** The simulator's shared machinery a run uses. */
    record Engine(ScheduledExecutorService scheduler, Executor workers, WebhookSender sender, Counters counters) {}

    /** Where deliveries come from and who hears about them; called under the lock. */
    interface Source {
        /** The next deliveries; empty when the call has nothing more to send. */
        List<Delivery> more();

        /** {@code d} is about to be posted. */
        void sending(Delivery d);

        /** Everything has been sent and answered. */
        void finished();
    }

    private final String tenant;
    private final String callId;
    private final Engine engine;
    private final Object lock;
    private final Source source;
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    private boolean inFlight;
    private boolean done;
    private ScheduledFuture<?> timer;
    private long generation;

    CallRun(String tenant, String callId, Engine engine, Object lock, Source source) {
        this.tenant = tenant;
        this.callId = callId;
        this.engine = engine;
        this.lock = lock;
        this.source = source;
    }

    /** Starts sending; the call was counted as started when it arrived. Under the lock. */
    void start() {
        pump();
    }

    /**
     * Drops the deliveries not yet sent that {@code keep} rejects, queues {@code more} after the rest and
     * carries on. Under the lock.
     */
    void replace(Predicate<Delivery> keep, List<Delivery> more) {
        if (done) return;
        queue.removeIf(d -> !keep.test(d));
        queue.addAll(more);
        if (timer != null) {
            timer.cancel(false);
            timer = null;
            generation++;
        }
        pump();
    }

    boolean done() {
        return done;
    }

    private void pump() {
        if (inFlight || timer != null || done) return;
        if (queue.isEmpty()) {
            queue.addAll(source.more());
            if (queue.isEmpty()) {
                done = true;
                engine.counters().callsEnded.increment();
                source.finished();
                return;
            }
        }
        Delivery d = queue.peekFirst();
        long delay = d.sendAt() - System.currentTimeMillis();
        try {
            if (delay <= 0) {
                queue.pollFirst();
                inFlight = true;
                source.sending(d);
                engine.workers().execute(() -> send(d));
            } else {
                long gen = generation;
                timer = engine.scheduler().schedule(() -> execute(() -> wake(gen)), delay, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            // the simulator is closing; the call simply stops
        }
    }

    private void execute(Runnable r) {
        try {
            engine.workers().execute(r);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void wake(long gen) {
        synchronized (lock) {
            if (gen != generation) return;
            timer = null;
            pump();
        }
    }

    private void send(Delivery d) {
        switch (d.kind()) {
            case DUPLICATE -> engine.counters().duplicates.increment();
            case REORDERED -> engine.counters().reordered.increment();
            case ORIGINAL -> { }
        }
        String body;
        try {
            body = d.step().render();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(CallRun.class).error("simulator: could not render {} of call {}", d.step(), callId, e);
            synchronized (lock) {
                inFlight = false;
                pump();
            }
            return;
        }
        engine.sender().post(tenant, callId, body).whenComplete((acked, error) -> {
            synchronized (lock) {
                inFlight = false;
                pump();
            }
        });
    }
}
