package dev.switchboard.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.simulator.script.Scenario;
import dev.switchboard.testing.DemoSimulatorFixture;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The listen socket of simulated calls, over a real WebSocket: format, pacing, audio that follows the
 * turns, closing, authentication. Calls run inside the real app in demo mode, so their webhooks land in
 * Switchboard as usual.
 */
class ListenAudioTest extends DemoSimulatorFixture {
    EndpointServer endpoints;

    @BeforeAll
    void startEndpoints() {
        endpoints = new EndpointServer(sim);
    }

    @AfterAll
    void stopEndpoints() {
        if (endpoints != null) endpoints.close();
    }

    SimulatedCall talkingCall(AudioLayout layout, double pace) {
        return start("t1", Scenario.APPOINTMENT_BOOKING,
                SimulatorCallOptions.defaults().withLayout(layout).longRunning(true).withPace(pace).withPerfectDelivery());
    }

    @ParameterizedTest
    @EnumSource(AudioLayout.class)
    void framesAre20MillisecondsOfPcmAt16kHzPacedInRealTimeWithTheFormatAnnouncedFirstWhenTheCallDoes(AudioLayout layout)
            throws InterruptedException {
        SimulatedCall call = talkingCall(layout, 1);
        try (AudioSocket socket = AudioSocket.connect(endpoints.listen(call.id()), null)) {
            List<AudioSocket.Message> messages = socket.await(60, Duration.ofSeconds(5));
            int first = 0;
            if (layout.announced()) {
                assertThat(messages.get(0).binary()).isFalse();
                JsonNode start = TestApp.json(messages.get(0).text());
                assertThat(start.toString()).isEqualTo("{\"type\":\"start\",\"encoding\":\"linear16\",\"container\":\"raw\",\"sampleRate\":16000,\"channels\":"
                        + layout.channels() + "}");
                first = 1;
            }
            List<AudioSocket.Message> frames = messages.subList(first, messages.size());
            assertThat(frames).allMatch(AudioSocket.Message::binary);
            assertThat(frames).allMatch(m -> m.bytes().length == (layout.channels() == 2 ? 1280 : 640));
            // Real time: a frame every 20 ms (measured past the first few, which a cold JVM may bunch). The pacer
            // keeps to its schedule, so on busy shared cores a late frame is followed by a quick one: the average
            // over a second lands within a few ms of 20, while unpaced audio would be far below and double pace
            // at 40.
            List<AudioSocket.Message> steady = frames.subList(5, frames.size());
            double msPerFrame = (steady.get(steady.size() - 1).atNanos() - steady.get(0).atNanos()) / 1e6 / (steady.size() - 1);
            assertThat(msPerFrame).isBetween(16.0, 24.0);
        } finally {
            call.hangUp();
        }
    }

    @Test
    void inStereoTheSpeakersChannelCarriesSpeechDuringTheirTurnAndTheOtherChannelOnlyLineNoise() throws InterruptedException {
        SimulatedCall call = talkingCall(AudioLayout.STEREO, 4);
        try {
            List<AudioSocket.Message> frames = listenThroughBothSides(call);
            List<SimulatedCall.Speech> speech = call.speech();
            List<AudioSocket.Message> assistant = frames.stream().filter(inside(speech, "assistant")).toList();
            List<AudioSocket.Message> customer = frames.stream().filter(inside(speech, "user")).toList();
            List<AudioSocket.Message> quiet = frames.stream().filter(quiet(speech)).toList();
            assertThat(assistant).hasSizeGreaterThan(10);
            assertThat(customer).hasSizeGreaterThan(10);
            assertThat(rms(assistant, 1, 2)).as("assistant channel while the assistant speaks").isGreaterThan(700);
            assertThat(rms(assistant, 0, 2)).as("customer channel while the assistant speaks").isLessThan(100);
            assertThat(rms(customer, 0, 2)).as("customer channel while the customer speaks").isGreaterThan(700);
            assertThat(rms(customer, 1, 2)).as("assistant channel while the customer speaks").isLessThan(100);
            if (quiet.size() > 5) {
                assertThat(rms(quiet, 0, 2)).isLessThan(100);
                assertThat(rms(quiet, 1, 2)).isLessThan(100);
            }
            assertThat(rms(frames, 0, 2)).as("line noise is not digital silence").isGreaterThan(1);
        } finally {
            call.hangUp();
        }
    }

    @Test
    void inMonoBothSidesAreHeardDuringTheirTurnsAndOnlyLineNoiseBetweenThem() throws InterruptedException {
        SimulatedCall call = talkingCall(AudioLayout.MONO, 4);
        try {
            List<AudioSocket.Message> frames = listenThroughBothSides(call);
            List<SimulatedCall.Speech> speech = call.speech();
            assertThat(rms(frames.stream().filter(inside(speech, "assistant")).toList(), 0, 1)).isGreaterThan(700);
            assertThat(rms(frames.stream().filter(inside(speech, "user")).toList(), 0, 1)).isGreaterThan(700);
            List<AudioSocket.Message> quiet = frames.stream().filter(quiet(speech)).toList();
            if (quiet.size() > 5) assertThat(rms(quiet, 0, 1)).isLessThan(100);
        } finally {
            call.hangUp();
        }
    }

    @Test
    void theSocketClosesWith1000WhenTheCallEndsAndAnEndedCallIsRefusedWith1008() throws InterruptedException {
        SimulatedCall call = talkingCall(AudioLayout.STEREO, 4);
        try (AudioSocket socket = AudioSocket.connect(endpoints.listen(call.id()), null)) {
            socket.await(5, Duration.ofSeconds(3));
            assertThat(call.hangUp()).isTrue();
            assertThat(socket.awaitClose(Duration.ofSeconds(5))).isEqualTo(1000);
            assertThat(call.isLive()).isFalse();
        }
        try (AudioSocket late = AudioSocket.connect(endpoints.listen(call.id()), null)) {
            assertThat(late.awaitClose(Duration.ofSeconds(3))).isEqualTo(1008);
            assertThat(late.binary()).isEmpty();
        }
        assertThat(call.awaitFinished(Duration.ofSeconds(10))).isTrue();
        JsonNode detail = app.getJson("/api/t1/calls/" + call.id());
        assertThat(detail.path("call").path("status").asText()).isEqualTo("ended");
        assertThat(detail.path("call").path("endedReason").asText()).isEqualTo("customer-ended-call");
    }

    @Test
    void anUnknownCallIsClosedWith1008() {
        try (AudioSocket socket = AudioSocket.connect(endpoints.listen(UUID.randomUUID().toString()), null)) {
            assertThat(socket.awaitClose(Duration.ofSeconds(3))).isEqualTo(1008);
            assertThat(socket.closeReason()).isEqualTo("Call not found");
        }
    }

    @Test
    void withAListenKeyForTheTenantTheUpgradeNeedsTheBearerKeyElse401() throws InterruptedException {
        sim.setListenKey("t2", "pk_live_123");
        SimulatedCall other = start("t2", Scenario.SUPPORT_QUESTION,
                SimulatorCallOptions.defaults().longRunning(true).withLayout(AudioLayout.MONO));
        SimulatedCall open = talkingCall(AudioLayout.MONO, 1);
        try {
            for (String auth : Arrays.asList(null, "Bearer wrong", "pk_live_123")) {
                assertThatThrownBy(() -> AudioSocket.connect(endpoints.listen(other.id()), auth))
                        .as("Authorization: %s", auth)
                        .isInstanceOf(CompletionException.class)
                        .cause().isInstanceOf(WebSocketHandshakeException.class)
                        .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(401));
            }
            try (AudioSocket socket = AudioSocket.connect(endpoints.listen(other.id()), "Bearer pk_live_123")) {
                assertThat(socket.await(3, Duration.ofSeconds(3))).hasSizeGreaterThanOrEqualTo(3).allMatch(m -> m.bytes().length == 640);
            }
            try (AudioSocket socket = AudioSocket.connect(endpoints.listen(open.id()), null)) {
                assertThat(socket.await(3, Duration.ofSeconds(3))).hasSizeGreaterThanOrEqualTo(3); // t1 has no key
            }
        } finally {
            sim.setListenKey("t2", null);
            other.hangUp();
            open.hangUp();
        }
    }

    @Test
    void everyListenerOfACallGetsTheSameFramesAndTheFrameHookSeesThemOnce() throws InterruptedException {
        SimulatedCall call = talkingCall(AudioLayout.STEREO, 1);
        ConcurrentLinkedQueue<ByteBuffer> hooked = new ConcurrentLinkedQueue<>();
        ConcurrentHashMap<Long, Boolean> indexes = new ConcurrentHashMap<>();
        sim.onListenFrame((id, index, nanos, frame) -> {
            if (!id.equals(call.id())) return;
            indexes.put(index, true);
            ByteBuffer copy = ByteBuffer.allocate(frame.remaining());
            copy.put(frame).flip();
            hooked.add(copy);
        });
        try (AudioSocket a = AudioSocket.connect(endpoints.listen(call.id()), null);
             AudioSocket b = AudioSocket.connect(endpoints.listen(call.id()), null)) {
            a.await(40, Duration.ofSeconds(3));
            b.await(30, Duration.ofSeconds(3));
            Thread.sleep(100);
            List<byte[]> fromA = a.binary().stream().map(AudioSocket.Message::bytes).toList();
            List<byte[]> fromB = b.binary().stream().map(AudioSocket.Message::bytes).toList();
            int offset = indexOf(fromA, fromB.get(0));
            assertThat(offset).as("b's first frame is one a also got").isGreaterThanOrEqualTo(0);
            int common = Math.min(fromA.size() - offset, fromB.size()) - 2;
            for (int i = 0; i < common; i++) assertThat(fromB.get(i)).isEqualTo(fromA.get(offset + i));
            List<byte[]> hookedBytes = hooked.stream().map(ByteBuffer::array).toList();
            assertThat(indexOf(hookedBytes, fromA.get(0))).isZero();
            assertThat(indexes).containsKeys(0L, 1L, 2L);
        } finally {
            sim.onListenFrame(null);
            call.hangUp();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** Listens from the assistant's first turn until the caller has had a turn (at most 20 s). */
    private List<AudioSocket.Message> listenThroughBothSides(SimulatedCall call) throws InterruptedException {
        assertThat(call.awaitSpeaking("assistant", Duration.ofMillis(300), Duration.ofSeconds(10))).isPresent();
        try (AudioSocket socket = AudioSocket.connect(endpoints.listen(call.id()), null)) {
            long from = System.currentTimeMillis();
            long deadline = from + 20_000;
            while (System.currentTimeMillis() < deadline) {
                long now = System.currentTimeMillis();
                boolean heardCustomer = call.speech().stream().anyMatch(s -> s.role().equals("user") && s.startMillis() > from
                        && s.endMillis() < now - 200);
                if (heardCustomer) break;
                Thread.sleep(50);
            }
            return socket.binary();
        }
    }

    /** A frame well inside one of {@code role}'s turns (its audio is the 20 ms before it arrived). */
    private static Predicate<AudioSocket.Message> inside(List<SimulatedCall.Speech> speech, String role) {
        return m -> speech.stream().anyMatch(s -> s.role().equals(role)
                && s.startMillis() + 120 <= m.atMillis() - 40 && m.atMillis() + 100 <= s.endMillis());
    }

    /** A frame well away from every turn. */
    private static Predicate<AudioSocket.Message> quiet(List<SimulatedCall.Speech> speech) {
        return m -> speech.stream().noneMatch(s -> s.startMillis() - 150 <= m.atMillis() && m.atMillis() - 150 <= s.endMillis());
    }

    private static double rms(List<AudioSocket.Message> frames, int channel, int channels) {
        double sum = 0;
        for (AudioSocket.Message m : frames) {
            double r = m.rms(channel, channels);
            sum += r * r;
        }
        return frames.isEmpty() ? 0 : Math.sqrt(sum / frames.size());
    }

    private static int indexOf(List<byte[]> in, byte[] frame) {
        List<byte[]> copy = new ArrayList<>(in);
        for (int i = 0; i < copy.size(); i++) if (Arrays.equals(copy.get(i), frame)) return i;
        return -1;
    }
}
