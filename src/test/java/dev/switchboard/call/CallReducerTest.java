package dev.switchboard.call;

import dev.switchboard.call.CallEvent.AssistantHang;
import dev.switchboard.call.CallEvent.Conversation;
import dev.switchboard.call.CallEvent.Observed;
import dev.switchboard.call.CallEvent.Reported;
import dev.switchboard.call.CallEvent.Speech;
import dev.switchboard.call.CallEvent.StatusChanged;
import dev.switchboard.call.CallEvent.TranscriptFinal;
import dev.switchboard.call.CallEvent.TranscriptPartial;
import dev.switchboard.call.CallEvent.TransferStarted;
import dev.switchboard.call.CallEvent.UserInterrupted;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CallReducer#reduce}, the pure call state machine: the same events in any order, any number of times,
 * give the same call; status only moves forward; {@code ended} is final; the end-of-call report wins.
 */
class CallReducerTest {
    static final String TENANT = "acme";
    static final String ID = "019aa9bb-0000-0000-0000-000000000000";
    static final long T0 = 1_763_784_211_688L;      // call.createdAt
    static final long NOW = 1_900_000_000_000L;
    static final String HUMAN = "+14155550199 ext. 42";
    static final String LISTEN = "wss://phone-call-websocket.example.vapi.ai/" + ID + "/listen";
    static final String CONTROL = "https://phone-call-websocket.example.vapi.ai/" + ID + "/control";

    // ---- one realistic call -------------------------------------------------------------------------------

    static Observed snapshot(long at, String status) {
        return new Observed(ID, at, status, "inboundPhoneCall", "+14155550123", "+14155550100",
                "asst-1", "Amy (Reception)", T0, null, null, LISTEN, CONTROL);
    }

    static final Observed OBSERVED = snapshot(T0 + 12, "queued");
    static final StatusChanged QUEUED = new StatusChanged(ID, T0 + 12, "queued", null, null);
    static final StatusChanged RINGING = new StatusChanged(ID, T0 + 62, "ringing", null, null);
    static final StatusChanged IN_PROGRESS = new StatusChanged(ID, T0 + 141, "in-progress", null, null);
    static final TranscriptFinal SAID = new TranscriptFinal(ID, T0 + 9_000, "user", "I need to move my appointment.", 7.2);
    static final StatusChanged FORWARDING = new StatusChanged(ID, T0 + 189_546, "forwarding", null, HUMAN);
    static final TransferStarted TRANSFER = new TransferStarted(ID, T0 + 189_586, HUMAN);
    /** The status-update says one reason at one time; the report (authoritative) says another. */
    static final StatusChanged ENDED = new StatusChanged(ID, T0 + 195_636, "ended", "customer-ended-call", null);
    static final Reported REPORT = new Reported(ID, T0 + 199_586, "assistant-forwarded-call", T0 + 312, T0 + 195_486,
            0.4476, "[{\"type\":\"vapi\",\"cost\":0.3125}]", "John moved his appointment to Friday.",
            "{\"intent\":\"reschedule\"}", "false", "https://storage.example/mono.wav", "https://storage.example/stereo.wav",
            HUMAN + " (billing)", List.of(new Utterance(1, "assistant", "VAPI Medical Practice.", T0 + 1_684, 1.372)));

    static final List<CallEvent> LIFECYCLE = List.of(OBSERVED, QUEUED, RINGING, IN_PROGRESS, SAID, FORWARDING, TRANSFER, ENDED, REPORT);

    /** What the lifecycle above must end as, whatever the order (version and updatedAt aside). */
    static final Call EXPECTED = new Call(TENANT, ID, "vapi", "ended", "inboundPhoneCall", "+14155550123", "+14155550100",
            "asst-1", "Amy (Reception)", T0, 0, T0 + 312, T0 + 195_486, "assistant-forwarded-call", 0.4476,
            "[{\"type\":\"vapi\",\"cost\":0.3125}]", "John moved his appointment to Friday.", "{\"intent\":\"reschedule\"}",
            "false", "https://storage.example/mono.wav", "https://storage.example/stereo.wav", HUMAN + " (billing)",
            LISTEN, CONTROL, T0 + 199_586, 0);

    // ---- helpers ------------------------------------------------------------------------------------------

    static CallReducer.Transition step(Call current, CallEvent e) {
        return CallReducer.reduce(current, TENANT, "vapi", e, NOW);
    }

    static Call fold(List<? extends CallEvent> events) {
        Call c = null;
        for (CallEvent e : events) c = step(c, e).call();
        return c;
    }

    /** The call without the fields that only count changes (version, updatedAt). */
    static Call norm(Call c) {
        if (c == null) return null;
        return new Call(c.tenantId(), c.id(), c.provider(), c.status(), c.callType(), c.phoneNumber(), c.ourNumber(),
                c.assistantId(), c.assistantName(), c.createdAt(), 0, c.startedAt(), c.endedAt(), c.endedReason(), c.cost(),
                c.costBreakdown(), c.summary(), c.structuredData(), c.successEvaluation(), c.recordingUrl(),
                c.stereoRecordingUrl(), c.transferDestination(), c.listenUrl(), c.controlUrl(), c.reportedAt(), 0);
    }

    /**
     * Folds every permutation of the events, sharing the work of common prefixes (a depth-first walk of the
     * permutation tree), and records every violation of the state machine's rules it sees on the way.
     */
    static final class Exploration {
        final List<CallEvent> events;
        final CallEvent report;
        int orders;
        final List<String> differentFinal = new ArrayList<>();
        final List<String> backwards = new ArrayList<>();
        final List<String> leftEnded = new ArrayList<>();
        final List<String> reportOverridden = new ArrayList<>();
        final List<String> notIdempotent = new ArrayList<>();
        final List<String> endedOrOddStatus = new ArrayList<>();
        Call expectedFinal;
        List<Object> reportedView;

        Exploration(List<CallEvent> events, Call expectedFinal, Reported report) {
            this.events = events;
            this.expectedFinal = expectedFinal;
            this.report = report;
        }

        Exploration run() {
            walk(null, new int[events.size()], 0, 0, false);
            return this;
        }

        private void walk(Call state, int[] path, int depth, int used, boolean reported) {
            if (depth == events.size()) {
                orders++;
                if (!norm(state).equals(expectedFinal)) note(differentFinal, path, depth, describe(norm(state)));
                return;
            }
            for (int i = 0; i < events.size(); i++) {
                if ((used & (1 << i)) != 0) continue;
                CallEvent e = events.get(i);
                path[depth] = i;
                Call next = step(state, e).call();
                int before = state == null ? -1 : CallStatus.rank(state.status());
                if (CallStatus.rank(next.status()) < before) note(backwards, path, depth + 1, state.status() + " -> " + next.status());
                if (state != null && state.isEnded() && !next.isEnded()) note(leftEnded, path, depth + 1, next.status());
                if (next.status().equals("not-found") || next.status().equals("deletion-failed")) {
                    note(endedOrOddStatus, path, depth + 1, next.status());
                }
                if (report == null && next.isEnded()) note(endedOrOddStatus, path, depth + 1, "ended");
                boolean nowReported = reported || e == report;
                if (nowReported && reportedView != null && !reportFields(next).equals(reportedView)) {
                    note(reportOverridden, path, depth + 1, describe(next));
                }
                CallReducer.Transition again = step(next, e);
                if (again.changed() || !again.call().equals(next)) note(notIdempotent, path, depth + 1, describe(again.call()));
                walk(next, path, depth + 1, used | (1 << i), nowReported);
            }
        }

        private void note(List<String> list, int[] path, int length, String what) {
            if (list.size() >= 3) return;
            StringBuilder order = new StringBuilder();
            for (int k = 0; k < length; k++) order.append(k == 0 ? "" : ", ").append(name(events.get(path[k])));
            list.add("[" + order + "]: " + what);
        }
    }

    /** The fields the end-of-call report is authoritative for. */
    static List<Object> reportFields(Call c) {
        return Arrays.asList(c.status(), c.endedReason(), c.startedAt(), c.endedAt(), c.cost(), c.costBreakdown(), c.summary(),
                c.structuredData(), c.successEvaluation(), c.recordingUrl(), c.stereoRecordingUrl(), c.transferDestination(),
                c.reportedAt());
    }

    static String name(CallEvent e) {
        String kind = e.getClass().getSimpleName();
        return e instanceof StatusChanged s ? s.status() : e instanceof Observed o ? "snapshot(" + o.snapshotStatus() + ")" : kind;
    }

    static int factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1);
    }

    static Exploration lifecycle;
    static Exploration live;

    @BeforeAll
    static void exploreEveryOrder() {
        lifecycle = new Exploration(LIFECYCLE, EXPECTED, REPORT);
        lifecycle.reportedView = reportFields(EXPECTED);
        lifecycle.run();
        live = new Exploration(LIVE, norm(fold(LIVE)), null).run();
    }

    // ---- every order --------------------------------------------------------------------------------------

    @Test
    void everyOrderOfTheSameEventsGivesTheSameCall() {
        assertThat(lifecycle.orders).isEqualTo(factorial(9));
        assertThat(lifecycle.differentFinal).isEmpty();
    }

    @Test
    void inEveryOrderTheStatusNeverMovesBackwards() {
        assertThat(lifecycle.backwards).isEmpty();
        assertThat(live.backwards).isEmpty();
    }

    @Test
    void inEveryOrderEndedIsFinal() {
        assertThat(lifecycle.leftEnded).isEmpty();
    }

    @Test
    void inEveryOrderTheReportWinsFromTheMomentItArrives() {
        assertThat(lifecycle.reportOverridden).isEmpty();
    }

    @Test
    void applyingAnyEventASecondTimeAtAnyPointChangesNothing() {
        assertThat(lifecycle.notIdempotent).isEmpty();
        assertThat(live.notIdempotent).isEmpty();
    }

    @Test
    void redeliveriesMixedAnywhereIntoAnyOrderGiveTheSameCall() {
        Random random = new Random(20251122);
        for (int run = 0; run < 5_000; run++) {
            List<CallEvent> order = new ArrayList<>(LIFECYCLE);
            java.util.Collections.shuffle(order, random);
            int duplicates = 1 + random.nextInt(6);
            for (int d = 0; d < duplicates; d++) {
                order.add(random.nextInt(order.size() + 1), LIFECYCLE.get(random.nextInt(LIFECYCLE.size())));
            }
            assertThat(norm(fold(order))).as("order %s", order).isEqualTo(EXPECTED);
        }
    }

    // ---- a live call that has not ended -------------------------------------------------------------------

    static final List<CallEvent> LIVE = List.of(
            snapshot(T0 + 141, "in-progress"),
            RINGING,
            IN_PROGRESS,
            new AssistantHang(ID, T0 + 20_000),
            new StatusChanged(ID, T0 + 21_000, "not-found", null, null),
            new StatusChanged(ID, T0 + 22_000, "deletion-failed", null, null),
            new UserInterrupted(ID, T0 + 23_000),
            new TranscriptPartial(ID, T0 + 25_000, "user", "I would like"));

    @Test
    void aLiveCallStaysLiveInEveryOrderWhateverHangsOrUnknownStatusesArrive() {
        Call expected = live.expectedFinal;
        assertThat(expected.status()).isEqualTo("in-progress");
        assertThat(expected.startedAt()).isEqualTo(T0 + 141);
        assertThat(expected.endedAt()).isNull();
        assertThat(expected.endedReason()).isNull();
        assertThat(live.orders).isEqualTo(factorial(8));
        assertThat(live.endedOrOddStatus).isEmpty();
        assertThat(live.differentFinal).isEmpty();
    }

    // ---- single behaviours --------------------------------------------------------------------------------

    @Test
    void anEndedCallNeverGoesBackToInProgress() {
        Call c = fold(List.of(OBSERVED, ENDED, IN_PROGRESS, RINGING, FORWARDING, TRANSFER, SAID,
                new AssistantHang(ID, T0 + 200_000), new Speech(ID, T0 + 200_100, "user", "started", 9),
                snapshot(T0 + 200_200, "in-progress")));
        assertThat(c.status()).isEqualTo("ended");
        assertThat(c.endedReason()).isEqualTo("customer-ended-call");
        assertThat(c.endedAt()).isEqualTo(T0 + 195_636);
    }

    @Test
    void hangMeansTheAssistantIsSlowAndTheCallIsStillLive() {
        Call live = fold(List.of(OBSERVED, IN_PROGRESS));
        CallReducer.Transition t = step(live, new AssistantHang(ID, T0 + 30_000));
        assertThat(t.call().status()).isEqualTo("in-progress");
        assertThat(t.call().endedAt()).isNull();
        assertThat(t.call().endedReason()).isNull();
        assertThat(t.mark()).as("no timeline entry").isNull();
        assertThat(t.changed()).isFalse();
    }

    @Test
    void aHangBeforeAnyStatusMeansTheCallIsConnectedNotEnded() {
        Call c = step(null, new AssistantHang(ID, T0 + 30_000)).call();
        assertThat(c.status()).isEqualTo("in-progress");
        assertThat(c.isEnded()).isFalse();
    }

    @Test
    void notFoundAndUnknownStatusesNeverOverrideALifecycleStatus() {
        for (String odd : List.of("not-found", "deletion-failed", "unknown", "completed", "")) {
            StatusChanged s = new StatusChanged(ID, T0 + 50_000, odd, null, null);
            assertThat(fold(List.of(RINGING, s)).status()).as(odd).isEqualTo("ringing");
            assertThat(fold(List.of(s, RINGING)).status()).as(odd).isEqualTo("ringing");
            assertThat(fold(List.of(IN_PROGRESS, ENDED, s)).status()).as(odd).isEqualTo("ended");
            assertThat(step(fold(List.of(RINGING)), s).mark()).as("%s is not a timeline step", odd).isNull();
        }
        Call fresh = step(null, new StatusChanged(ID, T0, "not-found", null, null)).call();
        assertThat(fresh.status()).isNotEqualTo("not-found").isEqualTo(CallStatus.UNKNOWN);
    }

    @Test
    void aStaleSnapshotNeverMovesTheStatusBack() {
        Call c = fold(List.of(IN_PROGRESS, snapshot(T0 + 60_000, "ringing")));
        assertThat(c.status()).isEqualTo("in-progress");
    }

    @Test
    void forwardingNeverGoesBackToInProgress() {
        Call c = fold(List.of(IN_PROGRESS, FORWARDING, new StatusChanged(ID, T0 + 190_000, "in-progress", null, null), SAID));
        assertThat(c.status()).isEqualTo("forwarding");
        assertThat(c.transferDestination()).isEqualTo(HUMAN);
    }

    @Test
    void theReportEndsTheCallEvenWhenTheEndedStatusUpdateWasLost() {
        Call c = fold(List.of(OBSERVED, IN_PROGRESS, REPORT));
        assertThat(norm(c)).isEqualTo(EXPECTED);
    }

    @Test
    void whatTheReportLacksKeepsWhatEarlierEventsSaid() {
        Reported sparse = new Reported(ID, T0 + 199_586, null, null, null, null, null, null, null, null, null, null, null, List.of());
        Call c = fold(List.of(OBSERVED, IN_PROGRESS, FORWARDING, ENDED, sparse));
        assertThat(c.status()).isEqualTo("ended");
        assertThat(c.endedReason()).isEqualTo("customer-ended-call");
        assertThat(c.startedAt()).isEqualTo(T0 + 141);
        assertThat(c.endedAt()).isEqualTo(T0 + 195_636);
        assertThat(c.transferDestination()).isEqualTo(HUMAN);
        assertThat(c.reportedAt()).isEqualTo(T0 + 199_586);
    }

    @Test
    void aReportWithoutTimesEndsTheCallAtTheReportsOwnTime() {
        Reported sparse = new Reported(ID, T0 + 199_586, "hangup", null, null, null, null, null, null, null, null, null, null, List.of());
        Call c = step(null, sparse).call();
        assertThat(c.isEnded()).isTrue();
        assertThat(c.endedReason()).isEqualTo("hangup");
        assertThat(c.endedAt()).isEqualTo(T0 + 199_586);
    }

    @Test
    void theCallsCreationTimeIsTheEarliestTimeAnyEventKnowsWhicheverArrivesFirst() {
        List<CallEvent> noSnapshot = List.of(RINGING, IN_PROGRESS, SAID, new Speech(ID, T0 + 3_000, "user", "started", 1),
                new UserInterrupted(ID, T0 + 4_000), ENDED);
        Exploration every = new Exploration(noSnapshot, norm(fold(noSnapshot)), null).run();
        assertThat(every.expectedFinal.createdAt()).isEqualTo(T0 + 62);
        assertThat(every.differentFinal).isEmpty();
        assertThat(fold(List.of(SAID, OBSERVED)).createdAt()).as("the snapshot's createdAt").isEqualTo(T0);
    }

    @Test
    void descriptiveFieldsComeFromTheFirstEventThatHasThem() {
        Observed bare = new Observed(ID, T0 + 5, null, null, null, null, null, null, null, null, null, null, null);
        Call c = fold(List.of(bare, OBSERVED, snapshot(T0 + 99, "ringing")));
        assertThat(c.phoneNumber()).isEqualTo("+14155550123");
        assertThat(c.assistantName()).isEqualTo("Amy (Reception)");
        assertThat(c.listenUrl()).isEqualTo(LISTEN);
        assertThat(c.controlUrl()).isEqualTo(CONTROL);
        assertThat(c.callType()).isEqualTo("inboundPhoneCall");
    }

    @Test
    void startAndEndTimesBeforeTheReportAreTheEarliestClaimed() {
        Observed withTimes = new Observed(ID, T0 + 196_000, "ended", null, null, null, null, null, T0, T0 + 100, T0 + 195_000, null, null);
        Call c = fold(List.of(ENDED, IN_PROGRESS, withTimes));
        assertThat(c.startedAt()).isEqualTo(T0 + 100);
        assertThat(c.endedAt()).isEqualTo(T0 + 195_000);
        Call other = fold(List.of(withTimes, IN_PROGRESS, ENDED));
        assertThat(norm(other)).isEqualTo(norm(c));
    }

    @Test
    void everyChangeBumpsTheVersionOnceAndANoOpKeepsIt() {
        CallReducer.Transition first = step(null, QUEUED);
        assertThat(first.changed()).isTrue();
        assertThat(first.call().version()).isEqualTo(1);
        assertThat(first.call().updatedAt()).isEqualTo(NOW);
        CallReducer.Transition second = CallReducer.reduce(first.call(), TENANT, "vapi", RINGING, NOW + 5);
        assertThat(second.changed()).isTrue();
        assertThat(second.call().version()).isEqualTo(2);
        assertThat(second.call().updatedAt()).isEqualTo(NOW + 5);
        CallReducer.Transition stale = CallReducer.reduce(second.call(), TENANT, "vapi", QUEUED, NOW + 9);
        assertThat(stale.changed()).isFalse();
        assertThat(stale.call()).isEqualTo(second.call());
    }

    @Test
    void statusChangesAndTheReportLeaveTimelineMarks() {
        assertThat(step(null, RINGING).mark()).isEqualTo(new CallReducer.StatusMark("ringing", T0 + 62, "status-update", null));
        assertThat(step(null, ENDED).mark()).isEqualTo(new CallReducer.StatusMark("ended", T0 + 195_636, "status-update", "customer-ended-call"));
        assertThat(step(null, FORWARDING).mark()).isEqualTo(new CallReducer.StatusMark("forwarding", T0 + 189_546, "status-update", HUMAN));
        assertThat(step(null, TRANSFER).mark()).isEqualTo(new CallReducer.StatusMark("forwarding", T0 + 189_586, "transfer-update", HUMAN));
        assertThat(step(null, REPORT).mark()).isEqualTo(new CallReducer.StatusMark("ended", T0 + 195_486, "end-of-call-report", "assistant-forwarded-call"));
        assertThat(step(null, SAID).mark()).isNull();
        assertThat(step(null, new Conversation(ID, T0, List.of())).mark()).isNull();
    }

    @Test
    void aCallBelongsToTheTenantAndProviderItWasFirstSeenFor() {
        Call c = CallReducer.reduce(null, "globex", "vapi", RINGING, NOW).call();
        Call after = CallReducer.reduce(c, "acme", "other", IN_PROGRESS, NOW).call();
        assertThat(after.tenantId()).isEqualTo("globex");
        assertThat(after.provider()).isEqualTo("vapi");
        assertThat(after.id()).isEqualTo(ID);
    }

    static String describe(Call c) {
        if (c == null) return "null";
        return c.status() + " created=" + c.createdAt() + " started=" + c.startedAt() + " ended=" + c.endedAt()
                + " reason=" + c.endedReason() + " dest=" + c.transferDestination() + " cost=" + c.cost()
                + " summary=" + c.summary() + " reportedAt=" + c.reportedAt();
    }
}
