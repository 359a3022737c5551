package dev.switchboard.live;

import dev.switchboard.call.CallUpdate;
import dev.switchboard.call.CallView;
import dev.switchboard.call.CallUpdateListener;
import dev.switchboard.call.LineView;
import dev.switchboard.http.IsoTime;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Turns committed call updates into dashboard messages. The writer calls it after each commit, in commit
 * order; serializing and handing frames to sockets happens on one fan-out thread, in that same order, so
 * the writer goes straight back to committing. If fan-out falls far behind, the writer does the work
 * itself (back-pressure) rather than letting the queue grow without bound.
 */
public final class LivePublisher implements CallUpdateListener, AutoCloseable {
    private static final int MAX_PENDING = 100_000;

    private final LiveHub hub;
    private final ThreadPoolExecutor fanout;

    public LivePublisher(LiveHub hub) {
        this.hub = hub;
        this.fanout = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_PENDING), r -> {
            Thread t = new Thread(r, "live-fanout");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Override
    public void published(String tenantId, List<CallUpdate> updates) {
        if (updates.isEmpty()) return;
        fanout.execute(() -> {
            for (CallUpdate u : updates) {
                hub.publish(tenantId, seq -> toMessage(tenantId, seq, u));
            }
        });
    }

    @Override
    public void close() {
        fanout.shutdown();
        try {
            fanout.awaitTermination(5, TimeUnit.SECONDS);
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
