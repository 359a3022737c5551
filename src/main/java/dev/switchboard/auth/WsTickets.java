package dev.switchboard.auth;

import dev.switchboard.db.Database;
import dev.switchboard.db.GroupCommitter;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Single-use WebSocket tickets: a program cannot rely on cookies (and browsers cannot set headers on a
 * WebSocket), so it asks {@code POST /api/auth/ws-ticket} with its key and opens the socket with
 * {@code ?ticket=…} within {@link #TTL}. Stored hashed in the database, so any instance can redeem them.
 */
public final class WsTickets {
    public static final Duration TTL = Duration.ofSeconds(60);

    /** Whose ticket it was. */
    record Holder(Long userId, Long apiKeyId) {}

    private final GroupCommitter writer;
    private final Clock clock;

    public WsTickets(Database database, GroupCommitter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** A new ticket for a signed-in user or a key (exactly one of them). */
    public String issue(Long userId, Long apiKeyId) {
        String ticket = Sessions.randomToken(32);
        String hash = Sessions.hash(ticket);
        long expires = clock.millis() + TTL.toMillis();
        writer.submitAndWait(h -> h.createUpdate("INSERT INTO ws_tickets (ticket_hash, user_id, api_key_id, expires_at) "
                        + "VALUES (:hash, :user, :key, :expires)")
                .bind("hash", hash).bind("user", userId).bind("key", apiKeyId).bind("expires", expires).execute());
        return ticket;
    }

    /** Uses the ticket up: its holder if it was valid and unexpired, else empty. */
    Optional<Holder> redeem(String ticket) {
        if (ticket == null || ticket.isEmpty() || ticket.length() > 100) return Optional.empty();
        String hash = Sessions.hash(ticket);
        long now = clock.millis();
        return writer.submitAndWait(h -> {
            // Expired tickets of anyone go too: the table stays as small as the tickets in flight.
            h.createUpdate("DELETE FROM ws_tickets WHERE expires_at <= :now").bind("now", now).execute();
            return h.createQuery("DELETE FROM ws_tickets WHERE ticket_hash = :hash RETURNING user_id, api_key_id")
                    .bind("hash", hash)
                    .map((rs, ctx) -> {
                        long user = rs.getLong(1);
                        Long userId = rs.wasNull() ? null : user;
                        long key = rs.getLong(2);
                        Long keyId = rs.wasNull() ? null : key;
                        return new Holder(userId, keyId);
                    })
                    .findOne();
        });
    }
}
