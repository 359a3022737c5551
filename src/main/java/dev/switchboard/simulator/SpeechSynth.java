package dev.switchboard.simulator;

import java.util.SplittableRandom;

/**
 * A tiny formant synthesiser that makes audio sound like two people talking without saying anything:
 * a glottal pulse train with natural pitch drift, shaped by three vowel formants (cascade resonators),
 * chopped into syllables at speaking rate with consonant noise bursts, short pauses between words and
 * longer ones between turns. Deterministic for a seed. Stateless; thread-safe.
 */
final class SpeechSynth {
    static final int SAMPLE_RATE = 8000;

    /** F1, F2, F3 in Hz of a few English vowels (ɑ, i, u, ɛ, ɔ, æ, ʌ). */
    static final double[][] VOWELS = {
            {730, 1090, 2440}, {270, 2290, 3010}, {300, 870, 2240}, {530, 1840, 2480},
            {570, 840, 2410}, {660, 1720, 2410}, {640, 1190, 2390}};
    static final double[] BANDWIDTHS = {80, 100, 140};

    /** The two speakers' tracks, sample-aligned; each is silent while the other talks. */
    record Tracks(float[] assistant, float[] customer) {}

    private SpeechSynth() {}

    static Tracks conversation(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int total = (int) ((5 + rng.nextDouble() * 15) * SAMPLE_RATE); // 5–20 s
        float[] assistant = new float[total];
        float[] customer = new float[total];
        double assistantF0 = 180 + rng.nextDouble() * 50;
        double customerF0 = rng.nextBoolean() ? 95 + rng.nextDouble() * 40 : 170 + rng.nextDouble() * 40;
        int pos = (int) (0.3 * SAMPLE_RATE);
        boolean assistantTurn = true;
        while (pos < total - SAMPLE_RATE / 2) {
            int turnEnd = Math.min(total, pos + (int) ((1.2 + rng.nextDouble() * 2.8) * SAMPLE_RATE));
            pos = turn(assistantTurn ? assistant : customer, pos, turnEnd, assistantTurn ? assistantF0 : customerF0, rng);
            pos += (int) ((0.3 + rng.nextDouble() * 0.7) * SAMPLE_RATE); // the other side answers
            assistantTurn = !assistantTurn;
        }
        return new Tracks(assistant, customer);
    }

    /** Words until the turn's end; returns where the last word stopped. */
    private static int turn(float[] out, int pos, int end, double baseF0, SplittableRandom rng) {
        double f0 = baseF0 * (1.05 + rng.nextDouble() * 0.1);
        while (pos < end) {
            int syllables = 1 + rng.nextInt(3);
            for (int s = 0; s < syllables && pos < end; s++) {
                int len = (int) ((0.11 + rng.nextDouble() * 0.13) * SAMPLE_RATE); // ~4–9 syllables a second
                len = Math.min(len, end - pos);
                syllable(out, pos, len, f0, VOWELS[rng.nextInt(VOWELS.length)], rng);
                pos += len;
                f0 = Math.max(baseF0 * 0.8, f0 * (0.985 + rng.nextDouble() * 0.02)); // pitch declines through a phrase
            }
            pos += (int) ((0.04 + rng.nextDouble() * 0.12) * SAMPLE_RATE);
        }
        return Math.min(pos, end);
    }

    private static void syllable(float[] out, int start, int len, double f0, double[] formants, SplittableRandom rng) {
        double[][] coeff = new double[3][];
        for (int k = 0; k < 3; k++) coeff[k] = resonator(formants[k] * (0.95 + rng.nextDouble() * 0.1), BANDWIDTHS[k]);
        double[][] state = new double[3][2];
        int burst = rng.nextBoolean() ? (int) ((0.015 + rng.nextDouble() * 0.04) * SAMPLE_RATE) : 0;
        double phase = 0;
        double tilt = 0;
        double lastNoise = 0;
        for (int i = 0; i < len && start + i < out.length; i++) {
            double t = (double) i / len;
            double envelope = Math.sin(Math.PI * Math.min(1, t * 1.6)) * (t < 0.62 ? 1 : 1 - (t - 0.62) / 0.38 * 0.4);
            double f = f0 * (1 + 0.01 * Math.sin(2 * Math.PI * 5.5 * i / SAMPLE_RATE)); // slight vibrato
            phase += f / SAMPLE_RATE;
            double pulse = 0;
            if (phase >= 1) {
                phase -= 1;
                pulse = 1;
            }
            tilt = 0.9 * tilt + pulse; // spectral tilt of a real glottal source
            double noise = rng.nextDouble() * 2 - 1;
            double x = (i < burst ? 0 : tilt) + 0.02 * noise;
            for (int k = 0; k < 3; k++) {
                double[] c = coeff[k];
                double y = c[0] * x + c[1] * state[k][0] + c[2] * state[k][1];
                state[k][1] = state[k][0];
                state[k][0] = y;
                x = y;
            }
            double fricative = i < burst ? 0.35 * (noise - lastNoise) * (1 - (double) i / burst) : 0;
            lastNoise = noise;
            out[start + i] += (float) (x * envelope * 0.05 + fricative);
        }
    }

    /** Coefficients (a, b, c) of a two-pole resonator: y = a·x + b·y₁ + c·y₂ (unity gain at DC). */
    private static double[] resonator(double freq, double bandwidth) {
        return resonator(freq, bandwidth, SAMPLE_RATE);
    }

    static double[] resonator(double freq, double bandwidth, int sampleRate) {
        double c = -Math.exp(-2 * Math.PI * bandwidth / sampleRate);
        double b = 2 * Math.exp(-Math.PI * bandwidth / sampleRate) * Math.cos(2 * Math.PI * freq / sampleRate);
        return new double[]{1 - b - c, b, c};
    }
}
