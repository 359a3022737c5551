package dev.switchboard.simulator.script;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.http.Json;
import dev.switchboard.simulator.SimulatorUrls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Scripts written at a fixed time and pace for the library tests, and ways to look inside them. */
final class ScriptFixtures {
    static final long T0 = 1_763_784_211_000L; // 2025-11-22T04:03:31Z, a Friday evening in the US
    static final SimulatorUrls URLS = SimulatorUrls.of(URI.create("http://127.0.0.1:8000"));
    static final List<String> TENANTS = List.of("demo-client", "acme-agency", "senior-life", "t1");

    private ScriptFixtures() {}

    static CallScript script(String tenant, long seed) {
        return ScriptWriter.write(TenantProfile.of(tenant), id(seed), seed, T0, 1, URLS);
    }

    static CallScript script(String tenant, Scenario s, long seed) {
        return ScriptWriter.write(TenantProfile.of(tenant), s, id(seed), seed, T0, 1, URLS);
    }

    static String id(long seed) {
        return new UUID(seed * 31 + 7, seed * 17 + 3).toString();
    }

    static JsonNode message(Step step) {
        try {
            return Json.MAPPER.readTree(step.render()).path("message");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> messages(CallScript s, String type) {
        return s.steps().stream().filter(st -> st.type().equals(type)).map(ScriptFixtures::message).toList();
    }

    static List<String> statuses(CallScript s) {
        return messages(s, "status-update").stream().map(m -> m.path("status").asText()).toList();
    }

    static JsonNode report(CallScript s) {
        List<JsonNode> r = messages(s, "end-of-call-report");
        assertThat(r).hasSize(1);
        return r.get(0);
    }

}
