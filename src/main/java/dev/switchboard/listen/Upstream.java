package dev.switchboard.listen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.http.Json;
import dev.switchboard.tenant.ListenFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;

/**
 * The one connection to a call's provider {@code listenUrl}, shared by everyone listening to that call.
 * Opens on the first listener, closes a grace period after the last one leaves, or ends everyone's
 * socket when the call ends or the provider's stream goes away. Binary frames are relayed unchanged and
 * in order to every listener after the format message; until the format is known (announced, configured
 * or detected) the first frames are held and then sent right after it.
 *
 * <p>Thread-safety: one lock (this object) orders joins, the format decision, fan-out and the end, so
 * every listener sees the format first and then frames in upstream order. Nothing under the lock blocks:
 * fan-out only hands frames to Jetty (see {@link Listener}). The provider's frames arrive one at a time
 * (the JDK delivers the next only after {@code request(1)}), on the HTTP client's threads.
 */
final class Upstream {
    private static final Logger log = LoggerFactory.getLogger(Upstream.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** A frame larger than this is not audio; the stream is treated as broken rather than buffered. */
    static final int MAX_MESSAGE_BYTES = 1 << 20;
    /** How long to wait for more frames before deciding the format from what arrived. */
    private static final long DETECTION_DEADLINE_MS = 1_000;
    /** Silence after which the provider is pinged (its pong proves the connection alive). */
    static final long PING_AFTER_NANOS = 1_000_000_000L;
    /**
     * Silence (no frame, no pong) after which the stream counts as lost. Needed because the JDK's client
     * sometimes never reports a connection the provider dropped (it sits in CLOSE-WAIT without calling
     * onClose or onError), so silence is the only sign.
     */
    static final long LOST_AFTER_NANOS = 4_000_000_000L;
    /**
     * A live call's stream carries audio continuously (silence included), so a provider that stays connected
     * and answers pings but sends no audio for this long has a broken stream; listeners are told rather
     * than left waiting.
     */
    static final long NO_AUDIO_AFTER_NANOS = 10_000_000_000L;

    /** GONE: the provider closed or broke the stream; the relay is deciding why (the listeners are still on). */
    private enum State { NEW, CONNECTING, OPEN, GONE, ENDED }

    private record Held(byte[] frame, long receivedNanos) {}

    final ListenRelay.CallKey key;
    private final String listenUrl;
    private final String bearerKey;
    private final ListenRelay relay;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<Held> held = new ArrayList<>();
    private final FormatDetector detector = new FormatDetector();
    private State state = State.NEW;
    private AudioFormat format;
    private WebSocket socket;
    /** Whether this upstream is in the open-upstreams gauge. */
    private boolean counted;
    private ScheduledFuture<?> idleClose;
    private ScheduledFuture<?> detectionDeadline;
    /** When the provider was last heard from (any frame or pong); written by the reader, read by the watchdog. */
    private volatile long lastHeardNanos = System.nanoTime();
    /** When the last audio frame arrived (or the stream opened); written by the reader, read by the watchdog. */
    private volatile long lastAudioNanos = System.nanoTime();

    Upstream(ListenRelay.CallKey key, String listenUrl, String bearerKey, ListenFormat override, ListenRelay relay) {
        this.key = key;
        this.listenUrl = listenUrl;
        this.bearerKey = bearerKey;
        this.relay = relay;
        if (override != ListenFormat.AUTO) format = AudioFormat.configured(override);
    }

    /** Adds a listener (opening the upstream for the first); false when this upstream has ended already. */
    synchronized boolean add(Listener l) {
        if (state == State.ENDED) return false;
        if (idleClose != null) {
            idleClose.cancel(false);
            idleClose = null;
        }
        if (format != null) l.sendFormat(format);
        listeners.add(l);
        l.upstream = this;
        if (state == State.NEW) {
            state = State.CONNECTING;
            connect();
        }
        return true;
    }

    /** Removes a listener; the last one out starts the grace period after which the upstream closes. */
    synchronized void remove(Listener l, Duration grace) {
        if (!listeners.remove(l) || !listeners.isEmpty() || state == State.ENDED) return;
        idleClose = relay.schedule(this::closeIfIdle, grace.toMillis());
    }

    /** Under the lock: starts connecting; the outcome arrives in {@link #connected}. */
    private void connect() {
        URI uri;
        try {
            uri = URI.create(listenUrl);
            if (!"ws".equalsIgnoreCase(uri.getScheme()) && !"wss".equalsIgnoreCase(uri.getScheme())) throw new IllegalArgumentException();
        } catch (IllegalArgumentException e) {
            relay.run(() -> end(EndReason.UPSTREAM_ERROR, "The provider's listen URL is not a WebSocket URL."));
            return;
        }
        WebSocket.Builder b = relay.http().newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
        try {
            if (bearerKey != null && !bearerKey.isEmpty()) b.header("Authorization", "Bearer " + bearerKey);
        } catch (IllegalArgumentException e) {
            relay.run(() -> end(EndReason.UPSTREAM_ERROR, "The tenant's Vapi public key cannot be sent in a header."));
            return;
        }
        relay.metrics().upstreamConnects.increment();
        b.buildAsync(uri, new Reader()).whenComplete(this::connected);
    }

    private void connected(WebSocket ws, Throwable failure) {
        if (failure != null) {
            relay.run(() -> end(EndReason.UPSTREAM_ERROR, describe(failure)));
            return;
        }
        synchronized (this) {
            if (state != State.ENDED) {
                socket = ws;
                if (state == State.CONNECTING) state = State.OPEN; // not when the provider already went away
                lastHeardNanos = System.nanoTime();
                lastAudioNanos = lastHeardNanos;
                counted = true;
                relay.metrics().upstreams.incrementAndGet();
                return;
            }
        }
        ws.abort(); // ended while connecting
    }

    private synchronized void text(String text) {
        if (state == State.ENDED || format != null) return; // a format in use is not changed mid-stream
        JsonNode frame;
        try {
            frame = Json.MAPPER.readTree(text);
        } catch (Exception e) {
            log.debug("ignored a non-JSON text frame on a listen stream");
            return;
        }
        // An announcement settles a detection still in progress (the held frames go out after it).
        AudioFormat.announced(frame).ifPresent(this::decide);
    }

    private synchronized void binary(byte[] frame, long receivedNanos) {
        if (state == State.ENDED) return;
        lastAudioNanos = receivedNanos;
        if (format != null) {
            for (Listener l : listeners) l.sendAudio(frame, receivedNanos);
            return;
        }
        held.add(new Held(frame, receivedNanos));
        detector.add(frame.length, receivedNanos);
        if (held.size() == 1) {
            detectionDeadline = relay.schedule(this::decideNow, DETECTION_DEADLINE_MS);
        }
        if (detector.ready()) decide(detector.decide());
    }

    private synchronized void decideNow() {
        if (state != State.ENDED && format == null) decide(detector.decide());
    }

    /** Under the lock: tells everyone the format, then sends the frames held while it was unknown. */
    private void decide(AudioFormat f) {
        format = f;
        if (detectionDeadline != null) detectionDeadline.cancel(false);
        long now = System.nanoTime();
        for (Listener l : listeners) l.sendFormat(f);
        // Held frames waited on purpose; timing them from now keeps the relay latency metric about the relay.
        for (Held h : held) {
            for (Listener l : listeners) l.sendAudio(h.frame(), now);
        }
        held.clear();
    }

    private void closeIfIdle() {
        WebSocket ws;
        synchronized (this) {
            if (!listeners.isEmpty() || state == State.ENDED) return;
            ws = finish();
        }
        relay.forget(this);
        closeQuietly(ws);
    }

    /**
     * Ends every listener's socket with the reason (idempotent) and closes the upstream. May be called
     * from any thread.
     */
    void end(EndReason reason, String detail) {
        List<Listener> ending;
        WebSocket ws;
        synchronized (this) {
            if (state == State.ENDED) return;
            ending = List.copyOf(listeners);
            listeners.clear();
            ws = finish();
        }
        relay.forget(this);
        closeQuietly(ws);
        for (Listener l : ending) l.end(reason, detail);
    }

    /** Under the lock: marks the end and returns the socket to close (outside the lock). */
    private WebSocket finish() {
        state = State.ENDED;
        if (idleClose != null) idleClose.cancel(false);
        if (detectionDeadline != null) detectionDeadline.cancel(false);
        held.clear();
        if (counted) relay.metrics().upstreams.decrementAndGet();
        counted = false;
        WebSocket ws = socket;
        socket = null;
        return ws;
    }

    private void closeQuietly(WebSocket ws) {
        if (ws == null) return;
        try {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "no more listeners");
        } catch (RuntimeException ignored) {
            // already closing
        }
        // Give the provider a moment to answer the close, then let go of the connection either way.
        relay.schedule(ws::abort, 1_000);
    }

    /**
     * The relay's watchdog, every second: pings a provider that has gone quiet, and ends the listeners if
     * it stays silent (see {@link #LOST_AFTER_NANOS}).
     */
    void checkAlive(long nowNanos) {
        WebSocket ws;
        synchronized (this) {
            if (state != State.OPEN) return;
            ws = socket;
        }
        long silence = nowNanos - lastHeardNanos;
        long noAudio = nowNanos - lastAudioNanos;
        if (noAudio > NO_AUDIO_AFTER_NANOS) {
            end(EndReason.UPSTREAM_ERROR, "No audio came from the provider for " + noAudio / 1_000_000_000L + " s.");
        } else if (silence > LOST_AFTER_NANOS) {
            end(EndReason.UPSTREAM_ERROR, "Nothing came from the provider for " + silence / 1_000_000_000L + " s.");
        } else if (silence > PING_AFTER_NANOS) {
            ws.sendPing(ByteBuffer.allocate(0)).exceptionally(failure -> {
                relay.upstreamGone(this, false, "The connection to the provider's audio stream broke.");
                return null;
            });
        }
    }

    /**
     * Records that the provider's stream went away; true only for the first report, so a failing ping after
     * a normal close cannot turn "the provider closed" into "the stream broke".
     */
    synchronized boolean markGone() {
        if (state != State.OPEN && state != State.CONNECTING) return false;
        state = State.GONE;
        return true;
    }

    synchronized boolean ended() {
        return state == State.ENDED;
    }

    /** A failure's description for listeners and the audit: never the URL, which is a capability. */
    static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof WebSocketHandshakeException h) {
                int status = h.getResponse().statusCode();
                return status == 401 || status == 403
                        ? "The provider refused the audio stream (HTTP " + status + "): check the tenant's Vapi public key."
                        : "The provider refused the audio stream (HTTP " + status + ").";
            }
            if (c instanceof java.net.http.HttpConnectTimeoutException) return "Could not connect to the provider's audio stream in time.";
            if (c instanceof java.net.ConnectException) return "Could not connect to the provider's audio stream.";
        }
        return "Could not connect to the provider's audio stream (" + t.getClass().getSimpleName() + ").";
    }

    /** The provider side: reassembles messages and feeds them in, one at a time. */
    private final class Reader implements WebSocket.Listener {
        private final ByteArrayOutputStream partialBinary = new ByteArrayOutputStream();
        private final StringBuilder partialText = new StringBuilder();

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            lastHeardNanos = System.nanoTime();
            if (!last || partialBinary.size() > 0) {
                if (partialBinary.size() + data.remaining() > MAX_MESSAGE_BYTES) {
                    relay.run(() -> end(EndReason.UPSTREAM_ERROR, "The provider sent an oversized frame."));
                    return null;
                }
                byte[] part = new byte[data.remaining()];
                data.get(part);
                partialBinary.writeBytes(part);
                if (!last) {
                    ws.request(1);
                    return null;
                }
                byte[] whole = partialBinary.toByteArray();
                partialBinary.reset();
                binary(whole, System.nanoTime());
            } else {
                byte[] frame = new byte[data.remaining()];
                data.get(frame);
                binary(frame, System.nanoTime());
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            lastHeardNanos = System.nanoTime();
            if (partialText.length() + data.length() <= 64 * 1024) partialText.append(data);
            if (last) {
                String text = partialText.toString();
                partialText.setLength(0);
                text(text);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            lastHeardNanos = System.nanoTime();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            lastHeardNanos = System.nanoTime();
            // The JDK answers pings itself; only demand more.
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            relay.upstreamGone(Upstream.this, statusCode == WebSocket.NORMAL_CLOSURE, null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            relay.upstreamGone(Upstream.this, false, "The connection to the provider's audio stream broke ("
                    + error.getClass().getSimpleName() + ").");
        }
    }
}
