package dev.switchboard.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

/**
 * Tenant-keyed fan-out. Each tenant has its own channel with its own sequence number; a message is
 * serialized and encoded once and offered to that tenant's sinks only. Offering never blocks: a sink whose queue is
 * full is removed and told so (it reconnects and resyncs), so a slow browser cannot slow the writer or
 * any other browser.
 *
 * <p>Thread-safe. Publishing to one tenant is serialized by that tenant's channel lock, so every sink
 * sees sequence numbers in increasing order without gaps. Published messages wait in the sinks until
 * {@link #flush}, so a burst costs one write per socket; and a tenant's sockets are written at most once per
 * flush interval, so a steady stream costs one write per socket per interval rather than one per commit.
 * Each such write is a system call on the server and a wake-up and a read in every browser.
 */
public final class LiveHub {
    private final ConcurrentMap<String, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicInteger sinkCount = new AtomicInteger();
    private final Counter fannedOut;
    private final Counter overflowDrops;
    private final long flushIntervalNanos;

    /**
     * {@code flushInterval}: the least time between two writes to a tenant's sockets. A message published
     * after a quiet spell goes out at once; one published sooner waits at most this long.
     */
    public LiveHub(MeterRegistry registry, Duration flushInterval) {
        this.flushIntervalNanos = flushInterval.toNanos();
        Gauge.builder("switchboard_live_sockets", sinkCount, AtomicInteger::get)
                .description("open live dashboard sockets").register(registry);
        this.fannedOut = Counter.builder("switchboard_live_messages_fanned_out_total")
                .description("live messages handed to sockets (one per socket)").register(registry);
        this.overflowDrops = Counter.builder("switchboard_live_sockets_dropped_total")
                .tag("reason", "slow-consumer").description("sockets dropped for falling behind").register(registry);
    }

    private static final class Channel {
        final Set<LiveSink> sinks = new CopyOnWriteArraySet<>();
        long seq;
        boolean unflushed;
        boolean flushedBefore;
        long lastFlushNanos;
    }

    /**
     * Adds a sink and returns the tenant's current sequence number: the sink will be offered every
     * message after it.
     */
    public long subscribe(String tenantId, LiveSink sink) {
        Channel ch = channels.computeIfAbsent(tenantId, k -> new Channel());
        synchronized (ch) {
            if (ch.sinks.add(sink)) sinkCount.incrementAndGet();
            return ch.seq;
        }
    }

    public void unsubscribe(String tenantId, LiveSink sink) {
        Channel ch = channels.get(tenantId);
        if (ch != null && ch.sinks.remove(sink)) sinkCount.decrementAndGet();
    }

    /**
     * Assigns the tenant's next sequence number, builds the message for it, and offers it to every sink
     * of that tenant. Returns the sequence number used.
     */
    public long publish(String tenantId, LongFunction<Object> messageForSeq) {
        Channel ch = channels.computeIfAbsent(tenantId, k -> new Channel());
        synchronized (ch) {
            long seq = ++ch.seq;
            if (ch.sinks.isEmpty()) return seq;
            ch.unflushed = true;
            // Encoded once for all the tenant's sockets; each sends it through its own view of the bytes.
            ByteBuffer utf8 = LiveMessage.encode(messageForSeq.apply(seq));
            for (LiveSink sink : ch.sinks) {
                if (sink.offer(utf8)) {
                    fannedOut.increment();
                } else if (ch.sinks.remove(sink)) {
                    sinkCount.decrementAndGet();
                    overflowDrops.increment();
                    sink.overflowed();
                }
            }
            return seq;
        }
    }

    /**
     * Sends what was published since the last flush, per socket in one write, for every tenant whose sockets
     * were last written at least the flush interval before {@code nowNanos} ({@link System#nanoTime} scale).
     * Returns the nanoseconds until the first tenant held back is due, or -1 when none is held back.
     */
    public long flush(long nowNanos) {
        long due = -1;
        for (Channel ch : channels.values()) {
            synchronized (ch) {
                if (!ch.unflushed) continue;
                long wait = ch.lastFlushNanos + flushIntervalNanos - nowNanos;
                if (ch.flushedBefore && wait > 0) {
                    due = due < 0 ? wait : Math.min(due, wait);
                    continue;
                }
                ch.unflushed = false;
                ch.flushedBefore = true;
                ch.lastFlushNanos = nowNanos;
                ch.sinks.forEach(LiveSink::flush);
            }
        }
        return due;
    }

    /** The tenant's last assigned sequence number. */
    public long currentSeq(String tenantId) {
        Channel ch = channels.get(tenantId);
        if (ch == null) return 0;
        synchronized (ch) {
            return ch.seq;
        }
    }

    public int sinkCount() {
        return sinkCount.get();
    }

}
