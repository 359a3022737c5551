package dev.switchboard.webhook;

import dev.switchboard.db.DirectStatement;
import org.jdbi.v3.core.Handle;

/**
 * The raw-event inbox: every accepted provider message, verbatim, under a dedupe key. The unique key is
 * what makes a redelivery a no-op.
 */
public final class Inbox {
    private final Handle h;

    public Inbox(Handle h) {
        this.h = h;
    }

    /** Stores the message; returns false (and stores nothing) when the same message was stored before. */
    public boolean record(String tenantId, ParsedWebhook msg, String rawBody, long receivedAt) {
        return DirectStatement.of(h, RECORD).text(tenantId).text(msg.provider()).text(msg.dedupeKey()).text(msg.type())
                .text(msg.callId()).int64(receivedAt).text(rawBody).update() == 1;
    }

    private static final String RECORD = "INSERT INTO webhook_events (tenant_id, provider, dedupe_key, event_type, call_id, "
            + "received_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"; // either dedupe index (schema v11)

    /** Messages stored for a tenant (all calls), for tests and diagnostics. */
    public long count(String tenantId) {
        return h.createQuery("SELECT COUNT(*) FROM webhook_events WHERE tenant_id = :t").bind("t", tenantId).mapTo(Long.class).one();
    }
}
