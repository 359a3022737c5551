package dev.switchboard.live;

import dev.switchboard.call.CallUpdate;
import dev.switchboard.call.CallUpdateListener;
import dev.switchboard.call.CallView;
import dev.switchboard.call.LineView;
import dev.switchboard.http.IsoTime;
import dev.switchboard.ops.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Turns committed call updates into dashboard messages. The writer calls it after each commit, in commit
 * order; one fan-out thread takes everything that has queued up, publishes it in that order and then
 * flushes each socket once, so the writer goes straight back to committing and a burst of messages costs
 * one write per socket. If fan-out falls far behind, the writer waits (back-pressure) rather than letting
 * the queue grow without bound.
 */
public final class LivePublisher implements CallUpdateListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LivePublisher.class);
    private static final int MAX_PENDING = 100_000;
    private static final int MAX_BURST = 2_000;

    private record Pending(String tenantId, List<CallUpdate> updates) {}

    private final LiveHub hub;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(MAX_PENDING);
    private final Thread fanout;
    private volatile boolean running = true;

    public LivePublisher(LiveHub hub) {
        this.hub = hub;
        this.fanout = Threads.daemon(this::loop, "live-fanout");
        this.fanout.start();
    }

    @Override
    public void published(String tenantId, List<CallUpdate> updates) {
        if (updates.isEmpty()) return;
        try {
            queue.put(new Pending(tenantId, updates));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<Pending> burst = new ArrayList<>();
        long heldNanos = -1; // until the hub's first held-back tenant is due; -1: none is held back
        while (running || !queue.isEmpty() || heldNanos >= 0) {
            try {
                Pending first = heldNanos < 0 ? queue.poll(200, TimeUnit.MILLISECONDS)
                        : heldNanos == 0 ? queue.poll() : queue.poll(heldNanos, TimeUnit.NANOSECONDS);
                if (first != null) {
                    burst.add(first);
                    queue.drainTo(burst, MAX_BURST - 1);
                    for (Pending p : burst) {
                        for (CallUpdate u : p.updates()) {
                            hub.publish(p.tenantId(), seq -> toMessage(p.tenantId(), seq, u));
                        }
                    }
                }
                heldNanos = hub.flush(System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("live fan-out failed for a burst of {}", burst.size(), e);
            } finally {
                burst.clear();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            fanout.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
    static Object toMessage(String t, long seq, CallUpdate u) {
        if (u instanceof CallUpdate.CallChanged c) {
            return new LiveMessage.CallUpsert(t, seq, CallView.of(c.call()));
        } else if (u instanceof CallUpdate.LineAdded l) {
            return new LiveMessage.Transcript(t, seq, l.callId(), LineView.of(l.line()));
        } else if (u instanceof CallUpdate.TranscriptReset r) {
            return new LiveMessage.TranscriptReset(t, seq, r.callId());
        } else if (u instanceof CallUpdate.PartialTranscript p) {
            return new LiveMessage.TranscriptPartial(t, seq, p.callId(), p.role(), p.text(), IsoTime.of(p.at()));
        } else if (u instanceof CallUpdate.Speaking s) {
            return new LiveMessage.Speech(t, seq, s.callId(), s.role(), s.status(), s.turn(), IsoTime.of(s.at()));
        } else if (u instanceof CallUpdate.Alert a) {
            return new LiveMessage.Alert(t, seq, a.callId(), a.kind(), IsoTime.of(a.at()));
        }
        throw new IllegalArgumentException("unknown update " + u.getClass());
    }
}
