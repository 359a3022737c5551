package dev.switchboard.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.Caller;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.switchboard.testing.Caller.code;
import static dev.switchboard.testing.Caller.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users, memberships, tenants and one's own password over real HTTP: who may change what, the rules that keep
 * an admin in place, clear 400s that change nothing, and the audit event each change leaves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAdminHttpTest {
    static final String PASSWORD = "a long enough password";
    TestApp app;
    Caller agency;
    final AtomicInteger n = new AtomicInteger();

    @BeforeAll
    void start() {
        app = TestApp.sqlite("acme", "bravo");
        agency = Caller.admin(app);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    String email(String who) {
        return who + n.incrementAndGet() + "@example.test";
    }

    /** A new user with this role in the tenant, signed in. */
    Caller member(String tenant, Role role, String email) {
        User u = app.app.accounts().create(email, PASSWORD, false);
        app.app.accounts().grant(u.id(), tenant, role);
        return Caller.signIn(app, email, PASSWORD);
    }

    long userId(String email) {
        return app.app.accounts().find(email).orElseThrow().id();
    }

    /** The newest audit event with this action (agency view). */
    JsonNode lastAudit(String action) {
        JsonNode items = agency.json("/api/audit?action=" + action + "&limit=1").path("items");
        assertThat(items).as("an audit event " + action).hasSize(1);
        return items.get(0);
    }

    @Test
    void anAgencyAdminCreatesListsPromotesAndDeletesUsersAndNoHashIsEverShown() {
        String email = email("cy");
        HttpResponse<String> created = agency.post("/api/users", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = TestApp.json(created.body()).path("id").asLong();
        assertThat(TestApp.json(created.body()).path("agencyAdmin").asBoolean()).isFalse();
        JsonNode event = lastAudit("user.created");
        assertThat(event.path("target").asText()).isEqualTo(email);
        assertThat(event.path("actor").asText()).isEqualTo(TestApp.ADMIN_EMAIL);
        assertThat(event.path("actorKind").asText()).isEqualTo("user");
        assertThat(event.toString()).doesNotContain(PASSWORD);

        app.app.accounts().grant(id, "acme", Role.VIEWER);
        HttpResponse<String> list = agency.get("/api/users");
        assertThat(list.body()).contains(email).contains("{\"tenantId\":\"acme\",\"role\":\"viewer\"}").doesNotContain("argon2")
                .doesNotContain("password");

        HttpResponse<String> promoted = agency.patch("/api/users/" + id, "{\"agencyAdmin\":true}");
        assertThat(promoted.statusCode()).isEqualTo(200);
        assertThat(TestApp.json(promoted.body()).path("agencyAdmin").asBoolean()).isTrue();
        assertThat(lastAudit("user.agency_admin_changed").path("detail").toString()).isEqualTo("{\"from\":false,\"to\":true}");

        assertThat(agency.delete("/api/users/" + id).statusCode()).isEqualTo(204);
        assertThat(app.app.accounts().find(email)).isEmpty();
        assertThat(lastAudit("user.deleted").path("target").asText()).isEqualTo(email);
        assertThat(agency.delete("/api/users/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void badUserInputIsA400WithAMessageAndChangesNothing() {
        int before = app.app.accounts().list().size();
        assertThat(message(agency.post("/api/users", "{\"email\":\"not-an-email\",\"password\":\"" + PASSWORD + "\"}"))).contains("email");
        HttpResponse<String> weak = agency.post("/api/users", "{\"email\":\"" + email("weak") + "\",\"password\":\"short\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(message(weak)).contains("12 characters");
        assertThat(agency.post("/api/users", "{\"email\":\"" + email("x") + "\"}").statusCode()).isEqualTo(400);
        assertThat(agency.post("/api/users", "{\"email\":\"" + email("x") + "\",\"password\":\"" + PASSWORD + "\",\"agencyAdmin\":\"yes\"}")
                .statusCode()).isEqualTo(400);
        assertThat(agency.post("/api/users", "{nope").statusCode()).isEqualTo(400);
        HttpResponse<String> taken = agency.post("/api/users", "{\"email\":\"" + TestApp.ADMIN_EMAIL.toUpperCase() + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(app.app.accounts().list()).hasSize(before);

        long me = userId(TestApp.ADMIN_EMAIL);
        HttpResponse<String> empty = agency.patch("/api/users/" + me, "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(message(empty)).contains("agencyAdmin");
        assertThat(agency.patch("/api/users/" + me, "{\"password\":\"short\"}").statusCode()).isEqualTo(400);
        assertThat(agency.patch("/api/users/abc", "{\"agencyAdmin\":true}").statusCode()).isEqualTo(404);
        assertThat(agency.get("/api/users").statusCode()).as("still signed in: nothing changed").isEqualTo(200);
    }

    @Test
    void nobodyDeletesThemselvesAndTheLastAgencyAdminStaysOne() {
        try (TestApp solo = TestApp.sqlite()) {
            Caller first = Caller.admin(solo);
            long firstId = solo.app.accounts().find(TestApp.ADMIN_EMAIL).orElseThrow().id();
            HttpResponse<String> self = first.delete("/api/users/" + firstId);
            assertThat(self.statusCode()).isEqualTo(409);
            assertThat(message(self)).contains("your own account");
            HttpResponse<String> demote = first.patch("/api/users/" + firstId, "{\"agencyAdmin\":false}");
            assertThat(demote.statusCode()).isEqualTo(409);
            assertThat(code(demote)).isEqualTo("last_admin");
            assertThat(message(demote)).contains("last agency admin");

            long secondId = TestApp.json(first.post("/api/users", "{\"email\":\"second@example.test\",\"password\":\"" + PASSWORD
                    + "\",\"agencyAdmin\":true}").body()).path("id").asLong();
            Caller second = Caller.signIn(solo, "second@example.test", PASSWORD);
            assertThat(second.delete("/api/users/" + firstId).statusCode()).as("not the last one then").isEqualTo(204);
            HttpResponse<String> last = second.patch("/api/users/" + secondId, "{\"agencyAdmin\":false}");
            assertThat(last.statusCode()).isEqualTo(409);
            assertThat(solo.app.accounts().find("second@example.test").orElseThrow().agencyAdmin()).isTrue();
            assertThat(first.get("/api/users").statusCode()).as("a deleted user's sessions end").isEqualTo(401);
        }
    }

    @Test
    void aPasswordResetSignsThatUserOutEverywhere() {
        String email = email("dot");
        Caller dot = member("acme", Role.VIEWER, email);
        Caller dotElsewhere = Caller.signIn(app, email, PASSWORD);
        assertThat(dot.get("/api/acme/calls").statusCode()).isEqualTo(200);
        String fresh = "a brand new password";
        assertThat(agency.patch("/api/users/" + userId(email), "{\"password\":\"" + fresh + "\"}").statusCode()).isEqualTo(200);
        assertThat(dot.get("/api/acme/calls").statusCode()).isEqualTo(401);
        assertThat(dotElsewhere.get("/api/acme/calls").statusCode()).isEqualTo(401);
        assertThat(Caller.signIn(app, email, fresh).get("/api/acme/calls").statusCode()).isEqualTo(200);
        JsonNode event = lastAudit("user.password_changed");
        assertThat(event.path("target").asText()).isEqualTo(email);
        assertThat(event.toString()).doesNotContain(fresh);
    }

    @Test
    void changingOnesOwnPasswordKeepsThisSessionAndEndsTheOthers() {
        String email = email("eve");
        Caller here = member("acme", Role.SUPERVISOR, email);
        Caller there = Caller.signIn(app, email, PASSWORD);
        HttpResponse<String> wrong = here.post("/api/auth/password", "{\"current\":\"not it at all\",\"new\":\"another long password\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(message(wrong)).isEqualTo("The current password is wrong.");
        assertThat(here.post("/api/auth/password", "{\"current\":\"" + PASSWORD + "\",\"new\":\"short\"}").statusCode()).isEqualTo(400);
        assertThat(here.post("/api/auth/password", "{\"current\":\"" + PASSWORD + "\"}").statusCode()).isEqualTo(400);
        assertThat(there.get("/api/acme/calls").statusCode()).as("failures change nothing").isEqualTo(200);

        assertThat(here.post("/api/auth/password", "{\"current\":\"" + PASSWORD + "\",\"new\":\"another long password\"}").statusCode())
                .isEqualTo(204);
        assertThat(here.get("/api/acme/calls").statusCode()).isEqualTo(200);
        assertThat(there.get("/api/acme/calls").statusCode()).isEqualTo(401);
        Caller.signIn(app, email, "another long password");
        JsonNode event = lastAudit("user.password_changed");
        assertThat(event.path("actor").asText()).isEqualTo(email);
        assertThat(event.path("outcome").asText()).isEqualTo("ok");
        assertThat(event.toString()).doesNotContain("another long password").doesNotContain(PASSWORD);
    }

    @Test
    void aTenantAdminAddsExistingAndNewUsersChangesTheirRolesAndRemovesThem() {
        Caller admin = member("acme", Role.ADMIN, email("ada"));
        String existing = email("fay");
        app.app.accounts().create(existing, PASSWORD, false);
        HttpResponse<String> added = admin.post("/api/acme/members", "{\"email\":\"" + existing.toUpperCase() + "\",\"role\":\"viewer\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        long fay = TestApp.json(added.body()).path("userId").asLong();
        assertThat(admin.post("/api/acme/members", "{\"email\":\"" + existing + "\",\"role\":\"viewer\"}").statusCode())
                .as("already a member").isEqualTo(409);
        JsonNode granted = lastAudit("membership.granted");
        assertThat(granted.path("tenantId").asText()).isEqualTo("acme");
        assertThat(granted.path("target").asText()).isEqualTo(existing);
        assertThat(granted.path("detail").path("role").asText()).isEqualTo("viewer");

        String newcomer = email("gus");
        HttpResponse<String> unknown = admin.post("/api/acme/members", "{\"email\":\"" + newcomer + "\",\"role\":\"supervisor\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(message(unknown)).contains("give an initial password");
        assertThat(app.app.accounts().find(newcomer)).isEmpty();
        assertThat(admin.post("/api/acme/members", "{\"email\":\"" + newcomer + "\",\"role\":\"supervisor\",\"password\":\"" + PASSWORD + "\"}")
                .statusCode()).isEqualTo(201);
        assertThat(Caller.signIn(app, newcomer, PASSWORD).get("/api/acme/calls").statusCode()).isEqualTo(200);
        assertThat(lastAudit("user.created").path("tenantId").asText()).isEqualTo("acme");

        assertThat(admin.get("/api/acme/members").body()).contains(existing).contains(newcomer).doesNotContain("argon2");
        HttpResponse<String> promoted = admin.patch("/api/acme/members/" + fay, "{\"role\":\"supervisor\"}");
        assertThat(promoted.statusCode()).isEqualTo(200);
        assertThat(TestApp.json(promoted.body()).path("role").asText()).isEqualTo("supervisor");
        assertThat(lastAudit("membership.role_changed").path("detail").toString()).isEqualTo("{\"from\":\"viewer\",\"to\":\"supervisor\"}");
        assertThat(admin.delete("/api/acme/members/" + fay).statusCode()).isEqualTo(204);
        assertThat(lastAudit("membership.revoked").path("target").asText()).isEqualTo(existing);
        assertThat(admin.delete("/api/acme/members/" + fay).statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/acme/members").body()).doesNotContain(existing);
    }

    @Test
    void badMemberInputIsA400WithAMessageAndChangesNothing() {
        Caller admin = member("acme", Role.ADMIN, email("hal"));
        String body = admin.get("/api/acme/members").body();
        HttpResponse<String> role = admin.post("/api/acme/members", "{\"email\":\"" + TestApp.ADMIN_EMAIL + "\",\"role\":\"owner\"}");
        assertThat(role.statusCode()).isEqualTo(400);
        assertThat(message(role)).isEqualTo("role must be admin, supervisor or viewer");
        assertThat(admin.post("/api/acme/members", "{\"role\":\"viewer\"}").statusCode()).isEqualTo(400);
        assertThat(admin.post("/api/acme/members", "{\"email\":\"new-one@example.test\",\"role\":\"viewer\",\"password\":\"short\"}")
                .statusCode()).isEqualTo(400);
        assertThat(admin.patch("/api/acme/members/" + userId(TestApp.ADMIN_EMAIL), "{\"role\":\"viewer\"}").statusCode())
                .as("not a member of acme").isEqualTo(404);
        assertThat(admin.get("/api/acme/members").body()).isEqualTo(body);
        assertThat(app.app.accounts().find("new-one@example.test")).isEmpty();
    }

    @Test
    void aTenantAdminCannotTouchAnotherTenantOrGrantAgencyAdmin() {
        Caller acmeAdmin = member("acme", Role.ADMIN, email("ivy"));
        String bravoEmail = email("jo");
        member("bravo", Role.ADMIN, bravoEmail);
        long jo = userId(bravoEmail);
        for (HttpResponse<String> r : new HttpResponse[] {acmeAdmin.get("/api/bravo/members"),
                acmeAdmin.post("/api/bravo/members", "{\"email\":\"" + bravoEmail + "\",\"role\":\"viewer\"}"),
                acmeAdmin.patch("/api/bravo/members/" + jo, "{\"role\":\"viewer\"}"),
                acmeAdmin.delete("/api/bravo/members/" + jo),
                acmeAdmin.get("/api/bravo/audit")}) {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(code(r)).isEqualTo("unknown_tenant");
        }
        HttpResponse<String> grant = acmeAdmin.post("/api/acme/members", "{\"email\":\"" + email("kim") + "\",\"role\":\"admin\",\"password\":\""
                + PASSWORD + "\",\"agencyAdmin\":true}");
        assertThat(grant.statusCode()).isEqualTo(403);
        assertThat(acmeAdmin.patch("/api/users/" + userId(bravoEmail), "{\"agencyAdmin\":true}").statusCode()).isEqualTo(403);
        assertThat(acmeAdmin.get("/api/users").statusCode()).isEqualTo(403);
        assertThat(acmeAdmin.get("/api/audit").statusCode()).isEqualTo(403);
        assertThat(app.app.accounts().find(bravoEmail).orElseThrow().agencyAdmin()).isFalse();
        assertThat(agency.json("/api/bravo/members").toString()).contains(bravoEmail);
    }

    @Test
    void aTenantsLastAdminCannotBeDemotedOrRemoved() {
        app.app.tenants().ensure("solo", "Solo");
        String email = email("lou");
        Caller lou = member("solo", Role.ADMIN, email);
        long id = userId(email);
        HttpResponse<String> demote = lou.patch("/api/solo/members/" + id, "{\"role\":\"viewer\"}");
        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(code(demote)).isEqualTo("last_admin");
        assertThat(message(demote)).contains("make another member an admin first");
        assertThat(agency.delete("/api/solo/members/" + id).statusCode()).isEqualTo(409);
        JsonNode denied = agency.json("/api/solo/audit?action=membership.role_changed").path("items").get(0);
        assertThat(denied.path("outcome").asText()).isEqualTo("denied");
        assertThat(denied.path("actor").asText()).isEqualTo(email);
        assertThat(lou.get("/api/solo/members").statusCode()).as("still an admin").isEqualTo(200);

        String second = email("max");
        lou.post("/api/solo/members", "{\"email\":\"" + second + "\",\"role\":\"admin\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(lou.patch("/api/solo/members/" + id, "{\"role\":\"viewer\"}").statusCode()).isEqualTo(200);
        assertThat(lou.get("/api/solo/members").statusCode()).as("a viewer now").isEqualTo(403);
    }

    @Test
    void anAgencyAdminCreatesAndRenamesTenants() {
        HttpResponse<String> created = agency.post("/api/tenants", "{\"id\":\"north-clinic\",\"name\":\"North Clinic\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"id\":\"north-clinic\",\"name\":\"North Clinic\"}");
        assertThat(agency.get("/api/tenants").body()).contains("north-clinic");
        assertThat(agency.post("/api/tenants", "{\"id\":\"north-clinic\",\"name\":\"Again\"}").statusCode()).isEqualTo(409);
        for (String bad : new String[] {"North", "x", "-lead", "a_b", "a b"}) {
            HttpResponse<String> r = agency.post("/api/tenants", "{\"id\":\"" + bad + "\",\"name\":\"Bad\"}");
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(message(r)).contains("lowercase");
        }
        assertThat(agency.post("/api/tenants", "{\"id\":\"nameless\"}").statusCode()).isEqualTo(400);
        assertThat(app.app.tenants().find("nameless")).isEmpty();
        JsonNode event = lastAudit("tenant.created");
        assertThat(event.path("target").asText()).isEqualTo("north-clinic");

        HttpResponse<String> renamed = agency.patch("/api/tenants/north-clinic", "{\"name\":\"North Dental\"}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        assertThat(agency.get("/api/tenants").body()).contains("North Dental").doesNotContain("North Clinic");
        assertThat(lastAudit("tenant.renamed").path("detail").toString()).isEqualTo("{\"from\":\"North Clinic\",\"to\":\"North Dental\"}");
        assertThat(agency.patch("/api/tenants/nowhere", "{\"name\":\"X\"}").statusCode()).isEqualTo(404);
        assertThat(agency.patch("/api/tenants/north-clinic", "{\"name\":\"\"}").statusCode()).isEqualTo(400);
    }
}
