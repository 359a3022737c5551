package dev.switchboard.simulator;

/**
 * How {@link VapiSimulator#startCall} runs one call.
 *
 * @param layout          the listen audio's layout; null = the call's own pick (mostly stereo)
 * @param longRunning     the conversation goes on (questions and answers after the dialogue) until a
 *                        control action or {@link SimulatedCall#hangUp} ends it
 * @param pace            speed inside the call (1 = real time); null = the simulator's pace
 * @param seed            the call's content; null = random
 * @param perfectDelivery no duplicated or reordered webhooks for this call (the simulator's rates otherwise)
 */
public record SimulatorCallOptions(AudioLayout layout, boolean longRunning, Double pace, Long seed, boolean perfectDelivery) {

    public static SimulatorCallOptions defaults() {
        return new SimulatorCallOptions(null, false, null, null, false);
    }

    public SimulatorCallOptions withLayout(AudioLayout l) {
        return new SimulatorCallOptions(l, longRunning, pace, seed, perfectDelivery);
    }

    /** {@code true}: stays live until ended by a control action or {@link SimulatedCall#hangUp}. */
    public SimulatorCallOptions longRunning(boolean on) {
        return new SimulatorCallOptions(layout, on, pace, seed, perfectDelivery);
    }

    public SimulatorCallOptions withPace(double p) {
        if (!(p > 0) || Double.isInfinite(p)) throw new IllegalArgumentException("pace must be > 0");
        return new SimulatorCallOptions(layout, longRunning, p, seed, perfectDelivery);
    }

    public SimulatorCallOptions withSeed(long s) {
        return new SimulatorCallOptions(layout, longRunning, pace, s, perfectDelivery);
    }

    public SimulatorCallOptions withPerfectDelivery() {
        return new SimulatorCallOptions(layout, longRunning, pace, seed, true);
    }
}
