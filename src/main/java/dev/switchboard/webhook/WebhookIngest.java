package dev.switchboard.webhook;

import dev.switchboard.call.CallService;
import dev.switchboard.call.CallUpdate;
import dev.switchboard.call.CallUpdateListener;
import dev.switchboard.db.GroupCommitter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

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
        String raw = new String(rawBody, StandardCharsets.UTF_8);
        return writer.submitAndWait(h -> {
            if (!new Inbox(h).record(tenantId, msg, raw, clock.millis())) return new Outcome(true, List.of());
            return new Outcome(false, calls.apply(h, tenantId, msg.provider(), msg.events()));
        }, outcome -> live.published(tenantId, outcome.updates()));
    }
}
