package dev.switchboard.bench;

import dev.switchboard.ops.Threads;
import dev.switchboard.simulator.VapiMessages;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code switchboard bench listen}: N live calls with M listeners each on a real server process. A fake
 * upstream (this JVM) plays Vapi's listen sockets; listeners (this JVM) receive the relayed frames, so the
 * relay's added latency is measured on one clock. Reports latency percentiles, dropped frames, and the
 * server's CPU and memory per listener.
 */
final class ListenBenchmark {
    private ListenBenchmark() {}

    static int run(String[] args, PrintStream out) throws Exception {
        int calls = 50, listenersPerCall = 4, seconds = 30, warmup = 10, port = 18081;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--calls" -> calls = Integer.parseInt(args[i + 1]);
                case "--listeners" -> listenersPerCall = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        out.printf(Locale.ROOT, "Switchboard listen benchmark: %d live calls x %d listeners, 16 kHz stereo 20 ms frames, %d s (+%d s warm-up)%n",
                calls, listenersPerCall, seconds, warmup);
        try (FakeListenUpstream upstream = new FakeListenUpstream();
             ServerProcess server = ServerProcess.start(port, List.of("bench-listen"), null, List.of())) {
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2, Threads.numbered("listen-io"))).build();
            for (int c = 0; c < calls; c++) {
                String id = "listen-" + c;
                var info = new VapiMessages.CallInfo(id, "inboundPhoneCall", "+14155550123", "+14155550100", "a", "Riley",
                        System.currentTimeMillis(), "ws://127.0.0.1:" + upstream.port() + "/upstream/" + id,
                        "http://127.0.0.1:" + upstream.port() + "/control/" + id);
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + "/webhooks/vapi/bench-listen"))
                        .POST(HttpRequest.BodyPublishers.ofString(VapiMessages.statusUpdate(info, "in-progress", System.currentTimeMillis(), null, null)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) throw new IOException("creating call " + id + " failed: " + r.statusCode() + " " + r.body());
            }
            long rssBefore = server.sampleRssKb();
            Recorder latency = new Recorder(3);
            List<Listener> listeners = new ArrayList<>();
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (int c = 0; c < calls; c++) {
                for (int l = 0; l < listenersPerCall; l++) {
                    Listener listener = new Listener(latency);
                    listeners.add(listener);
                    opening.add(http.newWebSocketBuilder().header("Cookie", server.sessionCookie()).buildAsync(URI.create("ws://127.0.0.1:" + server.port
                            + "/ws/listen/listen-" + c + "?client_id=bench-listen&name=bench"), listener));
                }
            }
            for (CompletableFuture<WebSocket> f : opening) f.join();
            Thread.sleep(warmup * 1000L);
            latency.getIntervalHistogram();
            listeners.forEach(Listener::startCounting);
            long cpu0 = cpuTicks(server);
            long t0 = System.nanoTime();
            long peakRss = rssBefore;
            for (int s = 0; s < seconds * 4; s++) {
                Thread.sleep(250);
                peakRss = Math.max(peakRss, server.sampleRssKb());
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long cpu1 = cpuTicks(server);
            var hist = latency.getIntervalHistogram();
            long received = listeners.stream().mapToLong(l -> l.counted.get()).sum();
            long gaps = listeners.stream().mapToLong(l -> l.gaps.get()).sum();
            long expected = Math.round(elapsed * 50) * listeners.size();
            double cpuSeconds = (cpu1 - cpu0) / 100.0; // USER_HZ
            int n = listeners.size();
            out.println();
            out.println("| calls × listeners | relay added latency p50 | p99 | p99.9 | frames received / expected | dropped (gaps) | server CPU per listener | server memory per listener |");
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            out.printf(Locale.ROOT, "| %d × %d | %.2f ms | %.2f ms | %.2f ms | %,d / ~%,d | %d | %.2f %% of a core | %.0f KiB |%n",
                    calls, listenersPerCall, hist.getValueAtPercentile(50) / 1000.0, hist.getValueAtPercentile(99) / 1000.0,
                    hist.getValueAtPercentile(99.9) / 1000.0, received, expected, gaps, 100 * cpuSeconds / elapsed / n,
                    (double) Math.max(0, peakRss - rssBefore) / n);
            out.println();
            out.printf(Locale.ROOT, "Upstream connections opened: %d (one per call expected: %d). Latency = frame sent by the fake upstream until a listener has it.%n",
                    upstream.connections.get(), calls);
            listeners.forEach(Listener::close);
            server.close();
            server.deleteData();
            return gaps == 0 && upstream.connections.get() == calls ? 0 : 1;
        }
    }

    private static long cpuTicks(ServerProcess server) throws IOException {
        String[] f = Files.readString(Path.of("/proc/" + server.pid() + "/stat")).split("\\) ")[1].split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime (fields 14, 15)
    }


    /** Counts frames by the upstream's sequence numbers and records their relay latency. */
    private static final class Listener implements WebSocket.Listener {
        final Recorder latency;
        final AtomicLong counted = new AtomicLong();
        final AtomicLong gaps = new AtomicLong();
        volatile boolean counting;
        long lastSeq = -1;
        WebSocket socket;
        private ByteBuffer partial;

        Listener(Recorder latency) {
            this.latency = latency;
        }

        void startCounting() {
            counting = true;
        }

        @Override
        public void onOpen(WebSocket ws) {
            socket = ws;
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            long now = System.nanoTime();
            if (partial == null && last) {
                frame(data.order(ByteOrder.LITTLE_ENDIAN), now);
            } else {
                if (partial == null) partial = ByteBuffer.allocate(FakeListenUpstream.FRAME_BYTES * 2);
                partial.put(data);
                if (last) {
                    partial.flip();
                    frame(partial.order(ByteOrder.LITTLE_ENDIAN), now);
                    partial = null;
                }
            }
            ws.request(1);
            return null;
        }

        private void frame(ByteBuffer b, long now) {
            if (b.remaining() < 16) return;
            long sent = b.getLong(b.position());
            long seq = b.getLong(b.position() + 8);
            // Frames are numbered per call: a jump is a dropped frame, a step back a reordering (both counted).
            if (lastSeq >= 0 && counting) gaps.addAndGet(seq == lastSeq + 1 ? 0 : Math.max(1, seq - lastSeq - 1));
            lastSeq = seq;
            if (counting) {
                counted.incrementAndGet();
                latency.recordValue(Math.max(0, (now - sent) / 1000));
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            ws.request(1);
            return null;
        }

        void close() {
            if (socket != null) socket.abort();
        }
    }
}
