package dev.switchboard.control;

import dev.switchboard.testing.TwoTenantDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The transfer-target and action-audit repositories keep tenants apart, once per dialect (see the subclasses). */
abstract class ControlRepositoriesContract extends TwoTenantDatabase {

    @Test
    void transferTargetsBelongToOneTenant() {
        db.jdbi().useHandle(h -> {
            TransferTargetRepository r = new TransferTargetRepository(h);
            TransferTarget desk = r.insert("acme", "Desk", "+14155550111", null, 10).orElseThrow();
            assertThat(r.insert("acme", "desk", "+14155550122", null, 11)).as("names are unique per tenant, any case").isEmpty();
            TransferTarget theirs = r.insert("bravo", "Desk", null, "sip:desk@bravo.example", 12).orElseThrow();

            assertThat(r.list("acme")).containsExactly(desk);
            assertThat(r.list("bravo")).containsExactly(theirs);
            assertThat(r.find("bravo", desk.id())).isEmpty();
            assertThat(r.find("acme", desk.id())).contains(desk);
            assertThat(r.delete("bravo", desk.id())).isFalse();
            assertThat(r.list("acme")).containsExactly(desk);
            assertThat(r.delete("acme", desk.id())).isTrue();
            assertThat(r.list("acme")).isEmpty();
            assertThat(r.list("bravo")).containsExactly(theirs);
        });
    }

    @Test
    void supervisorActionsBelongToOneTenant() {
        db.jdbi().useHandle(h -> {
            SupervisorActionRepository r = new SupervisorActionRepository(h);
            long listen = r.insert("acme", new SupervisorAction(0, "acme", "shared-id", "listen", "Ann", "10.0.0.1", "{}", "ok",
                    null, null, null, 100, null, null));
            long end = r.insert("acme", new SupervisorAction(0, "acme", "shared-id", "end", "Ann", "10.0.0.1", "{}", "ok",
                    null, 200, 45L, 150, null, null));
            r.insert("bravo", new SupervisorAction(0, "bravo", "shared-id", "mute", "Bo", "10.0.0.2", "{}", "rejected",
                    "nope", 400, 12L, 120, null, null));

            assertThat(r.forCall("acme", "shared-id")).extracting(SupervisorAction::id).containsExactly(listen, end);
            assertThat(r.forCall("bravo", "shared-id")).extracting(SupervisorAction::action).containsExactly("mute");
            assertThat(r.finishListen("bravo", listen, "{}", "ok", "listener-left", 20L, 500, 3)).isFalse();
            assertThat(r.finishListen("acme", end, "{}", "ok", "listener-left", 20L, 500, 3)).as("only listen rows").isFalse();
            assertThat(r.finishListen("acme", listen, "{\"format\":\"stereo\"}", "ok", "listener-left", 20L, 500, 3)).isTrue();

            List<SupervisorAction> acme = r.forCall("acme", "shared-id");
            assertThat(acme.get(0).endedAt()).isEqualTo(500L);
            assertThat(acme.get(0).framesDropped()).isEqualTo(3L);
            assertThat(acme.get(0).latencyMs()).isEqualTo(20L);
            assertThat(acme.get(0).parameters()).isEqualTo("{\"format\":\"stereo\"}");
            assertThat(acme.get(1).providerStatus()).isEqualTo(200);
            assertThat(acme.get(1).endedAt()).isNull();
            assertThat(r.forCall("bravo", "shared-id").get(0).endedAt()).isNull();
        });
    }
}
