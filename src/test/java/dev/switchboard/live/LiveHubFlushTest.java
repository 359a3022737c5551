package dev.switchboard.live;

import dev.switchboard.call.CallUpdate;
import dev.switchboard.testing.Eventually;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** How the hub paces writes to a tenant's sockets: at once after a quiet spell, at most once per interval in a stream. */
class LiveHubFlushTest {
    private static final long MS = 1_000_000L;

    /** A socket stand-in that records what was offered and what each flush would have written. */
    static final class RecordingSink implements LiveSink {
        final List<String> pending = new ArrayList<>();
        final List<List<String>> writes = new CopyOnWriteArrayList<>();
        final List<Long> writtenAtNanos = new CopyOnWriteArrayList<>();

        @Override
        public synchronized boolean offer(ByteBuffer message) {
            pending.add(StandardCharsets.UTF_8.decode(message.slice()).toString());
            return true;
        }

        @Override
        public synchronized void flush() {
            writes.add(List.copyOf(pending));
            writtenAtNanos.add(System.nanoTime());
            pending.clear();
        }

        @Override
        public void overflowed() {
        }

        List<String> written() {
            return writes.stream().flatMap(List::stream).toList();
        }
    }

    private static LiveHub hub(long intervalMs) {
        return new LiveHub(new SimpleMeterRegistry(), Duration.ofMillis(intervalMs));
    }

    private static RecordingSink subscribed(LiveHub hub, String tenant) {
        RecordingSink sink = new RecordingSink();
        hub.subscribe(tenant, sink);
        return sink;
    }

    private static void publish(LiveHub hub, String tenant, String text) {
        hub.publish(tenant, seq -> new LiveMessage.TranscriptReset(tenant, seq, text));
    }

    @Test
    void aMessageAfterAQuietSpellIsWrittenAtOnce() {
        LiveHub hub = hub(10);
        RecordingSink sink = subscribed(hub, "acme");

        publish(hub, "acme", "call-1");
        assertThat(hub.flush(0)).as("nothing is held back").isEqualTo(-1);
        publish(hub, "acme", "call-2");
        assertThat(hub.flush(50 * MS)).isEqualTo(-1);

        assertThat(sink.writes).hasSize(2);
    }

    @Test
    void aSteadyStreamIsWrittenOncePerIntervalInOrderAndNothingIsLeftBehind() {
        LiveHub hub = hub(10);
        RecordingSink sink = subscribed(hub, "acme");

        // A message every millisecond for 100 ms, the hub asked to flush after each.
        for (int ms = 0; ms < 100; ms++) {
            publish(hub, "acme", "call-" + ms);
            long due = hub.flush(ms * MS);
            if (ms % 10 == 0) {
                assertThat(due).as("written at %d ms", ms).isEqualTo(-1);
            } else {
                assertThat(due).as("held back at %d ms until the interval has passed", ms).isEqualTo((10 - ms % 10) * MS);
            }
        }
        assertThat(hub.flush(100 * MS)).isEqualTo(-1);

        assertThat(sink.writes).hasSize(11);
        assertThat(sink.written()).hasSize(100);
        assertThat(sink.written().get(0)).contains("call-0");
        assertThat(sink.written().get(99)).contains("call-99");
        for (int i = 0; i < 100; i++) assertThat(sink.written().get(i)).contains("\"seq\":" + (i + 1) + ",");
    }

    @Test
    void aBusyTenantDoesNotHoldBackAQuietOne() {
        LiveHub hub = hub(10);
        RecordingSink busy = subscribed(hub, "busy");
        RecordingSink quiet = subscribed(hub, "quiet");

        publish(hub, "busy", "call-1");
        hub.flush(0);
        publish(hub, "busy", "call-2");
        publish(hub, "quiet", "call-3");
        assertThat(hub.flush(2 * MS)).as("busy is due 10 ms after its last write").isEqualTo(8 * MS);

        assertThat(quiet.writes).hasSize(1);
        assertThat(busy.writes).hasSize(1);
    }

    @Test
    void aZeroIntervalWritesEveryFlush() {
        LiveHub hub = hub(0);
        RecordingSink sink = subscribed(hub, "acme");

        for (int i = 0; i < 5; i++) {
            publish(hub, "acme", "call-" + i);
            assertThat(hub.flush(i)).isEqualTo(-1);
        }

        assertThat(sink.writes).hasSize(5);
    }

    @Test
    void theFanOutWritesAHeldBackMessageWhenItIsDueWithoutWaitingForMoreTraffic() throws Exception {
        LiveHub hub = hub(700);
        RecordingSink sink = subscribed(hub, "acme");
        try (LivePublisher publisher = new LivePublisher(hub)) {
            publisher.published("acme", List.of(new CallUpdate.TranscriptReset("call-1")));
            Eventually.await(() -> sink.writes.size() == 1, Duration.ofSeconds(5), "the first write");
            publisher.published("acme", List.of(new CallUpdate.TranscriptReset("call-2")));

            Eventually.await(() -> sink.writes.size() == 2, Duration.ofSeconds(5), "the held-back write");
            long gapMs = (sink.writtenAtNanos.get(1) - sink.writtenAtNanos.get(0)) / MS;
            // Not before the interval, and not at the fan-out's next idle wake-up either (every 200 ms: at 800).
            assertThat(gapMs).as("the second write waited for the interval, and no longer").isBetween(690L, 790L);
            assertThat(sink.written()).hasSize(2);
            assertThat(sink.written().get(1)).contains("call-2");
        }
    }
}
