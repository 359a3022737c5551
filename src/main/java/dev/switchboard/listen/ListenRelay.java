package dev.switchboard.listen;

import dev.switchboard.call.CallUpdate;
import dev.switchboard.call.CallUpdateListener;
import dev.switchboard.ops.Threads;
import dev.switchboard.tenant.TenantSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/**
 * Keeps one {@link Upstream} per listened call and routes listeners to it. Learns that a call ended from
 * committed call updates (it is a {@link CallUpdateListener} beside the live publisher), and when a
 * provider stream closes on its own it asks the database whether the call ended, waiting a little for the
 * ended webhook that usually accompanies a normal close.
 *
 * <p>Thread-safe. {@link #published} runs on the database writer after each commit, so it only looks the
 * call up and hands any work to the relay's timer thread. That single daemon thread runs grace-period
 * closes, format-detection deadlines, a once-a-second liveness check of every upstream, and every "the
 * call ended / the stream went away" decision.
 */
public final class ListenRelay implements CallUpdateListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ListenRelay.class);
    /** After a provider closes its stream normally, how long the ended webhook gets to arrive. */
    static final Duration ENDED_CONFIRMATION = Duration.ofSeconds(3);

    record CallKey(String tenantId, String callId) {}

    private final HttpClient http;
    private final BiPredicate<String, String> callEnded;
    private final Duration idleGrace;
    private final ListenMetrics metrics;
    private final ConcurrentMap<CallKey, Upstream> upstreams = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(Threads.daemon("listen-relay"));

    /**
     * @param callEnded tells whether a tenant's call has ended (a database read)
     * @param idleGrace how long an upstream stays open after its last listener leaves
     */
    public ListenRelay(HttpClient http, BiPredicate<String, String> callEnded, Duration idleGrace, MeterRegistry registry) {
        this.http = http;
        this.callEnded = callEnded;
        this.idleGrace = idleGrace;
        this.metrics = new ListenMetrics(registry);
        timers.scheduleWithFixedDelay(this::checkAlive, 1, 1, TimeUnit.SECONDS);
    }

    private void checkAlive() {
        long now = System.nanoTime();
        for (Upstream u : upstreams.values()) {
            try {
                u.checkAlive(now);
            } catch (RuntimeException e) {
                log.warn("listen watchdog failed for {}/{}", u.key.tenantId(), u.key.callId(), e);
            }
        }
    }

    /** Joins the listener to the call's upstream, opening one if nobody listens to that call yet. */
    void join(Listener l, String listenUrl, TenantSettings settings) {
        CallKey key = new CallKey(l.tenantId, l.callId);
        metrics.sessions.incrementAndGet();
        while (true) {
            Upstream u = upstreams.computeIfAbsent(key, k ->
                    new Upstream(k, listenUrl, settings.vapiPublicKey(), settings.listenFormat(), this));
            if (u.add(l)) return;
            upstreams.remove(key, u); // it ended between the lookup and the add
        }
    }

    /** The listener's socket closed. */
    void leave(Listener l) {
        Upstream u = l.upstream;
        if (u == null) return; // never joined
        metrics.sessions.decrementAndGet();
        u.remove(l, idleGrace);
    }

    @Override
    public void published(String tenantId, List<CallUpdate> updates) {
        if (upstreams.isEmpty()) return;
        for (CallUpdate u : updates) {
            if (u instanceof CallUpdate.CallChanged c && c.call().isEnded()) {
                Upstream up = upstreams.get(new CallKey(tenantId, c.callId()));
                if (up != null) run(() -> up.end(EndReason.CALL_ENDED, null));
            }
        }
    }

    /**
     * The provider's stream closed or failed. If the call has ended, that is why; after a normal close the
     * ended webhook gets {@link #ENDED_CONFIRMATION} to arrive; otherwise the stream failed.
     */
    void upstreamGone(Upstream u, boolean normalClose, String detail) {
        if (!u.markGone()) return;
        run(() -> {
            if (u.ended()) return;
            if (ended(u.key)) {
                u.end(EndReason.CALL_ENDED, null);
            } else if (normalClose) {
                schedule(() -> {
                    if (!u.ended()) u.end(ended(u.key) ? EndReason.CALL_ENDED : EndReason.UPSTREAM_CLOSED, null);
                }, ENDED_CONFIRMATION.toMillis());
            } else {
                u.end(EndReason.UPSTREAM_ERROR, detail);
            }
        });
    }

    private boolean ended(CallKey key) {
        try {
            return callEnded.test(key.tenantId(), key.callId());
        } catch (RuntimeException e) {
            log.warn("could not read call {}/{} to see whether it ended", key.tenantId(), key.callId(), e);
            return false;
        }
    }

    void forget(Upstream u) {
        upstreams.remove(u.key, u);
    }

    /** Runs the task on the relay's thread (not at all once the relay is shutting down). */
    void run(Runnable task) {
        try {
            timers.execute(task);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    /** Runs the task on the relay's thread after a delay; null once the relay is shutting down. */
    ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        try {
            return timers.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    HttpClient http() {
        return http;
    }

    ListenMetrics metrics() {
        return metrics;
    }

    /** Ends every listener (close code 1001) and every upstream. */
    @Override
    public void close() {
        for (Upstream u : List.copyOf(upstreams.values())) u.end(EndReason.SHUTDOWN, null);
        timers.shutdown();
        if (!Threads.awaitStop(timers, Duration.ofSeconds(2))) timers.shutdownNow();
    }
}
