package dev.switchboard.simulator;

import dev.switchboard.ops.Threads;
import dev.switchboard.simulator.script.CallDirector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The listen audio of every simulated call someone listens to: raw PCM (s16le, 16 kHz) in 20 ms frames,
 * paced in real time. One clock thread renders each listened-to call's frame once and hands the same
 * bytes to all of that call's sockets, so a listener costs a socket write, not a synthesiser. A call's
 * stream starts with its first listener and stops with its last; when the call ends its sockets close
 * with 1000.
 *
 * <p>A socket that does not keep up (more than {@link #MAX_UNWRITTEN} frames, about a second, not yet
 * written) loses frames rather than growing memory or delaying the others.
 *
 * <p>Thread-safety: streams are added and removed atomically per call ({@link ConcurrentHashMap#compute});
 * rendering and voices are confined to the clock thread; sends are Jetty's asynchronous writes.
 */
final class ListenStreams implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ListenStreams.class);
    static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(AudioLayout.FRAME_MILLIS);
    static final int MAX_UNWRITTEN = 50;
    /** After a stall (a long GC pause), at most this many frames are sent to catch up; older ones are skipped. */
    private static final int MAX_CATCH_UP = 10;
    private static final int N = AudioLayout.SAMPLES_PER_FRAME;

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(Threads.daemon("vapi-sim-audio"));
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    final LongAdder framesRendered = new LongAdder();
    final LongAdder framesSent = new LongAdder();
    final LongAdder framesDropped = new LongAdder();
    private volatile ListenFrameObserver observer;
    private ScheduledFuture<?> ticker;
    private boolean closed;

    private static final class Listener {
        final Session session;
        final AtomicInteger unwritten = new AtomicInteger();
        final Callback written;

        Listener(Session session) {
            this.session = session;
            this.written = Callback.from(unwritten::decrementAndGet, failure -> unwritten.decrementAndGet());
        }
    }

    /** One call's audio; rendered on the clock thread only. */
    private final class Stream {
        final LiveCall call;
        final List<Listener> listeners = new CopyOnWriteArrayList<>();
        final SpeechVoice customer;
        final SpeechVoice assistant;
        final float[] c = new float[N];
        final float[] a = new float[N];
        final long startNanos = System.nanoTime();
        final long startMillis = System.currentTimeMillis();
        long frames;

        Stream(LiveCall call) {
            this.call = call;
            this.customer = SpeechVoice.customer(call.seed() ^ 0x51ED27L);
            this.assistant = SpeechVoice.assistant(call.seed() ^ 0xA551L);
        }

        void pump(long now) {
            long due = (now - startNanos) / FRAME_NANOS + 1;
            if (due - frames > MAX_CATCH_UP) frames = due - MAX_CATCH_UP;
            while (frames < due) {
                byte[] frame = render(startMillis + frames * AudioLayout.FRAME_MILLIS);
                send(frame);
                frames++;
            }
        }

        private byte[] render(long atMillis) {
            CallDirector.Speech[] speech = call.speech();
            customer.render(c, N, speaking(speech, "user", atMillis));
            assistant.render(a, N, speaking(speech, "assistant", atMillis));
            AudioLayout layout = call.layout();
            ByteBuffer out = ByteBuffer.allocate(layout.frameBytes()).order(ByteOrder.LITTLE_ENDIAN);
            if (layout.channels() == 2) {
                for (int i = 0; i < N; i++) {
                    out.putShort(pcm(c[i]));
                    out.putShort(pcm(a[i]));
                }
            } else {
                for (int i = 0; i < N; i++) out.putShort(pcm(c[i] + a[i]));
            }
            framesRendered.increment();
            return out.array();
        }

        private void send(byte[] frame) {
            ListenFrameObserver o = observer;
            if (o != null) {
                try {
                    o.frameSent(call.id(), frames, System.nanoTime(), ByteBuffer.wrap(frame).asReadOnlyBuffer());
                } catch (RuntimeException e) {
                    log.warn("listen frame observer failed", e);
                }
            }
            for (Listener l : listeners) {
                if (l.unwritten.get() >= MAX_UNWRITTEN) {
                    framesDropped.increment();
                    continue;
                }
                l.unwritten.incrementAndGet();
                l.session.sendBinary(ByteBuffer.wrap(frame), l.written);
                framesSent.increment();
            }
        }
    }

    /** Streams {@code call}'s audio to {@code session} from now on (its format announced first if the call does). */
    void join(LiveCall call, Session session) {
        Listener l = new Listener(session);
        if (call.layout().announced()) {
            l.unwritten.incrementAndGet();
            session.sendText(call.layout().startMessage(), l.written); // queued before any binary frame
        }
        streams.compute(call.id(), (id, s) -> {
            Stream stream = s != null ? s : new Stream(call);
            stream.listeners.add(l);
            return stream;
        });
        startTicking();
        if (!call.isLive()) callEnded(call.id()); // it ended while this listener was joining
    }

    void leave(String callId, Session session) {
        streams.computeIfPresent(callId, (id, s) -> {
            s.listeners.removeIf(l -> l.session == session);
            return s.listeners.isEmpty() ? null : s;
        });
    }

    /** Closes the call's sockets with 1000 (on the clock thread, after any frame being sent). */
    void callEnded(String callId) {
        execute(() -> {
            Stream s = streams.remove(callId);
            if (s != null) for (Listener l : s.listeners) l.session.close(1000, "call ended", Callback.NOOP);
        });
    }

    void observe(ListenFrameObserver o) {
        observer = o;
    }

    int listeners() {
        int n = 0;
        for (Stream s : streams.values()) n += s.listeners.size();
        return n;
    }

    private synchronized void startTicking() {
        if (closed || ticker != null) return;
        try {
            ticker = clock.scheduleAtFixedRate(this::tick, 0, FRAME_NANOS, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            for (Stream s : streams.values()) s.pump(now);
            if (streams.isEmpty()) stopTickingIfIdle();
        } catch (RuntimeException e) {
            log.error("listen audio tick failed", e); // keep the clock alive
        }
    }

    private synchronized void stopTickingIfIdle() {
        if (streams.isEmpty() && ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
    }

    private void execute(Runnable r) {
        try {
            clock.execute(r);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private static short pcm(float v) {
        int s = Math.round(v * 32767f);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, s));
    }

    private static boolean speaking(CallDirector.Speech[] speech, String role, long atMillis) {
        for (CallDirector.Speech s : speech) {
            if (s.start() <= atMillis && atMillis < s.end() && s.role().equals(role)) return true;
        }
        return false;
    }

    /** Closes every socket (1001, going away) and stops the clock. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (ticker != null) ticker.cancel(false);
        }
        for (Stream s : streams.values()) {
            for (Listener l : s.listeners) l.session.close(1001, "simulator stopped", Callback.NOOP);
        }
        streams.clear();
        clock.shutdownNow();
    }
}
