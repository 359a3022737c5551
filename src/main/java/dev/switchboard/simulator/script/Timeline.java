package dev.switchboard.simulator.script;

import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.simulator.VapiMessages.CallInfo;
import dev.switchboard.simulator.VapiMessages.Report;
import dev.switchboard.simulator.VapiMessages.Turn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays one call's messages out in time, the way Vapi emits them. A cursor moves forward through the
 * call; every duration is given in real-time milliseconds and divided by the pace. Laid-out messages
 * collect until {@link #drain}ed. The spoken turns are kept as {@link Slot}s so a supervisor's action can
 * take back the ones that have not started yet ({@link #forgetAfter}) or cut one short ({@link #cutShort}).
 * Confined to one thread at a time (its owner's lock).
 */
final class Timeline {
    /** Vapi sends {@code hang} when the assistant has not answered for this long. */
    static final double HANG_AFTER_MS = 5000;
    static final double HANG_RATE = 0.015;
    static final double INTERRUPT_RATE = 0.06;

    /** One spoken turn as laid out: its speech runs from {@code start} to {@code end}. */
    static final class Slot {
        final int index;
        final String role;
        final long start;
        final boolean interrupted;
        /** Where the line came from, so it can be spoken again if the turn is taken back. */
        final Object source;
        final boolean injected;
        long end;
        long convAt;
        Turn turn;
        /** Whispered instructions folded into this turn, to restore if it is taken back. */
        List<String> whispers = List.of();

        Slot(int index, String role, long start, boolean interrupted, Object source, boolean injected) {
            this.index = index;
            this.role = role;
            this.start = start;
            this.interrupted = interrupted;
            this.source = source;
            this.injected = injected;
        }
    }

    private final CallInfo call;
    private final double pace;
    private final SplittableRandom rng;
    private final List<Step> pending = new ArrayList<>();
    private final List<Slot> slots = new ArrayList<>();
    private long now;
    private Long startedAt;
    private int section = Step.NONE;

    Timeline(CallInfo call, long start, double pace, SplittableRandom rng) {
        this.call = call;
        this.now = start;
        this.pace = pace;
        this.rng = rng;
    }

    long now() {
        return now;
    }

    void moveTo(long at) {
        now = at;
    }

    Long startedAt() {
        return startedAt;
    }

    /** The call is taken back to before it connected (a supervisor ended it while it was still ringing). */
    void unconnect() {
        startedAt = null;
    }

    /** Status changes laid out from now on belong to the prelude (ringing, connecting) until turned off. */
    void prelude(boolean on) {
        section = on ? Step.PRELUDE : Step.NONE;
    }

    List<Turn> turns() {
        List<Turn> out = new ArrayList<>(slots.size());
        for (Slot s : slots) out.add(s.turn);
        return out;
    }

    List<Slot> slots() {
        return slots;
    }

    Slot lastSlot() {
        return slots.isEmpty() ? null : slots.get(slots.size() - 1);
    }

    /** Moves the cursor by a real-time duration drawn from [minMs, maxMs]. */
    long pass(double minMs, double maxMs) {
        now += scaled(uniform(minMs, maxMs));
        return now;
    }

    void status(String status) {
        statusAt(now, status, null, null);
    }

    void connected() {
        startedAt = now;
        status("in-progress");
    }

    void ended(String endedReason) {
        statusAt(now, "ended", endedReason, null);
    }

    /** A blind transfer: forwarding (with the destination: a number, or a {@code sip:} URI), then Vapi's transfer-update. */
    void forward(String destination) {
        statusAt(now, "forwarding", null, destination);
        long at = pass(100, 300);
        pending.add(new Step(at, "transfer-update", destination, () -> VapiMessages.transferUpdate(call, destination, at)));
    }

    /** The assistant has gone quiet for too long (the call carries on afterwards). */
    void hang() {
        long at = now;
        pending.add(new Step(at, "hang", null, () -> VapiMessages.hang(call, at)));
    }

    void report(Report report) {
        long at = now;
        List<Turn> all = turns();
        pending.add(new Step(at, "end-of-call-report", report.endedReason(),
                () -> VapiMessages.endOfCallReport(call, report, all, at)));
    }

    /**
     * The pause before a scripted line, as in a real conversation: short after the other side, long when
     * nobody answered (the assistant prompts again), none when the caller cut in, and now and then a
     * {@code hang} while the assistant is slow to answer.
     */
    void gapBefore(String role) {
        Slot previous = lastSlot();
        boolean assistant = role.equals("assistant");
        if (previous == null) {
            pass(300, 900); // the assistant's first message (or the callee's "Hello?")
        } else if (previous.injected) {
            pass(300, 900);
        } else if (previous.role.equals(role)) {
            pass(8000, 12000); // nobody answered: the assistant prompts again
        } else if (previous.interrupted) {
            pass(0, 150);
        } else if (assistant && rng.nextDouble() < HANG_RATE) {
            long waitedFrom = now;
            now = waitedFrom + scaled(HANG_AFTER_MS);
            hang();
            now = waitedFrom;
            pass(5600, 9000);
        } else {
            pass(assistant ? 600 : 300, assistant ? 1500 : 1400);
        }
    }

    /**
     * One turn starting at the cursor: speech started, a few growing partial transcripts while it is
     * spoken (time proportional to the words), the final transcript, speech stopped, and the conversation
     * so far. {@code mayBeInterrupted}: the other side speaks next, so the user may cut in at the end.
     */
    Slot turn(String role, String text, boolean mayBeInterrupted, Object source, boolean injected) {
        boolean interrupt = mayBeInterrupted && role.equals("assistant") && rng.nextDouble() < INTERRUPT_RATE;
        int index = slots.size();
        String[] words = text.split("\\s+");
        double wordsPerSecond = role.equals("assistant") ? uniform(2.6, 3.1) : uniform(2.1, 2.9);
        long start = now;
        long end = start + scaled(words.length / wordsPerSecond * 1000 + 250);
        add(new Step(start, "speech-update", role + " started",
                () -> VapiMessages.speechUpdate(call, role, "started", index, start), index));

        int partials = Math.min(2 + rng.nextInt(3), Math.max(1, words.length - 1));
        long lastPartial = start;
        for (int j = 1; j <= partials; j++) {
            int n = Math.max(1, (int) Math.round(words.length * j / (partials + 1.0)));
            String prefix = stripTrailingPunctuation(String.join(" ", Arrays.copyOf(words, n)));
            long at = start + (end - start) * j / (partials + 1);
            lastPartial = at;
            add(new Step(at, "transcript", role + " partial",
                    () -> VapiMessages.transcript(call, role, false, prefix, at), index));
        }
        if (interrupt) {
            long at = Math.max(lastPartial + 1, end - scaled(uniform(150, 500)));
            add(new Step(at, "user-interrupted", null, () -> VapiMessages.userInterrupted(call, at), index));
        }
        Slot slot = new Slot(index, role, start, interrupt, source, injected);
        slot.end = end;
        slot.turn = new Turn(role, text, start, end, secondsFromStart(start));
        slots.add(slot);
        long fin = end + scaled(uniform(150, 450)); // the transcriber finalises a little after the audio
        finish(slot, text, fin);
        return slot;
    }

    /** Final transcript, speech stopped and the conversation so far, from {@code fin}; moves the cursor past them. */
    private void finish(Slot slot, String text, long fin) {
        String role = slot.role;
        int index = slot.index;
        add(new Step(fin, "transcript", role + " final", () -> VapiMessages.transcript(call, role, true, text, fin), index));
        long stopped = fin + scaled(uniform(30, 150));
        add(new Step(stopped, "speech-update", role + " stopped",
                () -> VapiMessages.speechUpdate(call, role, "stopped", index, stopped), index));
        List<Turn> soFar = turns();
        long conv = stopped + scaled(uniform(20, 120));
        add(new Step(conv, "conversation-update", soFar.size() + " messages",
                () -> VapiMessages.conversationUpdate(call, soFar, conv), index));
        slot.convAt = conv;
        now = conv;
    }

    /** The turn being spoken or finalised at {@code t}, or null (later turns may already be laid out). */
    Slot inProgress(long t) {
        for (int i = slots.size() - 1; i >= 0; i--) {
            Slot s = slots.get(i);
            if (s.start <= t) return t < s.convAt ? s : null;
        }
        return null;
    }

    /** Takes back every turn that starts after {@code t}, latest first (their messages are the caller's to drop). */
    List<Slot> forgetAfter(long t) {
        List<Slot> gone = new ArrayList<>();
        while (!slots.isEmpty() && lastSlot().start > t) gone.add(slots.remove(slots.size() - 1));
        return gone;
    }

    /**
     * The speaker is cut off at {@code t}: the words said so far become the final transcript, then speech
     * stopped and the conversation. The turn's other messages after {@code t} are the caller's to drop.
     */
    void cutShort(Slot slot, long t) {
        String[] words = slot.turn.text().split("\\s+");
        double spoken = (double) (t - slot.start) / Math.max(1, slot.end - slot.start);
        int n = Math.max(1, Math.min(words.length, (int) Math.floor(words.length * spoken)));
        String text = stripTrailingPunctuation(String.join(" ", Arrays.copyOf(words, n)));
        slot.end = t;
        slot.turn = new Turn(slot.role, text, slot.start, t, slot.turn.secondsFromStart());
        finish(slot, text, t + scaled(uniform(60, 200)));
    }

    int mark() {
        return pending.size();
    }

    /** When the first message laid out since {@code mark} goes out (or the cursor if none). */
    long firstAtSince(int mark) {
        long first = Long.MAX_VALUE;
        for (int i = mark; i < pending.size(); i++) first = Math.min(first, pending.get(i).at());
        return first == Long.MAX_VALUE ? now : first;
    }

    /** The messages laid out since the last drain, in send order (stable for equal times). */
    List<Step> drain() {
        List<Step> sorted = new ArrayList<>(pending);
        sorted.sort(Comparator.comparingLong(Step::at));
        pending.clear();
        return sorted;
    }

    private void add(Step step) {
        pending.add(step);
    }

    private void statusAt(long at, String status, String endedReason, String destination) {
        pending.add(new Step(at, "status-update", status,
                () -> VapiMessages.statusUpdate(call, status, at, endedReason, destination), section));
    }

    private double secondsFromStart(long start) {
        long base = startedAt == null ? start : startedAt;
        return Math.round((start - base) / 10.0) / 100.0;
    }

    long scaled(double realMs) {
        return Math.max(0, Math.round(realMs / pace));
    }

    double uniform(double min, double max) {
        return min + rng.nextDouble() * (max - min);
    }

    static String stripTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ",.?!;:".indexOf(s.charAt(end - 1)) >= 0) end--;
        return s.substring(0, end);
    }
}
