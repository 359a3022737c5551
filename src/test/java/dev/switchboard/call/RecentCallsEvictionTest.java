package dev.switchboard.call;

import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.db.Database;
import dev.switchboard.tenant.TenantRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's cache of recent calls keeps live calls and lets a call go with its end-of-call report: finished
 * calls kept for minutes were most of what each young garbage collection had to copy.
 */
class RecentCallsEvictionTest {
    @TempDir
    Path dir;

    @Test
    void aLiveCallIsCachedAndLeavesTheCacheWithItsReportWhileLateMessagesStillApply() {
        Database db = Database.open(DatabaseSettings.sqliteIn(dir, 2));
        try {
            db.jdbi().useHandle(h -> new TenantRepository(h).createIfAbsent("acme", "Acme", 0));
            CallService calls = new CallService(Clock.systemUTC());

            apply(db, calls, new CallEvent.StatusChanged("c-1", 1_000, "in-progress", null, null));
            assertThat(calls.remembers("acme", "c-1")).isTrue();

            apply(db, calls, new CallEvent.Reported("c-1", 9_000, "customer-ended-call", 1_000L, 9_000L, 0.12, null, "Booked.",
                    null, null, null, null, null, List.of()));
            assertThat(calls.remembers("acme", "c-1")).isFalse();

            apply(db, calls, new CallEvent.StatusChanged("c-1", 9_500, "ended", "customer-ended-call", null));
            String stored = db.read(h -> h.createQuery("SELECT status || ' ' || summary || ' ' || cost FROM calls WHERE id = 'c-1'")
                    .mapTo(String.class).one());
            assertThat(stored).isEqualTo("ended Booked. 0.12");
        } finally {
            db.close();
        }
    }

    private static void apply(Database db, CallService calls, CallEvent event) {
        db.jdbi().useTransaction(h -> calls.apply(h, "acme", "vapi", List.of(event)));
    }
}
