package dev.switchboard.simulator;

import dev.switchboard.simulator.ControlBodies.Action;
import dev.switchboard.simulator.DeliveryPlan.Delivery;
import dev.switchboard.simulator.script.CallDirector;
import dev.switchboard.simulator.script.Scenario;
import dev.switchboard.simulator.script.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One simulated call while it runs: its {@link CallDirector} (what is said and when), the
 * {@link CallRun} posting its webhooks, who speaks when (for the listen audio) and the supervisor's
 * actions on it.
 *
 * <p>Thread-safety: director and run are guarded by this object's monitor; the audio reads the
 * {@link #speech} snapshot and {@link #isLive} without locking.
 */
final class LiveCall {
    /** How an action was answered. */
    enum Answer { OK, NOT_FOUND }

    private final String tenant;
    private final Scenario scenario;
    private final AudioLayout layout;
    private final long seed;
    private final CallDirector director;
    private final CallRun run;
    private final SplittableRandom planRng;
    private final double duplicateRate;
    private final double reorderRate;
    private final Consumer<LiveCall> onEnded;
    private final Consumer<LiveCall> onFinished;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private volatile CallDirector.Speech[] speech = new CallDirector.Speech[0];
    private boolean muted;

    LiveCall(String tenant, CallDirector director, AudioLayout layout, long seed, double duplicateRate, double reorderRate,
             CallRun.Engine engine, Consumer<LiveCall> onEnded, Consumer<LiveCall> onFinished) {
        this.tenant = tenant;
        this.scenario = director.scenario();
        this.director = director;
        this.layout = layout;
        this.seed = seed;
        this.planRng = new SplittableRandom(seed ^ 0xD1B54A32D192ED03L);
        this.duplicateRate = duplicateRate;
        this.reorderRate = reorderRate;
        this.onEnded = onEnded;
        this.onFinished = onFinished;
        this.run = new CallRun(tenant, director.call().id(), engine, this, new CallRun.Source() {
            @Override
            public List<Delivery> more() {
                List<Delivery> next = plan(director.next());
                publishSpeech();
                return next;
            }

            @Override
            public void sending(Delivery d) {
                if (d.step().endsCall()) markEnded();
            }

            @Override
            public void finished() {
                markEnded();
                finished.complete(null);
                onFinished.accept(LiveCall.this);
            }
        });
    }

    synchronized void start() {
        run.start();
    }

    String id() {
        return director.call().id();
    }

    String tenant() {
        return tenant;
    }

    Scenario scenario() {
        return scenario;
    }

    AudioLayout layout() {
        return layout;
    }

    long seed() {
        return seed;
    }

    /** Not ended: its {@code ended} status (or report) has not gone out yet. */
    boolean isLive() {
        return !ended.isDone();
    }

    CompletableFuture<Void> ended() {
        return ended;
    }

    CompletableFuture<Void> finished() {
        return finished;
    }

    /** Who speaks when (recent and future turns; epoch ms). Lock-free for the audio thread. */
    CallDirector.Speech[] speech() {
        return speech;
    }

    synchronized List<CallDirector.Speech> allSpeech() {
        return director.speech();
    }

    /** Carries out a valid control body; NOT_FOUND once the call has begun to end. */
    synchronized Answer apply(Action action) {
        long t = System.currentTimeMillis();
        if (!isLive() || run.done() || !director.acceptsControl(t)) return Answer.NOT_FOUND;
        boolean ends = action instanceof Action.Transfer || action instanceof Action.EndCall;
        if (action instanceof Action.Mute m && m.on() == muted) return Answer.OK; // already so
        if (!director.converses() && !ends) return Answer.OK; // nobody talks on this call: nothing to change
        boolean interrupt = ends || (action instanceof Action.Mute m && m.on() && director.assistantSpeakingAt(t));
        CallDirector.Rewind rewind = director.rewind(t, interrupt);
        if (action instanceof Action.Transfer tr) {
            director.transfer(tr.destination(), tr.content());
        } else if (action instanceof Action.EndCall) {
            director.end("manually-canceled");
        } else if (action instanceof Action.Say s) {
            director.say(s.content(), s.endCallAfterSpoken());
        } else if (action instanceof Action.AddMessage a) {
            director.whisper(a.content(), a.triggerResponse());
        } else if (action instanceof Action.Mute m) {
            muted = m.on();
            director.mute(m.on());
        }
        run.replace(d -> rewind.keeps(d.step()), plan(rewind.added()));
        publishSpeech();
        return Answer.OK;
    }

    /** The caller hangs up now ({@code customer-ended-call}); false if the call is already ending. */
    synchronized boolean hangUp() {
        long t = System.currentTimeMillis();
        if (!isLive() || run.done() || !director.acceptsControl(t)) return false;
        CallDirector.Rewind rewind = director.rewind(t, true);
        director.end("customer-ended-call");
        run.replace(d -> rewind.keeps(d.step()), plan(rewind.added()));
        publishSpeech();
        return true;
    }

    private List<Delivery> plan(List<Step> steps) {
        if (steps.isEmpty()) return List.of();
        return DeliveryPlan.plan(steps, planRng, duplicateRate, reorderRate);
    }

    /** Under the lock: the turns that can still matter to the audio (not over a second ago). */
    private void publishSpeech() {
        long horizon = System.currentTimeMillis() - 1000;
        List<CallDirector.Speech> recent = new ArrayList<>();
        for (CallDirector.Speech s : director.speech()) if (s.end() >= horizon) recent.add(s);
        speech = recent.toArray(new CallDirector.Speech[0]);
    }

    private void markEnded() {
        if (ended.complete(null)) onEnded.accept(this);
    }
}
