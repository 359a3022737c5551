package dev.switchboard.simulator;

import dev.switchboard.simulator.script.CallDirector;
import dev.switchboard.simulator.script.Scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call a test started with {@link VapiSimulator#startCall}: its id, and ways to wait for it and end it.
 * Thread-safe.
 */
public final class SimulatedCall {
    /** A turn's speech on the call's audio: from {@code startMillis} to {@code endMillis} (epoch ms). */
    public record Speech(String role, long startMillis, long endMillis) {
        public boolean covers(long atMillis) {
            return startMillis <= atMillis && atMillis < endMillis;
        }
    }

    private final LiveCall call;
    private final VapiSimulator simulator;

    SimulatedCall(LiveCall call, VapiSimulator simulator) {
        this.call = call;
        this.simulator = simulator;
    }

    public String id() {
        return call.id();
    }

    public String tenant() {
        return call.tenant();
    }

    public Scenario scenario() {
        return call.scenario();
    }

    public AudioLayout layout() {
        return call.layout();
    }

    /** Until its {@code ended} status-update (or report) goes out. */
    public boolean isLive() {
        return call.isLive();
    }

    /** Waits for the {@code ended} status-update (or report) to go out; false on timeout. */
    public boolean awaitEnded(Duration timeout) {
        return await(call.ended(), timeout);
    }

    /** Waits until every webhook of the call (the report included) has been sent and answered; false on timeout. */
    public boolean awaitFinished(Duration timeout) {
        return await(call.finished(), timeout);
    }

    /**
     * Waits until {@code role} ({@code user} or {@code assistant}) is speaking with at least {@code left}
     * of the turn to go, and returns that turn; empty on timeout.
     */
    public Optional<Speech> awaitSpeaking(String role, Duration left, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            long now = System.currentTimeMillis();
            for (Speech s : speech()) {
                if (s.role().equals(role) && s.covers(now) && s.endMillis() - now >= left.toMillis()) return Optional.of(s);
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    /** Every turn laid out so far, the future ones included (a later action may still change those). */
    public List<Speech> speech() {
        return call.allSpeech().stream().map(SimulatedCall::speech).toList();
    }

    /** The caller hangs up now ({@code customer-ended-call}); false if the call is already ending. */
    public boolean hangUp() {
        return call.hangUp();
    }

    public List<ControlRecord> controlLog() {
        return simulator.controlLog(id());
    }

    private static Speech speech(CallDirector.Speech s) {
        return new Speech(s.role(), s.start(), s.end());
    }

    private static boolean await(java.util.concurrent.CompletableFuture<Void> f, Duration timeout) {
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SimulatedCall[" + id() + " " + tenant() + " " + scenario() + " " + layout() + "]";
    }
}
