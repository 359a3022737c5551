package dev.switchboard.bench;

import org.HdrHistogram.Recorder;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dashboard sockets that account for every message: each checks its tenant's sequence numbers for gaps,
 * and records delivery latency for messages that carry the provider timestamp (the webhook's send
 * time). Scanning instead of parsing keeps the probes cheap.
 */
final class DashboardProbes implements AutoCloseable {
    final Recorder delivery = new Recorder(3);
    private final List<Probe> probes = new ArrayList<>();
    private WebSocketReceivers sockets;

    final class Probe {
        final String tenant;
        volatile long firstSeq = -1;
        volatile long lastSeq = -1;
        final AtomicLong received = new AtomicLong();
        final AtomicLong gaps = new AtomicLong();
        WebSocketReceivers.Connection socket;

        Probe(String tenant) {
            this.tenant = tenant;
        }

        int closeCode() {
            return socket == null ? 0 : socket.closeCode();
        }

        private void onMessage(String m, long now) {
            if (m.startsWith("{\"type\":\"ping\"")) return;
            long seq = number(m, "\"seq\":");
            if (m.startsWith("{\"type\":\"snapshot\"")) {
                firstSeq = seq;
                lastSeq = seq;
                return;
            }
            if (lastSeq >= 0 && seq != lastSeq + 1) gaps.addAndGet(Math.max(0, seq - lastSeq - 1));
            lastSeq = seq;
            received.incrementAndGet();
            if (m.startsWith("{\"type\":\"transcript") || m.startsWith("{\"type\":\"speech\"")) {
                int i = m.indexOf("\"at\":\"");
                if (i > 0) {
                    long at = LocalDateTime.parse(m.substring(i + 6, i + 32)).toInstant(ZoneOffset.UTC).toEpochMilli();
                    delivery.recordValue(Math.max(0, now - at) * 1000); // µs, at millisecond resolution
                }
            }
        }

    }

    static long number(String m, String key) {
        int i = m.indexOf(key);
        if (i < 0) return -1;
        int j = i + key.length();
        long v = 0;
        while (j < m.length() && Character.isDigit(m.charAt(j))) v = v * 10 + (m.charAt(j++) - '0');
        return v;
    }

    void open(ServerProcess server, List<String> tenants, int total) throws java.io.IOException {
        sockets = new WebSocketReceivers();
        for (int i = 0; i < total; i++) {
            Probe p = new Probe(tenants.get(i % tenants.size()));
            probes.add(p);
            p.socket = sockets.connect("127.0.0.1", server.port, "/ws/dashboard?client_id=" + p.tenant + "&ticket=" + server.wsTicket(),
                    m -> p.onMessage(m, System.currentTimeMillis()));
        }
        sockets.start("probes");
        while (probes.stream().anyMatch(p -> p.firstSeq < 0)) Thread.onSpinWait();
    }

    /** Messages every probe should have received (published after its snapshot) and what it got. */
    record Tally(long expected, long delivered, long lost, long droppedSockets) {}

    Tally tally() {
        long expected = 0;
        long delivered = 0;
        long dropped = 0;
        for (Probe p : probes) {
            long finalSeq = probes.stream().filter(o -> o.tenant.equals(p.tenant)).mapToLong(o -> o.lastSeq).max().orElse(p.lastSeq);
            expected += finalSeq - p.firstSeq;
            delivered += p.received.get();
            if (p.closeCode() != 0) dropped++;
        }
        return new Tally(expected, delivered, expected - delivered, dropped);
    }

    long totalReceived() {
        return probes.stream().mapToLong(p -> p.received.get()).sum();
    }

    @Override
    public void close() {
        if (sockets != null) sockets.close();
    }
}
