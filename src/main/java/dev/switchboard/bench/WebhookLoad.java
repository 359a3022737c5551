package dev.switchboard.bench;

import dev.switchboard.ops.Threads;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * N senders, each playing whole calls (a call's webhooks in order, awaiting each ack, as Vapi does) on its
 * own keep-alive connection, spread over the tenants. The senders are driven by two threads through
 * selectors instead of a blocking thread each: every ack used to wake a thread, and the generator shares
 * the two cores with the server it measures. With a target rate the sends follow a schedule (each thread
 * half the rate); without one a sender sends its next webhook as soon as the previous one is acked.
 */
final class WebhookLoad {
    private static final int LOOPS = 2;
    private static final long MAX_CATCH_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    final Recorder ack = new Recorder(3);
    final AtomicLong sent = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    /** Why webhooks failed ("HTTP 503", an exception), so a failing run says what to look at. */
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final AtomicLong calls = new AtomicLong();
    private volatile boolean running = true;
    private final List<Thread> threads = new ArrayList<>();

    void start(int port, List<String> tenants, int senders, double ratePerSecond) throws IOException {
        int loops = Math.min(LOOPS, senders);
        for (int l = 0; l < loops; l++) {
            List<Sender> mine = new ArrayList<>();
            for (int s = l; s < senders; s += loops) mine.add(new Sender(port, tenants, s));
            Loop loop = new Loop(mine, ratePerSecond / loops);
            Thread t = Threads.daemon(loop::run, "senders-" + l);
            threads.add(t);
            t.start();
        }
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) t.join(30_000);
    }

    private void fail(String reason) {
        failed.incrementAndGet();
        failures.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    /** One thread's senders: sends when a sender is free (and, with a rate, its slot is due), reads acks. */
    private final class Loop {
        private final Selector selector;
        private final List<Sender> senders;
        private final ArrayDeque<Sender> free = new ArrayDeque<>();
        private final long intervalNanos;
        private long nextSlot = System.nanoTime();

        Loop(List<Sender> senders, double rate) throws IOException {
            this.selector = Selector.open();
            this.senders = senders;
            this.intervalNanos = rate > 0 ? (long) (1_000_000_000L / rate) : 0;
            free.addAll(senders);
        }

        void run() {
            try (selector) {
                // After stop, acks still in flight are awaited: every stored webhook is then an acked one.
                while (running || free.size() < senders.size()) {
                    long wait = sendWhatIsDue();
                    // Free senders are left only while they wait for their slot on the schedule.
                    selector.select(wait > 0 ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)) : 200);
                    for (SelectionKey key : selector.selectedKeys()) {
                        Sender s = (Sender) key.attachment();
                        if (s.readable()) free.add(s);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                fail(e.getClass().getSimpleName() + ": " + e.getMessage());
            } finally {
                senders.forEach(Sender::close);
            }
        }

        /**
         * Sends on free senders whose turn has come; returns how long until the next slot (0: nothing is
         * waiting on the schedule). The selector wakes at millisecond steps, so slots missed by less than
         * {@link #MAX_CATCH_UP_NANOS} are sent late rather than lost; a schedule that fell further behind (a
         * pause, JIT warm-up) restarts from now instead of bursting to catch up.
         */
        private long sendWhatIsDue() {
            while (running && !free.isEmpty()) {
                if (intervalNanos > 0) {
                    long now = System.nanoTime();
                    if (nextSlot > now) return nextSlot - now;
                    nextSlot = Math.max(nextSlot, now - MAX_CATCH_UP_NANOS) + intervalNanos;
                }
                Sender s = free.poll();
                if (!s.send(selector)) {
                    free.add(s);
                    pauseAfterFailure();
                }
            }
            return 0;
        }
    }

    /** A server that refuses connections is retried ten times a second per thread, not in a busy loop. */
    private static void pauseAfterFailure() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One keep-alive connection playing calls, one webhook at a time. */
    private final class Sender {
        private final int port;
        private final List<String> tenants;
        private final int index;
        private final ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        private SocketChannel channel;
        private SelectionKey key;
        private int callsPlayed;
        private String path;
        private String callId;
        private List<String> script = List.of();
        private int next;
        private long sentAt;

        Sender(int port, List<String> tenants, int index) {
            this.port = port;
            this.tenants = tenants;
            this.index = index;
        }

        /** Sends the next webhook; false if it could not (the failure is counted; try again later). */
        boolean send(Selector selector) {
            if (next == script.size()) nextCall();
            byte[] body = CallScripts.render(script.get(next), callId, System.currentTimeMillis());
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            // One write, so the request leaves as one segment, as HTTP clients send small requests.
            ByteBuffer request = ByteBuffer.allocate(head.length + body.length).put(head).put(body).flip();
            sentAt = System.nanoTime();
            sent.incrementAndGet();
            try {
                if (channel == null) connect(selector);
                // Requests fit the socket buffer; a sender has one request in flight and reads nothing first.
                while (request.hasRemaining()) channel.write(request);
                next++;
                return true;
            } catch (IOException e) {
                fail(e.getClass().getSimpleName() + ": " + e.getMessage());
                close();
                return false;
            }
        }

        private void nextCall() {
            path = "/webhooks/vapi/" + tenants.get((index + callsPlayed++) % tenants.size());
            callId = "bench-" + index + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
            script = CallScripts.realisticCall(System.currentTimeMillis()).templates();
            next = 0;
            calls.incrementAndGet();
        }

        private void connect(Selector selector) throws IOException {
            channel = SocketChannel.open();
            channel.socket().setTcpNoDelay(true);
            channel.socket().connect(new InetSocketAddress("127.0.0.1", port), 5000);
            channel.configureBlocking(false);
            key = channel.register(selector, SelectionKey.OP_READ, this);
        }

        /** Reads what arrived; true once the whole response to the request in flight is in (the sender is free). */
        boolean readable() {
            try {
                if (channel.read(in) < 0) throw new IOException("the server closed the connection");
                HttpResponseHead response = HttpResponseHead.parse(in);
                if (response == null) return false;
                if (response.status() / 100 == 2) {
                    acked.incrementAndGet();
                    ack.recordValue((System.nanoTime() - sentAt) / 1000);
                } else {
                    fail("HTTP " + response.status());
                }
                if (response.close()) close();
            } catch (IOException e) {
                fail(e.getClass().getSimpleName() + ": " + e.getMessage());
                close();
            }
            return true;
        }

        void close() {
            if (channel == null) return;
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            channel = null;
            in.clear();
        }
    }
}
