package dev.switchboard.tenant;

import java.time.ZoneId;

/**
 * A client of the agency; its id is the {@code client_id} in every URL. {@code timeZone} (an IANA id) is
 * where its days and hours start in history and analytics.
 */
public record Tenant(String id, String name, long createdAt, String timeZone) {
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
