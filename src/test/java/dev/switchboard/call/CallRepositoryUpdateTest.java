package dev.switchboard.call;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which columns a call write sets: only those that changed, because SQLite rewrites the entry of every index on a
 * set column whether its value changed or not (the stored result of each write is covered by the ordering and
 * history contracts on both databases).
 */
class CallRepositoryUpdateTest {
    private static Call ringing() {
        return new Call("acme", "c-1", "vapi", "ringing", "inboundPhoneCall", "+14155550123", "+14155550100", "asst", "Amy",
                1_000, 1_000, null, null, null, null, null, null, null, null, null, null, null, "wss://listen", "https://control",
                null, 1);
    }

    private static Call with(Call c, String status, long updatedAt, Long startedAt, Long endedAt, String endedReason, long version) {
        return new Call(c.tenantId(), c.id(), c.provider(), status, c.callType(), c.phoneNumber(), c.ourNumber(), c.assistantId(),
                c.assistantName(), c.createdAt(), updatedAt, startedAt, endedAt, endedReason, c.cost(), c.costBreakdown(), c.summary(),
                c.structuredData(), c.successEvaluation(), c.recordingUrl(), c.stereoRecordingUrl(), c.transferDestination(),
                c.listenUrl(), c.controlUrl(), c.reportedAt(), version);
    }

    private static List<String> setColumns(String sql) {
        String sets = sql.substring("UPDATE calls SET ".length(), sql.indexOf(" WHERE "));
        return List.of(sets.replace(" = ?", "").split(", "));
    }

    @Test
    void aStatusChangeSetsOnlyTheStatusTheTimesItMovesAndTheVersion() {
        Call before = ringing();
        String sql = CallRepository.updateSql(before, with(before, "in-progress", 2_000, 2_000L, null, null, 2));
        assertThat(setColumns(sql)).containsExactly("status", "updated_at", "started_at", "version");
        assertThat(sql).endsWith(" WHERE tenant_id = ? AND id = ? AND version = ?");
    }

    @Test
    void theEndAlsoSetsTheFactsDerivedFromIt() {
        Call before = with(ringing(), "in-progress", 2_000, 2_000L, null, null, 2);
        String sql = CallRepository.updateSql(before, with(before, "ended", 9_000, 2_000L, 9_000L, "customer-ended-call", 3));
        assertThat(setColumns(sql)).containsExactly("status", "updated_at", "ended_at", "ended_reason", "version", "duration_ms",
                "ended_category");
    }
}
