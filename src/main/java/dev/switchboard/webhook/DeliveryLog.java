package dev.switchboard.webhook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.db.GroupCommitter;
import dev.switchboard.http.Json;
import dev.switchboard.ops.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records what happened to each tenant's webhook deliveries, without slowing the accepted path.
 *
 * <p>Why this shape: the webhook path does thousands of deliveries a second through one group-committing
 * writer, so an accepted delivery must not add a database row. It only bumps an in-memory per-tenant tally
 * (a {@link LongAdder} and two volatile writes); every {@link #ACCEPTED_EVERY_SECONDS} s a tenant with traffic
 * gets one summary row ("N accepted, latest type, first and last time"). That is what an admin needs to see
 * that deliveries arrive. Rejections are what an admin needs in detail, so each gets a row, but they are also
 * counted in memory first: the request thread never waits on the database for the log, identical rejections
 * within a flush (a misconfigured sender retrying, or a flood) share one row with a count, and the number of
 * distinct pending rows is capped, so hostile traffic cannot grow memory or the writer's work without bound.
 * A background thread flushes every second through the writer. Rows are pruned on write to the newest
 * {@link #KEEP_PER_OUTCOME} per tenant and outcome. A crash loses at most the last second of the log (never
 * webhook data, which has its own durable path).
 *
 * <p>Thread-safe: the record methods are called from request threads; flushing runs on its own thread.
 */
public final class DeliveryLog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);
    static final int KEEP_PER_OUTCOME = 500;
    static final int ACCEPTED_EVERY_SECONDS = 5;
    static final int MAX_PENDING_REJECTIONS = 10_000;
    private static final int MAX_TYPE_LENGTH = 64;

    private record Key(String tenantId, String provider, String messageType, String reason, String detail) {}

    /** Rejections since the last flush; guarded by the map's per-key atomicity. */
    private static final class Tally {
        long count;
        final long firstAt;
        long lastAt;
        long order;

        Tally(long at, long order) {
            this.count = 1;
            this.firstAt = at;
            this.lastAt = at;
            this.order = order;
        }
    }

    /** Accepted deliveries of one tenant and provider since the last summary. Racy by design: a delivery that
     * lands during a flush is counted in this summary or the next. */
    private static final class Accepted {
        final LongAdder count = new LongAdder();
        volatile long firstAt;
        volatile long lastAt;
        volatile String lastType;
    }

    private final GroupCommitter writer;
    private final Clock clock;
    private final ConcurrentMap<Key, Tally> rejections = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();
    /** Orders rows within a flush by their latest delivery (milliseconds can tie). */
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
    private final ScheduledExecutorService flusher;
    private long ticks;

    public DeliveryLog(GroupCommitter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
        this.flusher = Executors.newSingleThreadScheduledExecutor(Threads.daemon("delivery-log"));
        flusher.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** An accepted delivery: memory only (see the class comment). */
    public void accepted(String tenantId, String provider, String messageType) {
        Accepted a = accepted.computeIfAbsent(tenantId + '\n' + provider, k -> new Accepted());
        long now = clock.millis();
        if (a.firstAt == 0) a.firstAt = now;
        a.lastAt = now;
        a.lastType = messageType;
        a.count.increment();
    }

    /**
     * A rejected delivery; {@code rawBody} is read only for the message type. {@code reason} and {@code detail}
     * must not contain a secret or a presented credential (the error messages never do).
     */
    public void rejected(String tenantId, String provider, byte[] rawBody, String reason, String detail) {
        Key key = new Key(tenantId, provider, messageType(rawBody), reason, detail);
        long now = clock.millis();
        if (rejections.size() >= MAX_PENDING_REJECTIONS && !rejections.containsKey(key)) {
            dropped.increment();
            return;
        }
        rejections.compute(key, (k, t) -> {
            if (t == null) return new Tally(now, sequence.incrementAndGet());
            t.count++;
            t.lastAt = now;
            t.order = sequence.incrementAndGet();
            return t;
        });
    }

    /** {@code message.type} of a Vapi body, read with a streaming parser that stops as soon as it is found; null if none. */
    static String messageType(byte[] body) {
        if (body == null || body.length == 0) return null;
        try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!"message".equals(name) || value != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if ("type".equals(field) && v == JsonToken.VALUE_STRING) return printable(p.getText());
                    p.skipChildren();
                }
                return null;
            }
        } catch (IOException | RuntimeException e) {
            return null; // not JSON: the log says so through the reason
        }
        return null;
    }

    private static String printable(String type) {
        String t = type.length() > MAX_TYPE_LENGTH ? type.substring(0, MAX_TYPE_LENGTH) : type;
        return t.replaceAll("\\p{Cntrl}", "?");
    }

    private void tick() {
        try {
            ticks++;
            List<Row> rows = drain(ticks % ACCEPTED_EVERY_SECONDS == 0);
            if (!rows.isEmpty()) {
                writer.submit(h -> write(h, rows)).whenComplete((r, e) -> {
                    if (e != null) log.warn("webhook delivery log: {} row(s) not written: {}", rows.size(), e.toString());
                });
            }
        } catch (RuntimeException e) {
            log.warn("webhook delivery log flush failed", e);
        }
    }

    private record Row(String tenantId, Delivery delivery, long order) {}

    private synchronized List<Row> drain(boolean withAccepted) {
        List<Row> rows = new ArrayList<>();
        for (Key k : rejections.keySet()) {
            Tally t = rejections.remove(k);
            if (t == null) continue;
            rows.add(new Row(k.tenantId(), new Delivery(0, k.provider(), Delivery.REJECTED, k.messageType(), k.reason(), k.detail(),
                    t.count, t.firstAt, t.lastAt), t.order));
        }
        long lost = dropped.sumThenReset();
        if (lost > 0) log.warn("webhook delivery log: {} rejection(s) not logged (too many distinct ones at once); all are counted in metrics", lost);
        if (withAccepted) {
            accepted.forEach((k, a) -> {
                long n = a.count.sumThenReset();
                if (n == 0) return;
                long first = a.firstAt;
                a.firstAt = 0;
                String[] parts = k.split("\n", 2);
                rows.add(new Row(parts[0], new Delivery(0, parts[1], Delivery.ACCEPTED, a.lastType, null, null, n,
                        first == 0 ? a.lastAt : first, a.lastAt), sequence.incrementAndGet()));
            });
        }
        rows.sort(java.util.Comparator.comparingLong(Row::order)); // ids follow the order of the deliveries
        return rows;
    }

    private static Void write(org.jdbi.v3.core.Handle h, List<Row> rows) {
        DeliveryLogRepository repo = new DeliveryLogRepository(h);
        Set<List<String>> touched = new HashSet<>();
        for (Row r : rows) {
            repo.insert(r.tenantId(), r.delivery());
            touched.add(List.of(r.tenantId(), r.delivery().outcome()));
        }
        for (List<String> t : touched) repo.prune(t.get(0), t.get(1), KEEP_PER_OUTCOME);
        return null;
    }

    /** Writes everything pending now and waits for the commit (tests; shutdown). */
    public void flush() {
        List<Row> rows = drain(true);
        if (!rows.isEmpty()) writer.submitAndWait(h -> write(h, rows));
    }

    /** Stops the flusher and writes what is pending; call before the writer closes. */
    @Override
    public void close() {
        flusher.shutdown();
        Threads.awaitStop(flusher, Duration.ofSeconds(5));
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("webhook delivery log: final flush failed: {}", e.toString());
        }
    }
}
