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
 * call; every duration is given in real-time milliseconds and divided by the pace. Confined to the thread
 * writing the script.
 */
final class Timeline {
    /** Vapi sends {@code hang} when the assistant has not answered for this long. */
    static final double HANG_AFTER_MS = 5000;
    static final double HANG_RATE = 0.015;
    static final double INTERRUPT_RATE = 0.06;

    private final CallInfo call;
    private final double pace;
    private final SplittableRandom rng;
    private final List<Step> steps = new ArrayList<>();
    private final List<Turn> turns = new ArrayList<>();
    private long now;
    private Long startedAt;

    Timeline(CallInfo call, long start, double pace, SplittableRandom rng) {
        this.call = call;
        this.now = start;
        this.pace = pace;
        this.rng = rng;
    }

    long now() {
        return now;
    }

    Long startedAt() {
        return startedAt;
    }

    List<Turn> turns() {
        return List.copyOf(turns);
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

    /** A blind transfer: forwarding (with the destination), then Vapi's transfer-update. */
    void forward(String number) {
        statusAt(now, "forwarding", null, number);
        long at = pass(100, 300);
        steps.add(new Step(at, "transfer-update", number, () -> VapiMessages.transferUpdate(call, number, at)));
    }

    /** The assistant has gone quiet for too long (the call carries on afterwards). */
    void hang() {
        long at = now;
        steps.add(new Step(at, "hang", null, () -> VapiMessages.hang(call, at)));
    }

    void report(Report report) {
        long at = now;
        List<Turn> all = turns();
        steps.add(new Step(at, "end-of-call-report", report.endedReason(),
                () -> VapiMessages.endOfCallReport(call, report, all, at)));
    }

    /**
     * The spoken turns: for each, speech started, a few growing partial transcripts while it is spoken
     * (time proportional to the words), the final transcript, speech stopped, and the conversation so far.
     */
    void speak(List<Dialogue.Spoken> lines) {
        String previousRole = null;
        boolean interrupted = false;
        for (int i = 0; i < lines.size(); i++) {
            Dialogue.Spoken line = lines.get(i);
            boolean assistant = line.role().equals("assistant");
            if (previousRole == null) {
                pass(300, 900); // the assistant's first message (or the callee's "Hello?")
            } else if (previousRole.equals(line.role())) {
                pass(8000, 12000); // nobody answered: the assistant prompts again
            } else if (interrupted) {
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
            boolean nextIsUser = i + 1 < lines.size() && lines.get(i + 1).role().equals("user");
            interrupted = turn(i, line, assistant && nextIsUser && rng.nextDouble() < INTERRUPT_RATE);
            previousRole = line.role();
        }
    }

    /** One turn starting at the cursor; returns whether the user cut in at its end. */
    private boolean turn(int index, Dialogue.Spoken line, boolean interrupt) {
        String role = line.role();
        String text = line.text();
        String[] words = text.split("\\s+");
        double wordsPerSecond = role.equals("assistant") ? uniform(2.6, 3.1) : uniform(2.1, 2.9);
        long start = now;
        long end = start + scaled(words.length / wordsPerSecond * 1000 + 250);
        steps.add(new Step(start, "speech-update", role + " started",
                () -> VapiMessages.speechUpdate(call, role, "started", index, start)));

        int partials = Math.min(2 + rng.nextInt(3), Math.max(1, words.length - 1));
        long lastPartial = start;
        for (int j = 1; j <= partials; j++) {
            int n = Math.max(1, (int) Math.round(words.length * j / (partials + 1.0)));
            String prefix = stripTrailingPunctuation(String.join(" ", Arrays.copyOf(words, n)));
            long at = start + (end - start) * j / (partials + 1);
            lastPartial = at;
            steps.add(new Step(at, "transcript", role + " partial",
                    () -> VapiMessages.transcript(call, role, false, prefix, at)));
        }
        if (interrupt) {
            long at = Math.max(lastPartial + 1, end - scaled(uniform(150, 500)));
            steps.add(new Step(at, "user-interrupted", null, () -> VapiMessages.userInterrupted(call, at)));
        }
        long fin = end + scaled(uniform(150, 450)); // the transcriber finalises a little after the audio
        steps.add(new Step(fin, "transcript", role + " final", () -> VapiMessages.transcript(call, role, true, text, fin)));
        long stopped = fin + scaled(uniform(30, 150));
        steps.add(new Step(stopped, "speech-update", role + " stopped",
                () -> VapiMessages.speechUpdate(call, role, "stopped", index, stopped)));

        long base = startedAt == null ? start : startedAt;
        turns.add(new Turn(role, text, start, end, Math.round((start - base) / 10.0) / 100.0));
        List<Turn> soFar = List.copyOf(turns);
        long conv = stopped + scaled(uniform(20, 120));
        steps.add(new Step(conv, "conversation-update", soFar.size() + " messages",
                () -> VapiMessages.conversationUpdate(call, soFar, conv)));
        now = conv;
        return interrupt;
    }

    /** The steps in send order (stable for equal times, so same-instant messages keep their order). */
    List<Step> steps() {
        List<Step> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparingLong(Step::at));
        return List.copyOf(sorted);
    }

    private void statusAt(long at, String status, String endedReason, String destination) {
        steps.add(new Step(at, "status-update", status,
                () -> VapiMessages.statusUpdate(call, status, at, endedReason, destination)));
    }

    long scaled(double realMs) {
        return Math.max(0, Math.round(realMs / pace));
    }

    double uniform(double min, double max) {
        return min + rng.nextDouble() * (max - min);
    }

    private static String stripTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ",.?!;:".indexOf(s.charAt(end - 1)) >= 0) end--;
        return s.substring(0, end);
    }
}
