package dev.switchboard.audit;

import dev.switchboard.testing.TwoTenantDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit table's scoping, filters and keyset pages, once per dialect (see the subclasses). */
abstract class AuditRepositoryContract extends TwoTenantDatabase {
    final List<Long> ids = new ArrayList<>();

    @BeforeAll
    void someEvents() {
        db.jdbi().useHandle(h -> {
            AuditRepository r = new AuditRepository(h);
            ids.add(r.insert(event(null, 100, "ann@agency.test", "auth.login", "ann@agency.test")));
            ids.add(r.insert(event(null, 200, "anonymous", "auth.login_failed", "who@x.test")));
            ids.add(r.insert(event("acme", 300, "Ann@Agency.test", "user.created", "bo@acme.test")));
            ids.add(r.insert(event("acme", 400, "bo@acme.test", "membership.granted", "cy@acme.test")));
            ids.add(r.insert(event("bravo", 500, "dee@bravo.test", "membership.granted", "ed@bravo.test")));
            ids.add(r.insert(event("acme", 600, "bo@acme.test", "call.mute", "call-1")));
            ids.add(r.insert(event("acme", 700, "50%_off@acme.test", "auth_x.weird", "x")));
            // who@x.test is a member of bravo: its (agency-wide) sign-in events show in bravo's view.
            var users = new dev.switchboard.auth.UserRepository(h);
            long who = users.create("Who@X.test", "hash", false, 1).orElseThrow().id();
            users.grant(who, "bravo", dev.switchboard.auth.Role.VIEWER);
        });
    }

    static AuditEvent event(String tenant, long at, String actor, String action, String target) {
        return new AuditEvent(0, tenant, at, AuditLog.ActorKind.USER, actor, "10.0.0.1", action, target, AuditLog.Outcome.OK, "{\"n\":1}");
    }

    List<Long> newestFirst() {
        List<Long> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    AuditQuery.Page page(AuditQuery q) {
        return db.jdbi().withHandle(h -> new AuditRepository(h).page(q));
    }

    List<String> actions(AuditQuery q) {
        return page(q).items().stream().map(AuditEvent::action).toList();
    }

    @Test
    void aTenantSeesOnlyItsOwnEventsAndItsMembersSignInsNewestFirst() {
        assertThat(actions(AuditQuery.tenant("acme"))).containsExactly("auth_x.weird", "call.mute", "membership.granted", "user.created");
        assertThat(actions(AuditQuery.tenant("bravo"))).containsExactly("membership.granted", "auth.login_failed");
        assertThat(actions(AuditQuery.tenant("bravo").withAction("membership."))).containsExactly("membership.granted");
        assertThat(actions(AuditQuery.tenant("nobody"))).isEmpty();
    }

    @Test
    void theAgencySeesEveryTenantAndTheAgencyWideEvents() {
        assertThat(page(AuditQuery.everything()).items()).extracting(AuditEvent::id).containsExactlyElementsOf(newestFirst());
        AuditEvent login = page(AuditQuery.everything().withAction("auth.login")).items().get(0);
        assertThat(login.tenantId()).isNull();
        assertThat(login.detail()).isEqualTo("{\"n\":1}");
        assertThat(login.actorKind()).isEqualTo(AuditLog.ActorKind.USER);
        assertThat(login.outcome()).isEqualTo(AuditLog.Outcome.OK);
    }

    @Test
    void anActionFilterIsExactUnlessItEndsInADot() {
        assertThat(actions(AuditQuery.everything().withAction("auth.login"))).containsExactly("auth.login");
        assertThat(actions(AuditQuery.everything().withAction("auth."))).containsExactly("auth.login_failed", "auth.login");
        assertThat(actions(AuditQuery.everything().withAction("auth_"))).as("no prefix without the dot").isEmpty();
        assertThat(actions(AuditQuery.tenant("acme").withAction("membership."))).containsExactly("membership.granted");
    }

    @Test
    void anActorFilterIsACaseInsensitiveSubstringWithWildcardsTakenLiterally() {
        assertThat(actions(AuditQuery.everything().withActor("ANN@"))).containsExactly("user.created", "auth.login");
        assertThat(actions(AuditQuery.everything().withActor("50%_"))).containsExactly("auth_x.weird");
        assertThat(actions(AuditQuery.everything().withActor("%"))).containsExactly("auth_x.weird");
    }

    @Test
    void fromAndToBoundTheTimeInclusively() {
        assertThat(actions(AuditQuery.everything().between(200L, 400L))).containsExactly("membership.granted", "user.created", "auth.login_failed");
        assertThat(actions(AuditQuery.tenant("acme").between(650L, null))).containsExactly("auth_x.weird");
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        List<Long> seen = new ArrayList<>();
        Long before = null;
        int pages = 0;
        do {
            AuditQuery.Page p = page(AuditQuery.everything().page(before, 3));
            p.items().forEach(e -> seen.add(e.id()));
            before = p.next();
            pages++;
        } while (before != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(newestFirst());
        AuditQuery.Page exact = page(AuditQuery.tenant("acme").page(null, 4));
        assertThat(exact.items()).hasSize(4);
        assertThat(exact.next()).as("no next page when the last one is exactly full").isNull();
    }
}
