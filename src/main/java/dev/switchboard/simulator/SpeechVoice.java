package dev.switchboard.simulator;

import java.util.SplittableRandom;

/**
 * One speaker's voice on a live call's audio, rendered as it goes (16 kHz): {@link SpeechSynth}'s
 * formant syllables while the speaker has the floor, quiet line noise otherwise. Syllables run on across
 * calls to {@link #render}, so frames join seamlessly; a new turn starts a new phrase (pitch reset, no
 * leading pause). Sines come from a table and the resonators are unrolled: a 20 ms frame costs a few
 * microseconds. Confined to the thread that renders the call's frames.
 */
final class SpeechVoice {
    static final int RATE = 16_000;
    /** Peak-to-peak of the line noise, as a share of full scale (RMS ≈ 15 of 32,767: about -67 dBFS). */
    private static final float NOISE = 0.0016f;
    /** Brings the synthesiser's raw output to a comfortable speech level (RMS ≈ 2,800, about -21 dBFS, while talking). */
    private static final float GAIN = 3.4f;
    /** The consonant burst's level relative to the vowel's. */
    private static final double FRICATIVE = 0.05;
    private static final int TABLE = 1024;
    private static final float[] SINE = new float[TABLE + 1];

    static {
        for (int i = 0; i <= TABLE; i++) SINE[i] = (float) Math.sin(2 * Math.PI * i / TABLE);
    }

    private final double baseF0;
    private final SplittableRandom rng;
    private boolean talking;
    private double f0;
    private int syllablesLeft;
    private int pause;
    private boolean wordSpoken;
    private int len;
    private int pos;
    private int burst;
    private double a0, b0, c0, a1, b1, c1, a2, b2, c2;
    private double y01, y02, y11, y12, y21, y22;
    private double phase;
    private double tilt;
    private double lastNoise;

    SpeechVoice(double baseF0, long seed) {
        this.baseF0 = baseF0;
        this.rng = new SplittableRandom(seed);
    }

    /** The assistant's voice (a higher pitch) or the customer's (either), varied by the seed. */
    static SpeechVoice assistant(long seed) {
        return new SpeechVoice(180 + new SplittableRandom(seed).nextDouble() * 50, seed);
    }

    static SpeechVoice customer(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return new SpeechVoice(r.nextBoolean() ? 95 + r.nextDouble() * 40 : 170 + r.nextDouble() * 40, seed);
    }

    /** Fills {@code out[0..n)} with speech ({@code speaking}) or line noise, in [-1, 1]. */
    void render(float[] out, int n, boolean speaking) {
        if (!speaking) {
            talking = false;
            for (int i = 0; i < n; i++) out[i] = noise();
            return;
        }
        if (!talking) {
            talking = true;
            f0 = baseF0 * (1.05 + rng.nextDouble() * 0.1);
            syllablesLeft = 0;
            pause = 0;
            wordSpoken = false;
            pos = len; // start a fresh syllable
        }
        for (int i = 0; i < n; i++) {
            if (pause > 0) {
                pause--;
                out[i] = noise();
                continue;
            }
            if (pos >= len) {
                startSyllable();
                if (pause > 0) {
                    pause--;
                    out[i] = noise();
                    continue;
                }
            }
            out[i] = limit(sample() * GAIN + noise());
        }
    }

    private void startSyllable() {
        if (syllablesLeft == 0) {
            syllablesLeft = 1 + rng.nextInt(3);
            if (wordSpoken) pause = (int) ((0.04 + rng.nextDouble() * 0.12) * RATE); // between words
            wordSpoken = true;
        }
        syllablesLeft--;
        len = (int) ((0.11 + rng.nextDouble() * 0.13) * RATE); // ~4–9 syllables a second
        pos = 0;
        double[] v = SpeechSynth.VOWELS[rng.nextInt(SpeechSynth.VOWELS.length)];
        double[] r0 = SpeechSynth.resonator(v[0] * (0.95 + rng.nextDouble() * 0.1), SpeechSynth.BANDWIDTHS[0], RATE);
        double[] r1 = SpeechSynth.resonator(v[1] * (0.95 + rng.nextDouble() * 0.1), SpeechSynth.BANDWIDTHS[1], RATE);
        double[] r2 = SpeechSynth.resonator(v[2] * (0.95 + rng.nextDouble() * 0.1), SpeechSynth.BANDWIDTHS[2], RATE);
        a0 = r0[0]; b0 = r0[1]; c0 = r0[2];
        a1 = r1[0]; b1 = r1[1]; c1 = r1[2];
        a2 = r2[0]; b2 = r2[1]; c2 = r2[2];
        y01 = y02 = y11 = y12 = y21 = y22 = 0;
        burst = rng.nextBoolean() ? (int) ((0.015 + rng.nextDouble() * 0.04) * RATE) : 0;
        phase = 0;
        tilt = 0;
        lastNoise = 0;
        f0 = Math.max(baseF0 * 0.8, f0 * (0.985 + rng.nextDouble() * 0.02)); // pitch declines through a phrase
    }

    private double sample() {
        double t = (double) pos / len;
        double envelope = envelope(t);
        double f = f0 * (1 + 0.01 * sine(5.5 * pos / RATE)); // slight vibrato
        phase += f / RATE;
        double pulse = 0;
        if (phase >= 1) {
            phase -= 1;
            pulse = 1;
        }
        tilt = 0.9 * tilt + pulse;
        double noise = rng.nextDouble() * 2 - 1;
        double x = (pos < burst ? 0 : tilt) + 0.02 * noise;
        double y0 = a0 * x + b0 * y01 + c0 * y02;
        y02 = y01;
        y01 = y0;
        double y1 = a1 * y0 + b1 * y11 + c1 * y12;
        y12 = y11;
        y11 = y1;
        double y2 = a2 * y1 + b2 * y21 + c2 * y22;
        y22 = y21;
        y21 = y2;
        double fricative = pos < burst ? FRICATIVE * (noise - lastNoise) * (1 - (double) pos / burst) : 0;
        lastNoise = noise;
        pos++;
        return y2 * envelope * 0.05 + fricative;
    }

    /** A syllable's loudness over its course (0..1): quick attack, a held vowel, a decay, a short release. */
    private static double envelope(double t) {
        if (t < 0.25) return sine(t); // sin(π/2 · t/0.25)
        if (t < 0.62) return 1;
        if (t < 0.9) return 1 - (t - 0.62) / 0.28 * 0.4;
        return 0.6 * (1 - t) / 0.1;
    }

    /** sin(2π·cycles), from the table. */
    private static double sine(double cycles) {
        double c = cycles - Math.floor(cycles);
        return SINE[(int) (c * TABLE)];
    }

    private float noise() {
        return (float) (rng.nextDouble() - 0.5) * NOISE;
    }

    /** Linear up to ±0.5, then softly towards ±1 (glottal peaks would otherwise clip). */
    private static float limit(double v) {
        double a = Math.abs(v);
        if (a <= 0.5) return (float) v;
        double soft = 0.5 + 0.5 * Math.tanh((a - 0.5) / 0.5);
        return (float) Math.copySign(soft, v);
    }
}
