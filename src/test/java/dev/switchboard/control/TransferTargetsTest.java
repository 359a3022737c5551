package dev.switchboard.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static dev.switchboard.control.CallControlTest.error;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/{client_id}/transfer-targets} over real HTTP. */
class TransferTargetsTest {

    static HttpResponse<String> delete(TestApp app, String path) {
        try {
            return HttpClient.newHttpClient().send(app.asAdmin(HttpRequest.newBuilder(URI.create(app.base() + path))).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void targetsAreCreatedListedByNameAndDeleted() {
        try (TestApp app = TestApp.sqlite("acme")) {
            assertThat(app.getJson("/api/acme/transfer-targets")).isEmpty();
            HttpResponse<String> desk = app.post("/api/acme/transfer-targets", "{\"name\":\" Front desk \",\"number\":\"+1 415 555 0111\"}");
            assertThat(desk.statusCode()).as(desk.body()).isEqualTo(201);
            JsonNode created = TestApp.json(desk.body());
            assertThat(created.path("id").isIntegralNumber()).isTrue();
            assertThat(created.path("name").asText()).isEqualTo("Front desk");
            assertThat(created.path("number").asText()).isEqualTo("+14155550111");
            assertThat(created.path("sipUri").isNull()).isTrue();
            assertThat(app.post("/api/acme/transfer-targets", "{\"name\":\"billing\",\"sipUri\":\"sip:billing@pbx.example.com\"}").statusCode())
                    .isEqualTo(201);
            assertThat(app.post("/api/acme/transfer-targets",
                    "{\"name\":\"After hours\",\"number\":\"+442071838750\",\"sipUri\":\"sips:night@pbx.example.com\"}").statusCode()).isEqualTo(201);

            JsonNode list = app.getJson("/api/acme/transfer-targets");
            assertThat(list).extracting(t -> t.path("name").asText()).containsExactly("After hours", "billing", "Front desk");
            assertThat(list.get(0).toString()).matches("\\{\"id\":\\d+,\"name\":\"After hours\",\"number\":\"\\+442071838750\",\"sipUri\":\"sips:night@pbx.example.com\"}");

            HttpResponse<String> gone = delete(app, "/api/acme/transfer-targets/" + created.path("id").asLong());
            assertThat(gone.statusCode()).isEqualTo(204);
            assertThat(app.getJson("/api/acme/transfer-targets")).extracting(t -> t.path("name").asText()).containsExactly("After hours", "billing");
            HttpResponse<String> again = delete(app, "/api/acme/transfer-targets/" + created.path("id").asLong());
            assertThat(again.statusCode()).isEqualTo(404);
            assertThat(error(again).path("code").asText()).isEqualTo("transfer_target_not_found");
            assertThat(delete(app, "/api/acme/transfer-targets/abc").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void invalidTargetsAreRefusedWithTheRightCode() {
        try (TestApp app = TestApp.sqlite("acme")) {
            for (String[] c : List.of(
                    new String[] {"{\"name\":\"Desk\",\"number\":\"4155550111\"}", "invalid_number"},
                    new String[] {"{\"name\":\"Desk\",\"number\":\"+1415\"}", "invalid_number"},
                    new String[] {"{\"name\":\"Desk\"}", "invalid_request"},
                    new String[] {"{\"number\":\"+14155550111\"}", "invalid_request"},
                    new String[] {"{\"name\":\"   \",\"number\":\"+14155550111\"}", "invalid_request"},
                    new String[] {"{\"name\":\"" + "n".repeat(81) + "\",\"number\":\"+14155550111\"}", "invalid_request"},
                    new String[] {"{\"name\":\"Desk\",\"sipUri\":\"desk@pbx\"}", "invalid_request"},
                    new String[] {"{\"name\":\"Desk\",\"sipUri\":\"sip:desk @pbx\"}", "invalid_request"},
                    new String[] {"{\"name\":7,\"number\":\"+14155550111\"}", "invalid_request"},
                    new String[] {"[]", "invalid_request"},
                    new String[] {"{\"name\":", "malformed_json"})) {
                HttpResponse<String> r = app.post("/api/acme/transfer-targets", c[0]);
                assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
                assertThat(error(r).path("code").asText()).as(c[0]).isEqualTo(c[1]);
            }
            assertThat(app.post("/api/acme/transfer-targets", "{\"name\":\"Desk\",\"number\":\"+14155550111\"}").statusCode()).isEqualTo(201);
            HttpResponse<String> dup = app.post("/api/acme/transfer-targets", "{\"name\":\"DESK\",\"number\":\"+14155550122\"}");
            assertThat(dup.statusCode()).isEqualTo(409);
            assertThat(error(dup).path("code").asText()).isEqualTo("duplicate_name");
            assertThat(app.getJson("/api/acme/transfer-targets")).hasSize(1);
        }
    }

    @Test
    void tenantsSeeAndDeleteOnlyTheirOwnTargets() {
        try (TestApp app = TestApp.sqlite("acme", "bravo")) {
            long id = TestApp.json(app.post("/api/acme/transfer-targets", "{\"name\":\"Desk\",\"number\":\"+14155550111\"}").body()).path("id").asLong();
            assertThat(app.getJson("/api/bravo/transfer-targets")).isEmpty();
            assertThat(delete(app, "/api/bravo/transfer-targets/" + id).statusCode()).isEqualTo(404);
            // The same name is fine for another tenant.
            assertThat(app.post("/api/bravo/transfer-targets", "{\"name\":\"Desk\",\"number\":\"+14155550999\"}").statusCode()).isEqualTo(201);
            assertThat(app.getJson("/api/acme/transfer-targets")).singleElement()
                    .satisfies(t -> assertThat(t.path("number").asText()).isEqualTo("+14155550111"));
            assertThat(app.get("/api/nobody/transfer-targets").statusCode()).isEqualTo(404);
            assertThat(error(app.get("/api/nobody/transfer-targets")).path("code").asText()).isEqualTo("unknown_tenant");
        }
    }
}
