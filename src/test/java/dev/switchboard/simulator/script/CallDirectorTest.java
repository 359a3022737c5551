package dev.switchboard.simulator.script;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static dev.switchboard.simulator.script.ScriptFixtures.T0;
import static dev.switchboard.simulator.script.ScriptFixtures.URLS;
import static dev.switchboard.simulator.script.ScriptFixtures.id;
import static dev.switchboard.simulator.script.ScriptFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A supervisor's actions on a running call, without clock or HTTP: the director is played in script
 * time the way the simulator's run plays it, and an action lands at a chosen instant.
 */
class CallDirectorTest {

    /** What Switchboard would receive, with actions at chosen instants. */
    static final class Play {
        final CallDirector director;
        final List<Step> sent = new ArrayList<>();
        final List<Step> queued = new ArrayList<>();

        Play(CallDirector director) {
            this.director = director;
            queued.addAll(director.next());
        }

        /** Sends everything due by {@code t}, asking for more whenever the queue runs dry, as the run does. */
        Play runUntil(long t) {
            while (true) {
                if (queued.isEmpty()) {
                    List<Step> more = director.next();
                    if (more.isEmpty()) return this;
                    queued.addAll(more);
                }
                if (queued.get(0).at() > t) return this;
                sent.add(queued.remove(0));
            }
        }

        Play act(long t, boolean interrupt, Consumer<CallDirector> action) {
            runUntil(t);
            assertThat(director.acceptsControl(t)).as("accepts control at %d", t).isTrue();
            CallDirector.Rewind r = director.rewind(t, interrupt);
            queued.removeIf(s -> !r.keeps(s));
            queued.addAll(r.added());
            action.accept(director);
            return this;
        }

        List<Step> after(long t) {
            return sent.stream().filter(s -> s.at() > t).toList();
        }

        List<String> finals(String role) {
            return sent.stream().filter(s -> (role + " final").equals(s.detail()))
                    .map(s -> message(s).path("transcript").asText()).toList();
        }

        JsonNode report() {
            Step last = sent.get(sent.size() - 1);
            assertThat(last.type()).isEqualTo("end-of-call-report");
            return message(last);
        }
    }

    static CallDirector booking(long seed, boolean endless) {
        return CallDirector.create(TenantProfile.of("demo-client"), Scenario.APPOINTMENT_BOOKING, id(seed), seed, T0, 1, URLS, endless);
    }

    /** The n-th turn of {@code role} laid out so far. */
    static CallDirector.Speech turn(CallDirector d, String role, int n) {
        return d.speech().stream().filter(s -> s.role().equals(role)).skip(n).findFirst().orElseThrow();
    }

    static long middle(CallDirector.Speech s) {
        return (s.start() + s.end()) / 2;
    }

    @Test
    void withoutActionsTheDirectorLaysOutExactlyTheWrittenScript() {
        for (long seed = 0; seed < 30; seed++) {
            CallScript written = ScriptFixtures.script("acme-agency", seed);
            Play play = new Play(CallDirector.create(TenantProfile.of("acme-agency"), id(seed), seed, T0, 1, URLS)).runUntil(Long.MAX_VALUE);
            assertThat(play.sent).extracting(Step::toString).containsExactlyElementsOf(written.steps().stream().map(Step::toString).toList());
        }
    }

    @Test
    void sayMakesTheAssistantSpeakExactlyThatTextAfterTheTurnBeingSpokenThenTheCallCarriesOn() {
        CallDirector d = booking(3, false);
        Play play = new Play(d);
        CallDirector.Speech user = turn(d, "user", 1);
        long t = middle(user);
        play.act(t, false, x -> x.say("Quick note: we have moved to 12 Main Street.", false)).runUntil(Long.MAX_VALUE);

        List<Step> after = play.after(t);
        assertThat(after.get(0).detail()).as("the caller finishes first").startsWith("user");
        List<String> assistantFinals = after.stream().filter(s -> "assistant final".equals(s.detail()))
                .map(s -> message(s).path("transcript").asText()).toList();
        assertThat(assistantFinals.get(0)).isEqualTo("Quick note: we have moved to 12 Main Street.");
        assertThat(play.report().path("artifact").path("transcript").asText()).contains("AI: Quick note: we have moved to 12 Main Street.");
        assertThat(play.report().path("endedReason").asText()).isIn("customer-ended-call", "assistant-ended-call", "assistant-said-end-call-phrase");
        assertThat(play.finals("user")).hasSize(new Play(booking(3, false)).runUntil(Long.MAX_VALUE).finals("user").size());
    }

    @Test
    void sayWithEndCallAfterSpokenEndsTheCallRightAfterTheMessage() {
        CallDirector d = booking(4, false);
        Play play = new Play(d);
        long t = middle(turn(d, "assistant", 1));
        play.act(t, false, x -> x.say("We have to end the call now, goodbye.", true)).runUntil(Long.MAX_VALUE);
        List<String> finals = play.finals("assistant");
        assertThat(finals.get(finals.size() - 1)).isEqualTo("We have to end the call now, goodbye.");
        assertThat(play.report().path("endedReason").asText()).isEqualTo("assistant-ended-call-after-message-spoken");
    }

    @Test
    void endCallCutsTheSpeakerOffAndEndsAsManuallyCanceledWithNothingSaidAfterwards() {
        CallDirector d = booking(5, false);
        Play play = new Play(d);
        CallDirector.Speech assistant = turn(d, "assistant", 2);
        long t = middle(assistant);
        String full = play.queued.stream().filter(s -> "assistant final".equals(s.detail()) && s.at() > assistant.end())
                .map(s -> message(s).path("transcript").asText()).findFirst().orElseThrow();
        play.act(t, true, x -> x.end("manually-canceled")).runUntil(Long.MAX_VALUE);

        List<Step> after = play.after(t);
        assertThat(after).noneMatch(s -> s.detail() != null && s.detail().endsWith("started"));
        assertThat(after).noneMatch(s -> s.detail() != null && s.detail().endsWith("partial"));
        String cut = message(after.get(0)).path("transcript").asText();
        assertThat(after.get(0).detail()).isEqualTo("assistant final");
        assertThat(full).startsWith(cut).isNotEqualTo(cut);
        assertThat(after).extracting(Step::type).containsSubsequence("transcript", "speech-update", "conversation-update", "status-update", "end-of-call-report");
        assertThat(play.report().path("endedReason").asText()).isEqualTo("manually-canceled");
        assertThat(d.acceptsControl(t + 1)).isFalse();
        assertThat(d.speech().get(d.speech().size() - 1).end()).isEqualTo(t);
    }

    @Test
    void transferSaysTheMessageThenForwardsThenTransferUpdateThenEndsAsForwardedThenReports() {
        CallDirector d = booking(6, false);
        Play play = new Play(d);
        long t = middle(turn(d, "user", 2));
        play.act(t, true, x -> x.transfer("+14155550100", "Transferring you now")).runUntil(Long.MAX_VALUE);

        List<Step> after = play.after(t);
        List<String> flow = after.stream().filter(s -> !s.type().matches("transcript|speech-update|conversation-update"))
                .map(s -> s.type() + (s.type().equals("status-update") ? " " + s.detail() : "")).toList();
        assertThat(flow).containsExactly("status-update forwarding", "transfer-update", "status-update ended", "end-of-call-report");
        assertThat(play.finals("assistant")).last().isEqualTo("Transferring you now");
        JsonNode forwarding = after.stream().filter(s -> "forwarding".equals(s.detail())).map(ScriptFixtures::message).findFirst().orElseThrow();
        assertThat(forwarding.path("destination").path("number").asText()).isEqualTo("+14155550100");
        JsonNode report = play.report();
        assertThat(report.path("endedReason").asText()).isEqualTo("assistant-forwarded-call");
        assertThat(report.path("destination").path("number").asText()).isEqualTo("+14155550100");
    }

    @Test
    void aSipTransferCarriesASipDestination() {
        CallDirector d = booking(7, false);
        Play play = new Play(d);
        play.act(middle(turn(d, "assistant", 1)), true, x -> x.transfer("sip:desk@pbx.example.com", null)).runUntil(Long.MAX_VALUE);
        JsonNode update = play.sent.stream().filter(s -> s.type().equals("transfer-update")).map(ScriptFixtures::message).findFirst().orElseThrow();
        assertThat(update.path("destination").path("type").asText()).isEqualTo("sip");
        assertThat(update.path("destination").path("sipUri").asText()).isEqualTo("sip:desk@pbx.example.com");
        assertThat(play.report().path("destination").path("sipUri").asText()).isEqualTo("sip:desk@pbx.example.com");
    }

    @Test
    void aQuietWhisperShowsInTheAssistantsNextLineAndAnAnsweredOneInATurnOfItsOwn() {
        CallDirector d = booking(8, false);
        Play play = new Play(d);
        long t = middle(turn(d, "user", 1));
        int before = play.runUntil(t).finals("assistant").size();
        play.act(t, false, x -> x.whisper("Offer the caller a 10% discount on their first visit", false)).runUntil(Long.MAX_VALUE);
        assertThat(play.finals("assistant").get(before))
                .startsWith("Before we go on, I'd like to offer you a 10% discount on your first visit.")
                .hasSizeGreaterThan(80); // followed by the line it would have said anyway

        CallDirector d2 = booking(8, false);
        Play answered = new Play(d2);
        answered.act(t, false, x -> x.whisper("Tell the caller that the office closes at 5 pm today.", true)).runUntil(Long.MAX_VALUE);
        assertThat(answered.finals("assistant").get(before)).isEqualTo("Before we go on, I should mention that the office closes at 5 pm today.");
    }

    @Test
    void whileMutedTheAssistantHasNoTurnsTheCallerAsksIfAnyoneIsThereAndUnmuteResumes() {
        CallDirector d = booking(9, true);
        Play play = new Play(d);
        long t = middle(turn(d, "assistant", 1));
        play.act(t, true, x -> x.mute(true));
        long unmute = t + 20_000;
        play.runUntil(unmute);
        List<Step> muted = play.after(t);
        assertThat(muted).noneMatch(s -> "assistant started".equals(s.detail()));
        assertThat(play.finals("user")).contains("Hello? Are you still there?");
        assertThat(muted).noneMatch(s -> s.type().equals("end-of-call-report"));

        play.act(unmute, false, x -> x.mute(false)).runUntil(unmute + 30_000);
        assertThat(play.after(unmute)).anyMatch(s -> "assistant started".equals(s.detail()));
        assertThat(play.after(unmute)).noneMatch(s -> s.type().equals("end-of-call-report"));
    }

    @Test
    void mutingWhileTheAssistantSpeaksCutsItOffThere() {
        CallDirector d = booking(15, false); // laid out to its end: later turns exist already
        Play play = new Play(d);
        CallDirector.Speech assistant = turn(d, "assistant", 2);
        long t = middle(assistant);
        assertThat(d.assistantSpeakingAt(t)).isTrue();
        assertThat(d.assistantSpeakingAt(assistant.end() + 1)).isFalse();
        play.act(t, true, x -> x.mute(true)).runUntil(t + 3000);
        Step cut = play.after(t).get(0);
        assertThat(cut.detail()).isEqualTo("assistant final");
        assertThat(d.speech()).filteredOn(s -> s.start() == assistant.start()).singleElement()
                .satisfies(s -> assertThat(s.end()).isEqualTo(t));
    }

    @Test
    void aCallerWhoseAssistantStaysMutedHangsUp() {
        CallDirector d = booking(10, false);
        Play play = new Play(d);
        long t = middle(turn(d, "user", 1));
        play.act(t, false, x -> x.mute(true)).runUntil(Long.MAX_VALUE);
        assertThat(play.after(t)).noneMatch(s -> "assistant started".equals(s.detail()));
        assertThat(play.report().path("endedReason").asText()).isEqualTo("customer-ended-call");
    }

    @Test
    void aLongRunningCallKeepsTalkingUntilItIsEnded() {
        CallDirector d = booking(11, true);
        Play play = new Play(d).runUntil(T0 + 15 * 60_000);
        assertThat(play.sent).noneMatch(s -> s.type().equals("end-of-call-report") || "ended".equals(s.detail()));
        assertThat(play.finals("user").size() + play.finals("assistant").size()).isGreaterThan(60);
        long t = T0 + 15 * 60_000 + 1;
        play.act(t, true, x -> x.end("customer-ended-call")).runUntil(Long.MAX_VALUE);
        assertThat(play.report().path("endedReason").asText()).isEqualTo("customer-ended-call");
        assertThat(play.sent.stream().filter(s -> s.endsCall()).count()).isEqualTo(2);
    }

    @Test
    void endingARingingCallNeverConnectsIt() {
        CallDirector d = CallDirector.create(TenantProfile.of("demo-client"), Scenario.APPOINTMENT_REMINDER, id(12), 12, T0, 1, URLS, false);
        Play play = new Play(d);
        play.act(T0 + 1000, true, x -> x.end("manually-canceled")).runUntil(Long.MAX_VALUE);
        assertThat(play.sent).extracting(Step::detail).doesNotContain("in-progress");
        JsonNode report = play.report();
        assertThat(report.path("endedReason").asText()).isEqualTo("manually-canceled");
        assertThat(report.has("startedAt")).isFalse();
        assertThat(report.path("cost").asDouble()).isZero();
    }

    @Test
    void onceTheCallHasBegunToEndNoActionIsAccepted() {
        CallDirector d = booking(13, false);
        Play play = new Play(d).runUntil(Long.MAX_VALUE);
        long ended = play.sent.stream().filter(s -> "ended".equals(s.detail())).findFirst().orElseThrow().at();
        assertThat(d.acceptsControl(ended - 1)).isTrue();
        assertThat(d.acceptsControl(ended)).isFalse();
        assertThatThrownBy(() -> d.rewind(ended, true)).isInstanceOf(IllegalStateException.class);

        CallDirector angry = CallDirector.create(TenantProfile.of("acme-agency"), Scenario.ANGRY_TRANSFER, id(14), 14, T0, 1, URLS, false);
        Play p2 = new Play(angry).runUntil(Long.MAX_VALUE);
        long forwarding = p2.sent.stream().filter(s -> "forwarding".equals(s.detail())).findFirst().orElseThrow().at();
        assertThat(angry.acceptsControl(forwarding)).isFalse();
    }

    @Test
    void aLongRunningCallNeedsAConversation() {
        assertThatThrownBy(() -> CallDirector.create(TenantProfile.of("t1"), Scenario.NO_ANSWER, id(1), 1, T0, 1, URLS, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
