package dev.switchboard.bench;

import org.HdrHistogram.Recorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dashboard sockets that account for every message: each checks its tenant's sequence numbers for gaps,
 * and records delivery latency for messages that carry the provider timestamp (the webhook's send
 * time). Scanning instead of parsing keeps the probes cheap.
 */
final class DashboardProbes implements AutoCloseable {
    final Recorder delivery = new Recorder(3);
    private final List<Probe> probes = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "probe-io");
        t.setDaemon(true);
        return t;
    })).build();

    final class Probe implements WebSocket.Listener {
        final String tenant;
        volatile long firstSeq = -1;
        volatile long lastSeq = -1;
        final AtomicLong received = new AtomicLong();
        final AtomicLong gaps = new AtomicLong();
        volatile int closeCode = 0;
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        Probe(String tenant) {
            this.tenant = tenant;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                onMessage(partial.toString(), System.currentTimeMillis());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
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

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closeCode = -1;
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

    void open(int port, List<String> tenants, int total) {
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Probe p = new Probe(tenants.get(i % tenants.size()));
            probes.add(p);
            pending.add(client.newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/dashboard?client_id=" + p.tenant), p)
                    .thenApply(ws -> p.socket = ws));
        }
        pending.forEach(CompletableFuture::join);
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
            if (p.closeCode != 0) dropped++;
        }
        return new Tally(expected, delivered, expected - delivered, dropped);
    }

    long totalReceived() {
        return probes.stream().mapToLong(p -> p.received.get()).sum();
    }

    @Override
    public void close() {
        for (Probe p : probes) {
            if (p.socket != null) p.socket.abort();
        }
    }
}
