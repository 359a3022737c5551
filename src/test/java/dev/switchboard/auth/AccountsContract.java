package dev.switchboard.auth;

import dev.switchboard.testing.TwoTenantDatabase;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users, memberships and sessions in the database, once per dialect (see the subclasses). */
abstract class AccountsContract extends TwoTenantDatabase {

    @Test
    void emailsAreUniqueWhateverTheirCaseAndMembershipsArePerTenant() {
        db.jdbi().useHandle(h -> {
            UserRepository r = new UserRepository(h);
            User ann = r.create("Ann@Example.com", "hash-1", false, 10).orElseThrow();
            assertThat(r.create("ann@example.COM", "hash-2", true, 11)).isEmpty();
            assertThat(r.findByEmail("ANN@EXAMPLE.COM")).contains(ann);

            r.grant(ann.id(), "acme", Role.VIEWER);
            r.grant(ann.id(), "acme", Role.SUPERVISOR); // replaces
            r.grant(ann.id(), "bravo", Role.ADMIN);
            assertThat(r.memberships(ann.id())).containsExactly(
                    new Membership(ann.id(), "acme", Role.SUPERVISOR), new Membership(ann.id(), "bravo", Role.ADMIN));
            assertThat(r.revoke(ann.id(), "bravo")).isTrue();
            assertThat(r.revoke(ann.id(), "bravo")).isFalse();
            assertThat(r.memberships(ann.id())).extracting(Membership::tenantId).containsExactly("acme");
            assertThatThrownBy(() -> r.grant(ann.id(), "no-such-tenant", Role.VIEWER)).isInstanceOf(RuntimeException.class);
        });
    }

    @Test
    void sessionsAreFoundByTheirHashAndEndWithTheUser() {
        db.jdbi().useHandle(h -> {
            User bob = new UserRepository(h).create("bob@example.com", "hash", false, 10).orElseThrow();
            SessionRepository s = new SessionRepository(h);
            s.insert(new SessionRepository.Row("hash-a", bob.id(), "csrf-a", 100, 100, 200), "10.0.0.1");
            s.insert(new SessionRepository.Row("hash-b", bob.id(), "csrf-b", 100, 100, 300), "10.0.0.2");
            assertThat(s.find("hash-a")).map(SessionRepository.Row::csrfToken).contains("csrf-a");
            s.touch("hash-a", 150, 250);
            assertThat(s.find("hash-a")).map(SessionRepository.Row::expiresAt).contains(250L);
            assertThat(s.deleteExpired(260)).isEqualTo(1);
            assertThat(s.find("hash-a")).isEqualTo(Optional.empty());
            assertThat(s.deleteForUser(bob.id())).isEqualTo(1);
            assertThat(s.find("hash-b")).isEmpty();
        });
    }
}
