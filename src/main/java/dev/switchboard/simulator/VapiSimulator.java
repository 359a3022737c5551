package dev.switchboard.simulator;

import dev.switchboard.ops.Threads;
import dev.switchboard.simulator.script.CallDirector;
import dev.switchboard.simulator.script.CallScript;
import dev.switchboard.simulator.script.Scenario;
import dev.switchboard.simulator.script.ScriptWriter;
import dev.switchboard.simulator.script.TenantProfile;
import dev.switchboard.tenant.WebhookAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The built-in fake Vapi: produces realistic calls and posts their server messages as real HTTP webhooks
 * to a Switchboard (its own server in demo mode, any URL from the command line).
 *
 * <p>Per tenant, calls arrive as a Poisson process at {@code callsPerMinute} (wall-clock), and a couple
 * start already in progress so a fresh dashboard has something live at once. {@code pace} speeds up
 * everything inside a call (pace 20 = a two-minute call in six seconds). Each call's messages go out in
 * order, one at a time; calls run concurrently.
 *
 * <p>Every call also serves Vapi's {@code monitor} endpoints (through {@link SimulatorEndpoints}, when the
 * Switchboard it posts to is the one serving them, as in demo mode): a listen WebSocket streaming its audio
 * ({@link ListenStreams}) and a controlUrl whose actions (transfer, end-call, say, whisper, mute) change
 * the rest of the call ({@link #control}). Tests start calls of their choosing with {@link #startCall}.
 *
 * <p>Threading: one scheduler thread keeps time (arrivals and due messages) and never does real work;
 * a small worker pool writes scripts and renders JSON; the {@link WebhookSender}'s bounded pool carries
 * the requests; one clock thread renders and paces the listen audio. All are daemon threads. Every
 * public method is thread-safe.
 */
public final class VapiSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VapiSimulator.class);
    /** Scenarios someone is talking in, for the calls that are already underway at start. */
    private static final Set<Scenario> CONVERSATIONS = EnumSet.of(Scenario.APPOINTMENT_BOOKING,
            Scenario.SUPPORT_QUESTION, Scenario.BILLING_QUESTION, Scenario.MEDICARE_QUESTION, Scenario.ANGRY_TRANSFER);

    /**
     * Tuning. {@link #defaults()} are what demo mode and the command line use.
     *
     * @param maxInFlight           concurrent HTTP requests at most
     * @param initialCallsPerTenant calls already in progress when the simulator starts
     * @param duplicateRate         share of deliveries sent twice
     * @param reorderRate           share of deliveries held back behind the next one to three
     * @param maxRetries            retries after a connection failure, 5xx or 429 before giving up
     * @param retryBaseDelayMillis  wait before the first retry; doubles with each further one
     * @param publicBase            base URL browsers use for this Switchboard, put in recording URLs;
     *                              null = the target (fine when browser and server share the machine)
     * @param webhookAuth           how to authenticate each tenant's webhooks (asked per delivery, so a changed
     *                              setting applies at once); a tenant without auth gets {@link WebhookAuth#none()}
     */
    public record Options(int maxInFlight, int initialCallsPerTenant, double duplicateRate, double reorderRate,
                          int maxRetries, long retryBaseDelayMillis, URI publicBase, Function<String, WebhookAuth> webhookAuth) {
        public static Options defaults() {
            return new Options(64, 2, 0.03, 0.03, 3, 500, null, tenant -> WebhookAuth.none());
        }

        public Options withMaxInFlight(int n) {
            return new Options(n, initialCallsPerTenant, duplicateRate, reorderRate, maxRetries, retryBaseDelayMillis, publicBase, webhookAuth);
        }

        public Options withPublicBase(URI base) {
            return new Options(maxInFlight, initialCallsPerTenant, duplicateRate, reorderRate, maxRetries, retryBaseDelayMillis, base, webhookAuth);
        }

        public Options withWebhookAuth(Function<String, WebhookAuth> auth) {
            return new Options(maxInFlight, initialCallsPerTenant, duplicateRate, reorderRate, maxRetries, retryBaseDelayMillis, publicBase, auth);
        }
    }

    private final List<String> tenants;
    private final double callsPerMinute;
    private final double pace;
    private final long seed;
    private final Options options;
    private final SimulatorUrls urls;
    private final Counters counters = new Counters();
    private final ScheduledThreadPoolExecutor scheduler;
    private final ExecutorService workers;
    private final WebhookSender sender;
    private final CallRun.Engine engine;
    private final ListenStreams listen = new ListenStreams();
    /** Calls from their start until all their webhooks are answered. */
    private final Map<String, LiveCall> live = new ConcurrentHashMap<>();
    private final ControlDesk desk = new ControlDesk();
    /** Mixed into call ids so two runs with the same seed against one database do not collide. */
    private final long idSalt = System.nanoTime() ^ System.currentTimeMillis() * 0x9E3779B97F4A7C15L;
    private boolean started;
    private volatile boolean arrivalsStopped;
    private volatile boolean closed;

    public VapiSimulator(URI target, List<String> tenants, double callsPerMinute, double pace, long seed) {
        this(target, tenants, callsPerMinute, pace, seed, Options.defaults());
    }

    public VapiSimulator(URI target, List<String> tenants, double callsPerMinute, double pace, long seed, Options options) {
        if (tenants.isEmpty()) throw new IllegalArgumentException("at least one tenant is needed");
        if (!(callsPerMinute >= 0) || Double.isInfinite(callsPerMinute)) throw new IllegalArgumentException("callsPerMinute must be >= 0");
        if (!(pace > 0) || Double.isInfinite(pace)) throw new IllegalArgumentException("pace must be > 0");
        this.tenants = List.copyOf(tenants);
        this.callsPerMinute = callsPerMinute;
        this.pace = pace;
        this.seed = seed;
        this.options = options;
        this.urls = SimulatorUrls.of(target, options.publicBase());
        this.scheduler = new ScheduledThreadPoolExecutor(1, Threads.numbered("vapi-sim-clock"));
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.workers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), Threads.numbered("vapi-sim-worker"));
        this.sender = new WebhookSender(target, options.maxInFlight(),
                new WebhookSender.RetryPolicy(options.maxRetries(), options.retryBaseDelayMillis()), scheduler, counters,
                options.webhookAuth());
        this.engine = new CallRun.Engine(scheduler, workers, sender, counters);
    }

    public synchronized void start() {
        if (started) throw new IllegalStateException("already started");
        if (closed) throw new IllegalStateException("closed");
        started = true;
        if (callsPerMinute <= 0) return;
        for (String tenant : tenants) {
            Arrivals arrivals = new Arrivals(TenantProfile.of(tenant), new SplittableRandom(seed ^ Seeds.of(tenant)));
            scheduler.execute(arrivals::begin);
        }
        log.info("simulator: {} calls/minute for each of {}, pace {}", callsPerMinute, tenants, pace);
    }

    /** No new calls from now on; calls already underway play to the end (see {@link SimulatorStats#callsInFlight}). */
    public void stopNewCalls() {
        arrivalsStopped = true;
    }

    public SimulatorStats stats() {
        return counters.snapshot();
    }

    /** The last webhook given up on and why (null if none), to tell a user what is wrong. */
    public String lastFailure() {
        return sender.lastFailure();
    }

    /** Stops at once: no new calls or messages; answers to requests already out are ignored. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        scheduler.shutdownNow();
        workers.shutdownNow();
        sender.close();
        listen.close();
        Threads.awaitStop(scheduler, Duration.ofSeconds(1));
        Threads.awaitStop(workers, Duration.ofSeconds(1));
        if (started) log.info("simulator stopped: {}", stats());
    }

    /**
     * One tenant's arrivals. Runs only on the scheduler thread (which owns its random source); it only
     * draws seeds and hands the writing of each call to a worker.
     */
    private final class Arrivals implements Runnable {
        private final TenantProfile profile;
        private final SplittableRandom rng;
        private final double meanGapNanos;
        private long nextAtNanos;

        Arrivals(TenantProfile profile, SplittableRandom rng) {
            this.profile = profile;
            this.rng = rng;
            this.meanGapNanos = 60e9 / callsPerMinute;
        }

        void begin() {
            for (int i = 0; i < options.initialCallsPerTenant(); i++) launch(true);
            nextAtNanos = System.nanoTime() + gap();
            run();
        }

        @Override
        public void run() {
            if (closed || arrivalsStopped) return;
            long now = System.nanoTime();
            // At very high rates several calls fall into one tick: start them all, then sleep until the next.
            while (nextAtNanos <= now) {
                launch(false);
                nextAtNanos += gap();
            }
            try {
                scheduler.schedule(this, nextAtNanos - now, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }

        private long gap() {
            return Math.max(1, Math.round(-Math.log(1 - rng.nextDouble()) * meanGapNanos));
        }

        private void launch(boolean underway) {
            long callSeed = rng.nextLong();
            String callId = new UUID((rng.nextLong() ^ idSalt) & ~0xF000L | 0x4000L,
                    (rng.nextLong() ^ Long.rotateLeft(idSalt, 17)) & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
            Scenario inProgress = underway ? conversational(profile, rng) : null;
            counters.callsStarted.increment(); // counted here, so a call still being written is already "in flight"
            try {
                workers.execute(() -> play(profile, callId, callSeed, inProgress));
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    /** Writes the call's script and starts sending it (on a worker). */
    private void play(TenantProfile profile, String callId, long callSeed, Scenario underway) {
        try {
            launch(prepare(profile, callId, callSeed, underway), AudioLayout.forCall(callSeed), callSeed, false);
        } catch (RuntimeException e) {
            log.error("simulator: could not write call {} for {}", callId, profile.tenantId(), e);
            counters.callsEnded.increment();
        }
    }

    private CallDirector prepare(TenantProfile profile, String callId, long callSeed, Scenario underway) {
        long now = System.currentTimeMillis();
        if (underway == null) return CallDirector.create(profile, callId, callSeed, now, pace, urls);
        // Start it in the past, part-way through the conversation: what is already "said" goes out at once.
        CallScript probe = ScriptWriter.write(profile, underway, callId, callSeed, now, pace, urls);
        long talk = probe.endedAt() - probe.startedAt();
        long offset = probe.startedAt() - now + (long) (talk * (0.2 + 0.4 * new SplittableRandom(callSeed).nextDouble()));
        return CallDirector.create(profile, underway, callId, callSeed, now - offset, pace, urls, false);
    }

    private LiveCall launch(CallDirector director, AudioLayout layout, long callSeed, boolean perfectDelivery) {
        LiveCall call = new LiveCall(director.tenant(), director, layout, callSeed,
                perfectDelivery ? 0 : options.duplicateRate(), perfectDelivery ? 0 : options.reorderRate(), engine,
                c -> listen.callEnded(c.id()), c -> live.remove(c.id(), c));
        synchronized (call) { // its first messages are laid out before anyone can act on it
            live.put(call.id(), call);
            call.start();
        }
        return call;
    }

    // ---- calls on demand, and their monitor endpoints -------------------------------------------------------

    /**
     * Starts one call now (whether or not {@link #start} was called), for tests and benchmarks: a
     * conversational scenario with {@link SimulatorCallOptions#longRunning(boolean)} talks until it is ended
     * by a control action or {@link SimulatedCall#hangUp}.
     *
     * @throws IllegalArgumentException a long-running call of a scenario nobody talks in
     */
    public SimulatedCall startCall(String tenant, Scenario scenario, SimulatorCallOptions options) {
        if (closed) throw new IllegalStateException("closed");
        long callSeed = options.seed() != null ? options.seed() : new SplittableRandom().nextLong();
        SplittableRandom ids = new SplittableRandom(callSeed ^ idSalt ^ System.nanoTime());
        String callId = new UUID(ids.nextLong() & ~0xF000L | 0x4000L,
                ids.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
        double callPace = options.pace() != null ? options.pace() : pace;
        CallDirector director = CallDirector.create(TenantProfile.of(tenant), scenario, callId, callSeed,
                System.currentTimeMillis(), callPace, urls, options.longRunning());
        counters.callsStarted.increment();
        AudioLayout layout = options.layout() != null ? options.layout() : AudioLayout.forCall(callSeed);
        return new SimulatedCall(launch(director, layout, callSeed, options.perfectDelivery()), this);
    }

    /** A call that is still running (its webhooks not all answered yet). */
    public Optional<SimulatedCall> call(String callId) {
        LiveCall c = live.get(callId);
        return c == null ? Optional.empty() : Optional.of(new SimulatedCall(c, this));
    }

    /** Every body POSTed to the call's controlUrl, oldest first, with the answer it got. */
    public List<ControlRecord> controlLog(String callId) {
        return desk.log(callId);
    }

    /**
     * From now on the tenant's listen sockets need {@code Authorization: Bearer <key>} (Vapi's
     * {@code listenAuthenticationEnabled} with the public key); null turns that off.
     */
    public void setListenKey(String tenant, String key) {
        desk.setListenKey(tenant, key);
    }

    /** The same for the tenant's controlUrls ({@code controlAuthenticationEnabled}): 401 without the key. */
    public void setControlKey(String tenant, String key) {
        desk.setControlKey(tenant, key);
    }

    /** A hook told about every listen audio frame sent (null to remove); see {@link ListenFrameObserver}. */
    public void onListenFrame(ListenFrameObserver observer) {
        listen.observe(observer);
    }

    /** Listen audio so far: frames rendered (once per call), frames written to sockets, frames dropped for slow ones. */
    public long[] listenFrameCounts() {
        return new long[]{listen.framesRendered.sum(), listen.framesSent.sum(), listen.framesDropped.sum()};
    }

    /**
     * What {@code POST <controlUrl>} does: 404 for an unknown or ended (or ending) call, 401 without the
     * tenant's control key when one is set, 400 for a body Vapi's validator rejects, else 200 and the
     * action changes the rest of the call. Every body is logged with its answer ({@link #controlLog}).
     */
    public ControlRecord control(String callId, String authorization, String body) {
        return desk.control(callId, live.get(callId), authorization, body);
    }

    LiveCall live(String callId) {
        return live.get(callId);
    }

    ListenStreams listenStreams() {
        return listen;
    }

    boolean listenAuthorized(String tenant, String authorization) {
        return desk.listenAuthorized(tenant, authorization);
    }

    private static Scenario conversational(TenantProfile profile, SplittableRandom rng) {
        for (int i = 0; i < 50; i++) {
            Scenario s = profile.flavour().pick(rng);
            if (CONVERSATIONS.contains(s)) return s;
        }
        return Scenario.APPOINTMENT_BOOKING;
    }

}
