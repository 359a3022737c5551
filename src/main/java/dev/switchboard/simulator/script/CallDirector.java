package dev.switchboard.simulator.script;

import dev.switchboard.simulator.SimulatorUrls;
import dev.switchboard.simulator.VapiMessages.CallInfo;
import dev.switchboard.simulator.VapiMessages.Report;
import dev.switchboard.simulator.script.Timeline.Slot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Runs one call: lays out its messages chunk by chunk ({@link #next}) and takes a supervisor's actions
 * into account. A call is its scenario's status flow, the dialogue's lines one turn each, and an ending
 * (the scenario's, or the one an action forced). Without actions, running it to the end gives exactly
 * the script {@link ScriptWriter} writes. An action first {@link #rewind}s what was laid out after its
 * time (turns that have not started, an ending that has not begun), then changes what comes next.
 *
 * <p>Not thread-safe: its owner calls it under one lock.
 */
public final class CallDirector {
    /** Lines an endless call lays out per chunk; it is asked for more as they are sent. */
    private static final int ENDLESS_CHUNK = 4;
    private static final Dialogue.Spoken STILL_THERE = new Dialogue.Spoken("user", "Hello? Are you still there?");

    /** How a call is shaped before its ending. */
    private enum Plan { CONVERSATION, FAILED_MID_CALL, UNANSWERED, NEVER_CONNECTED }

    /** An ending a supervisor's action (or the caller) forced. */
    private record Forced(String kind, String reason, String destination, String content) {}

    /** A line to speak next out of the dialogue's order: a supervisor's {@code say}, or the answer to a whisper. */
    private record Injected(Dialogue.Spoken line, boolean exact, boolean endCallAfter) {}

    /** A line of the dialogue (or of the endless fillers), by position. */
    private record Scripted(int position) {}

    /** The "are you still there?" of a caller whose assistant was muted. */
    private record Prompt() {}

    private record Laid(long firstAt, String endedReason, long endedAt, String transferredTo) {}

    /** What a rewind kept: the turn still being spoken that plays to its end (or -1), the prelude, and messages it added. */
    public record Rewind(long at, int keepTurn, boolean keepPrelude, List<Step> added) {
        /** Whether a not-yet-sent message laid out before the rewind still goes out. */
        public boolean keeps(Step step) {
            return step.at() <= at || (keepTurn >= 0 && step.turn() == keepTurn) || (keepPrelude && step.turn() == Step.PRELUDE);
        }
    }

    /** Who speaks when, for the call's audio: speech from {@code start} to {@code end} (epoch ms). */
    public record Speech(String role, long start, long end) {}

    private final TenantProfile profile;
    private final Scenario scenario;
    private final ScriptWriter.Direction direction;
    private final CallInfo call;
    private final SplittableRandom rng;
    private final Map<String, String> vars;
    private final SimulatorUrls urls;
    private final Timeline tl;
    private final Plan plan;
    private final boolean endless;
    private final Dialogue dialogue;
    private final List<Dialogue.Spoken> lines;
    private final double ringMs;
    private final String failure;

    private boolean preludeLaid;
    private long preludeEnd;
    private int nextLine;
    private final Deque<Injected> injected = new ArrayDeque<>();
    private List<String> whispers = new ArrayList<>();
    private boolean muted;
    private boolean prompted;
    private Forced forced;
    private Laid ending;

    private CallDirector(TenantProfile profile, Scenario scenario, String callId, long seed, long start, double pace,
                         SimulatorUrls urls, boolean endless) {
        if (!(pace > 0)) throw new IllegalArgumentException("pace must be positive");
        this.profile = profile;
        this.scenario = scenario;
        this.urls = urls;
        this.endless = endless;
        // The draws below happen in the order ScriptWriter has always made them, so scripts stay the same.
        this.rng = new SplittableRandom(seed);
        this.direction = ScriptWriter.direction(scenario, rng);
        var assistant = direction == ScriptWriter.Direction.OUTBOUND ? profile.outbound() : profile.inbound();
        String ours = direction == ScriptWriter.Direction.WEB ? null : profile.ourNumbers().get(rng.nextInt(profile.ourNumbers().size()));
        String customer = direction == ScriptWriter.Direction.WEB ? null : profile.customerNumber(rng);
        this.call = new CallInfo(callId, direction.vapiType, customer, ours, assistant.id(), assistant.name(), start,
                urls.listen(callId), urls.control(callId));
        this.vars = ScriptVars.create(profile, assistant.name(), rng, start);
        this.tl = new Timeline(call, start, pace, rng);

        switch (scenario) {
            case NO_ANSWER -> {
                plan = Plan.UNANSWERED;
                ringMs = rng.nextDouble() < 0.5 ? 20000 : 26000;
                failure = "customer-did-not-answer";
                dialogue = null;
                lines = List.of();
            }
            case BUSY -> {
                plan = Plan.UNANSWERED;
                ringMs = 600;
                failure = "customer-busy";
                dialogue = null;
                lines = List.of();
            }
            case FAILED_CALL -> {
                if (direction == ScriptWriter.Direction.OUTBOUND) {
                    plan = Plan.NEVER_CONNECTED;
                    failure = ScriptWriter.pick(rng, ScriptWriter.CONNECT_FAILURES);
                    dialogue = null;
                    lines = List.of();
                } else {
                    plan = Plan.FAILED_MID_CALL;
                    Scenario base = profile.flavour() == Flavour.MEDICARE ? Scenario.MEDICARE_QUESTION : Scenario.APPOINTMENT_BOOKING;
                    dialogue = ScriptWriter.pick(rng, profile.flavour().dialogues(base));
                    List<Dialogue.Spoken> all = ScriptWriter.spoken(dialogue, direction, rng, vars);
                    int keep = 2 + 2 * rng.nextInt(2); // ends on the caller's line the assistant never answers
                    lines = List.copyOf(all.subList(0, Math.min(keep, all.size())));
                    failure = null;
                }
                ringMs = 0;
            }
            default -> {
                plan = Plan.CONVERSATION;
                dialogue = ScriptWriter.pick(rng, profile.flavour().dialogues(scenario));
                List<Dialogue.Spoken> all = ScriptWriter.spoken(dialogue, direction, rng, vars);
                lines = endless ? ScriptWriter.withoutGoodbye(all) : all;
                ringMs = 0;
                failure = null;
            }
        }
        if (endless && plan != Plan.CONVERSATION) {
            throw new IllegalArgumentException(scenario + " has no conversation to keep going; use a conversational scenario");
        }
    }

    /** A call of the given scenario; {@code endless}: it talks until an action or {@link #hangUp} ends it. */
    public static CallDirector create(TenantProfile profile, Scenario scenario, String callId, long seed, long start,
                                      double pace, SimulatorUrls urls, boolean endless) {
        return new CallDirector(profile, scenario, callId, seed, start, pace, urls, endless);
    }

    /** A call of a scenario drawn with the tenant's frequencies. */
    public static CallDirector create(TenantProfile profile, String callId, long seed, long start, double pace, SimulatorUrls urls) {
        return create(profile, ScriptWriter.scenarioFor(profile, seed), callId, seed, start, pace, urls, false);
    }

    public CallInfo call() {
        return call;
    }

    public String tenant() {
        return profile.tenantId();
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Whether anyone talks on this call (no-answer, busy and never-connected calls do not). */
    public boolean converses() {
        return !lines.isEmpty();
    }

    /** Everything up to the end-of-call report is laid out. */
    public boolean finished() {
        return ending != null;
    }

    /** The next messages, in send order; empty once the call is over. Finite calls are laid out to the end at once. */
    public List<Step> next() {
        if (ending != null) return List.of();
        if (!preludeLaid) layPrelude();
        int budget = endless ? ENDLESS_CHUNK : Integer.MAX_VALUE;
        while (ending == null && budget-- > 0) {
            if (forced != null) {
                layEnding();
                break;
            }
            Object next = peek();
            if (next == null) {
                layEnding();
                break;
            }
            if (muted && role(next).equals("assistant")) {
                layMutedWait();
                break;
            }
            speak(next);
        }
        return tl.drain();
    }

    /** Runs an action-free call to its end. */
    CallScript toScript() {
        List<Step> steps = next();
        return new CallScript(profile.tenantId(), scenario, call, ending.endedReason(), tl.startedAt(), ending.endedAt(),
                ending.transferredTo(), steps);
    }

    // ---- the supervisor's actions -------------------------------------------------------------------------

    /** Whether an action at {@code t} can still change the call: it has not begun to end. */
    public boolean acceptsControl(long t) {
        return forced == null && (ending == null || ending.firstAt() > t);
    }

    /**
     * Takes back what was laid out after {@code t}: turns that have not started (their lines will be
     * spoken later) and an ending that has not begun. The turn being spoken at {@code t} plays to its
     * end, unless {@code interrupt} (the speaker is cut off: its words so far become the final transcript).
     * The caller drops its not-yet-sent messages that {@link Rewind#keeps} rejects and sends
     * {@link Rewind#added} next.
     */
    public Rewind rewind(long t, boolean interrupt) {
        if (!acceptsControl(t)) throw new IllegalStateException("the call is already ending");
        ending = null;
        for (Slot s : tl.forgetAfter(t)) {
            if (s.source instanceof Scripted sc) nextLine = sc.position();
            else if (s.source instanceof Injected in) injected.addFirst(in);
            else if (s.source instanceof Prompt) prompted = false;
            if (!s.whispers.isEmpty()) {
                List<String> restored = new ArrayList<>(s.whispers);
                restored.addAll(whispers);
                whispers = restored;
            }
        }
        boolean keepPrelude = !interrupt;
        if (interrupt && preludeLaid && preludeEnd > t && tl.slots().isEmpty()) {
            tl.unconnect(); // it never got to "in-progress"
        }
        Slot current = tl.inProgress(t);
        if (current != null) {
            if (interrupt && t < current.end) {
                tl.moveTo(t);
                tl.cutShort(current, t);
                return new Rewind(t, -1, false, tl.drain());
            }
            tl.moveTo(current.convAt);
            return new Rewind(t, current.index, keepPrelude, List.of());
        }
        long from = t;
        if (keepPrelude && preludeLaid) from = Math.max(from, preludeEnd);
        tl.moveTo(from);
        return new Rewind(t, -1, keepPrelude, List.of());
    }

    /** Whether the assistant is speaking at {@code t} (a mute then cuts it off). */
    public boolean assistantSpeakingAt(long t) {
        Slot current = tl.inProgress(t);
        return current != null && current.role.equals("assistant") && t < current.end;
    }

    /** The assistant says exactly {@code text} next (after the turn being spoken), then maybe ends the call. */
    public void say(String text, boolean endCallAfterSpoken) {
        injected.addLast(new Injected(new Dialogue.Spoken("assistant", text), true, endCallAfterSpoken));
    }

    /**
     * A system message only the assistant hears. With {@code respondNow} the assistant acts on it in a turn
     * of its own right away; otherwise its next line of the conversation takes it into account.
     */
    public void whisper(String instruction, boolean respondNow) {
        if (respondNow) {
            injected.addLast(new Injected(new Dialogue.Spoken("assistant", Whispers.reflect(instruction)), false, false));
        } else {
            whispers.add(instruction);
        }
    }

    public void mute(boolean on) {
        if (on && !muted) prompted = false;
        muted = on;
    }

    /** Blind transfer, after the assistant says {@code content} (if any); {@code destination} is E.164 or a {@code sip:} URI. */
    public void transfer(String destination, String content) {
        forced = new Forced("transfer", "assistant-forwarded-call", destination, content);
    }

    /** The call ends now, e.g. {@code manually-canceled} (the end-call action) or {@code customer-ended-call}. */
    public void end(String endedReason) {
        forced = new Forced("end", endedReason, null, null);
    }

    /** Who speaks when, for every turn laid out so far. */
    public List<Speech> speech() {
        List<Speech> out = new ArrayList<>(tl.slots().size());
        for (Slot s : tl.slots()) out.add(new Speech(s.role, s.start, s.end));
        return out;
    }

    // ---- laying out -----------------------------------------------------------------------------------------

    private void layPrelude() {
        preludeLaid = true;
        tl.prelude(true);
        switch (plan) {
            case UNANSWERED -> {
                tl.status("queued");
                tl.pass(300, 900);
                tl.status("ringing");
            }
            case NEVER_CONNECTED -> tl.status("queued");
            case CONVERSATION -> ScriptWriter.connect(tl, direction, scenario == Scenario.VOICEMAIL ? 15000 : 4000,
                    scenario == Scenario.VOICEMAIL ? 25000 : 14000);
            case FAILED_MID_CALL -> ScriptWriter.connect(tl, direction, 4000, 14000);
        }
        tl.prelude(false);
        preludeEnd = tl.now();
    }

    /** The line spoken next: an injected one first, then the dialogue's; null when the dialogue is over. */
    private Object peek() {
        if (!injected.isEmpty()) return injected.peekFirst();
        if (endless || nextLine < lines.size()) return new Scripted(nextLine);
        return null;
    }

    private Dialogue.Spoken line(Object source) {
        if (source instanceof Injected in) return in.line();
        int position = ((Scripted) source).position();
        return position < lines.size() ? lines.get(position) : ScriptWriter.FILLERS.get((position - lines.size()) % ScriptWriter.FILLERS.size());
    }

    private String role(Object source) {
        return line(source).role();
    }

    private void speak(Object source) {
        Dialogue.Spoken line = line(source);
        boolean isInjected = source instanceof Injected;
        if (isInjected) {
            injected.pollFirst();
            tl.pass(300, 700);
        } else {
            nextLine++;
            tl.gapBefore(line.role());
        }
        String text = line.text();
        List<String> folded = List.of();
        if (!isInjected && line.role().equals("assistant") && !whispers.isEmpty()) {
            folded = whispers;
            whispers = new ArrayList<>();
            text = Whispers.reflect(folded) + " " + text;
        }
        Object after = peek();
        boolean nextIsUser = !isInjected && after != null && role(after).equals("user");
        Slot slot = tl.turn(line.role(), text, nextIsUser, source, isInjected);
        slot.whispers = folded;
        if (source instanceof Injected in && in.endCallAfter()) {
            forced = new Forced("after-say", "assistant-ended-call-after-message-spoken", null, null);
        }
    }

    /** The assistant is muted and would speak next: the caller asks if anyone is there, then gives up. */
    private void layMutedWait() {
        if (!prompted) {
            prompted = true;
            tl.pass(5000, 7000);
            tl.turn(STILL_THERE.role(), STILL_THERE.text(), false, new Prompt(), false);
        }
        int mark = tl.mark();
        tl.pass(20000, 30000);
        tl.ended("customer-ended-call");
        long firstAt = tl.firstAtSince(mark);
        report(new ScriptWriter.Outcome("customer-ended-call", "The assistant stopped responding and the caller hung up.",
                Map.of("resolved", false), ScriptWriter.evaluation(rng, false), null), firstAt, 2000, 6000);
    }

    private void layEnding() {
        int mark = tl.mark();
        ScriptWriter.Outcome outcome = forced != null ? forcedEnding(forced) : scriptedEnding();
        long firstAt = tl.firstAtSince(mark);
        boolean scripted = forced == null;
        report(outcome, firstAt, scripted ? 2000 : 1000, scripted ? 6000 : 3000);
    }

    /** After the ended status: post-processing, then the end-of-call report. */
    private void report(ScriptWriter.Outcome outcome, long firstAt, double minMs, double maxMs) {
        long endedAt = tl.now();
        tl.pass(minMs, maxMs);
        Long startedAt = tl.startedAt();
        double minutes = startedAt == null ? 0 : (endedAt - startedAt) / 60000.0;
        double cost = startedAt == null ? 0 : round4(minutes * profile.costPerMinute() + 0.004);
        String id = call.id();
        tl.report(new Report(outcome.endedReason(), startedAt, endedAt, cost, outcome.summary(), outcome.structuredData(),
                outcome.successEvaluation(), startedAt == null ? null : urls.recording(id),
                startedAt == null ? null : urls.stereoRecording(id), outcome.transferredTo()));
        ending = new Laid(firstAt, outcome.endedReason(), endedAt, outcome.transferredTo());
    }

    private ScriptWriter.Outcome forcedEnding(Forced f) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("resolved", false);
        switch (f.kind()) {
            case "transfer" -> {
                if (f.content() != null && !f.content().isBlank()) {
                    tl.pass(200, 500);
                    tl.turn("assistant", f.content(), false, new Injected(new Dialogue.Spoken("assistant", f.content()), true, false), true);
                }
                tl.pass(300, 800);
                tl.forward(f.destination());
                tl.pass(1500, 4000);
                tl.ended(f.reason());
                data.put("transferred_by_supervisor", true);
                return new ScriptWriter.Outcome(f.reason(), "A supervisor transferred the call to " + f.destination() + ".", data,
                        ScriptWriter.evaluation(rng, false), f.destination());
            }
            case "after-say" -> {
                tl.pass(300, 800);
                tl.ended(f.reason());
                return new ScriptWriter.Outcome(f.reason(), "The assistant delivered a supervisor's message and ended the call.", data,
                        ScriptWriter.evaluation(rng, false), null);
            }
            default -> {
                tl.pass(100, 300);
                tl.ended(f.reason());
                String summary = f.reason().equals("manually-canceled")
                        ? "A supervisor ended the call before the conversation finished."
                        : "The caller hung up before the conversation finished.";
                return new ScriptWriter.Outcome(f.reason(), summary, data, ScriptWriter.evaluation(rng, false), null);
            }
        }
    }

    /** The scenario's own ending, after its dialogue (draws in ScriptWriter's historical order). */
    private ScriptWriter.Outcome scriptedEnding() {
        switch (plan) {
            case UNANSWERED -> {
                tl.pass(ringMs, ringMs * 1.4);
                tl.ended(failure);
                return new ScriptWriter.Outcome(failure, null, Map.of(), null, null);
            }
            case NEVER_CONNECTED -> {
                tl.pass(800, 2500);
                tl.ended(failure);
                return new ScriptWriter.Outcome(failure, null, Map.of(), null, null);
            }
            case FAILED_MID_CALL -> {
                tl.pass(Timeline.HANG_AFTER_MS, Timeline.HANG_AFTER_MS);
                tl.hang();
                tl.pass(1500, 4000);
                String reason = ScriptWriter.pick(rng, ScriptWriter.MID_CALL_FAILURES);
                tl.ended(reason);
                Map<String, Object> data = new LinkedHashMap<>(); // ordered: the same JSON on every run
                data.put("resolved", false);
                data.put("technical_error", true);
                return new ScriptWriter.Outcome(reason, "The call ended because of a technical error before the assistant could respond to the caller.",
                        data, ScriptWriter.evaluation(rng, false), null);
            }
            default -> {
                return ScriptWriter.conversationEnding(tl, scenario, dialogue, vars, profile, rng);
            }
        }
    }

    private static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
