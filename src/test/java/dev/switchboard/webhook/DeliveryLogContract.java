package dev.switchboard.webhook;

import dev.switchboard.testing.TwoTenantDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery log's storage, once per dialect (see the subclasses). */
abstract class DeliveryLogContract extends TwoTenantDatabase {

    List<Delivery> latest(String tenant, String outcome, int limit) {
        return db.read(h -> new DeliveryLogRepository(h).latest(tenant, outcome, limit));
    }

    static Delivery rejected(long at, String reason) {
        return new Delivery(0, "vapi", Delivery.REJECTED, "status-update", reason, "detail", 1, at, at);
    }

    @Test
    void eachTenantSeesOnlyItsOwnRowsNewestFirst() {
        db.jdbi().useHandle(h -> {
            var repo = new DeliveryLogRepository(h);
            repo.insert("acme", rejected(1, "webhook_auth_invalid"));
            repo.insert("bravo", rejected(2, "webhook_auth_missing"));
            repo.insert("acme", new Delivery(0, "vapi", Delivery.ACCEPTED, "transcript", null, null, 42, 3, 4));
        });
        List<Delivery> acme = db.read(h -> new DeliveryLogRepository(h).latest("acme", null, 10));
        assertThat(acme).extracting(Delivery::outcome).containsExactly("accepted", "rejected");
        assertThat(acme.get(0).count()).isEqualTo(42);
        assertThat(latest("bravo", null, 10))
                .extracting(Delivery::reason).containsExactly("webhook_auth_missing");
        assertThat(latest("acme", Delivery.REJECTED, 10)).hasSize(1);
    }

    @Test
    void pruningKeepsTheNewestRowsOfOneTenantAndOutcome() {
        db.jdbi().useHandle(h -> {
            var repo = new DeliveryLogRepository(h);
            for (int i = 0; i < 10; i++) repo.insert("bravo", rejected(100 + i, "r" + i));
            repo.prune("bravo", Delivery.REJECTED, 3);
        });
        assertThat(latest("bravo", Delivery.REJECTED, 100))
                .extracting(Delivery::reason).containsExactly("r9", "r8", "r7");
        assertThat(latest("acme", null, 100)).isNotEmpty(); // other tenants untouched
    }
}
