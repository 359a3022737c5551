package dev.switchboard.webhook;

import dev.switchboard.call.CallService;
import dev.switchboard.call.CallUpdate;
import dev.switchboard.call.CallUpdateListener;
import dev.switchboard.db.GroupCommitter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Store → apply → publish for one provider message. The raw message and its effects on the call commit
 * in one transaction (shared with concurrent deliveries by the {@link GroupCommitter}); live viewers are
 * told only after that commit.
 */
public final class WebhookIngest {

    /** What happened to a message: applied (with its live updates) or recognised as a redelivery. */
    public record Outcome(boolean duplicate, List<CallUpdate> updates) {}

    private final GroupCommitter writer;
    private final CallService calls;
    private final CallUpdateListener live;
    private final Clock clock;

    public WebhookIngest(GroupCommitter writer, CallService calls, CallUpdateListener live, Clock clock) {
        this.writer = writer;
        this.calls = calls;
        this.live = live;
        this.clock = clock;
    }

    /** Stores and applies the message; returns once it is committed. */
    public Outcome accept(String tenantId, ParsedWebhook msg, byte[] rawBody) {
        return writer.submitAndWait(work(tenantId, msg, rawBody), outcome -> live.published(tenantId, outcome.updates()));
    }

    /**
     * Like {@link #accept} without blocking: the future completes on the writer thread after the commit, or fails
     * as {@link #accept} would throw.
     */
    public CompletableFuture<Outcome> acceptAsync(String tenantId, ParsedWebhook msg, byte[] rawBody) {
        return writer.submitWithin(work(tenantId, msg, rawBody), outcome -> live.published(tenantId, outcome.updates()));
    }

    private GroupCommitter.Work<Outcome> work(String tenantId, ParsedWebhook msg, byte[] rawBody) {
        String raw = new String(rawBody, StandardCharsets.UTF_8);
        return h -> {
            if (!new Inbox(h).record(tenantId, msg, raw, clock.millis())) return new Outcome(true, List.of());
            return new Outcome(false, calls.apply(h, tenantId, msg.provider(), msg.events()));
        };
    }
}
