package dev.switchboard.bench;

import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * N sender threads, each playing whole calls (a call's webhooks in order, awaiting each ack, as Vapi
 * does) on its own keep-alive connection, spread over the tenants. With a target rate the senders are
 * paced by one shared schedule; without one they send as fast as acks come back.
 */
final class WebhookLoad {
    final Recorder ack = new Recorder(3);
    final AtomicLong sent = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    /** Why webhooks failed ("HTTP 503", an exception), so a failing run says what to look at. */
    final java.util.Map<String, java.util.concurrent.atomic.LongAdder> failures = new java.util.concurrent.ConcurrentHashMap<>();
    final AtomicLong calls = new AtomicLong();
    private final AtomicLong slot = new AtomicLong();
    private volatile boolean running = true;
    private final List<Thread> threads = new ArrayList<>();

    void start(int port, List<String> tenants, int senders, double ratePerSecond) {
        long startNanos = System.nanoTime();
        slot.set(startNanos);
        for (int s = 0; s < senders; s++) {
            int sender = s;
            Thread t = new Thread(() -> run(port, tenants, sender, ratePerSecond, startNanos), "sender-" + s);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void run(int port, List<String> tenants, int sender, double rate, long startNanos) {
        try (RawHttp http = new RawHttp("127.0.0.1", port)) {
            int n = 0;
            while (running) {
                String tenant = tenants.get((sender + n++) % tenants.size());
                String path = "/webhooks/vapi/" + tenant;
                String callId = "bench-" + sender + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
                calls.incrementAndGet();
                CallScripts.Script script = CallScripts.realisticCall(System.currentTimeMillis());
                for (String template : script.templates()) {
                    if (!running) return;
                    if (rate > 0) pace(rate, startNanos);
                    long t0 = System.nanoTime();
                    byte[] body = CallScripts.render(template, callId, System.currentTimeMillis());
                    sent.incrementAndGet();
                    try {
                        int status = http.post(path, body);
                        if (status / 100 == 2) {
                            acked.incrementAndGet();
                            ack.recordValue((System.nanoTime() - t0) / 1000);
                        } else {
                            fail("HTTP " + status);
                        }
                    } catch (IOException e) {
                        fail(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    private void fail(String reason) {
        failed.incrementAndGet();
        failures.computeIfAbsent(reason, k -> new java.util.concurrent.atomic.LongAdder()).increment();
    }

    /**
     * Waits for the next free slot of the shared schedule. A schedule that fell behind (a pause, JIT
     * warm-up) restarts from now instead of bursting to catch up, so the rate is never exceeded.
     */
    private void pace(double rate, long startNanos) {
        long interval = (long) (1_000_000_000L / rate);
        long due;
        while (true) {
            long next = slot.get();
            long now = System.nanoTime();
            due = Math.max(next, now);
            if (slot.compareAndSet(next, due + interval)) break;
        }
        long wait = due - System.nanoTime();
        if (wait > 0) LockSupport.parkNanos(wait);
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) t.join(30_000);
    }
}
