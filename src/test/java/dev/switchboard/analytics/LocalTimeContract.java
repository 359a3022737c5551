package dev.switchboard.analytics;

import dev.switchboard.analytics.AnalyticsViews.Day;
import dev.switchboard.call.Call;
import dev.switchboard.call.CallService;
import dev.switchboard.http.ApiException;
import dev.switchboard.tenant.Tenant;
import dev.switchboard.testing.TwoTenantDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Days and hours are the tenant's, right across daylight-saving changes (America/New_York: the 23-hour
 * 2026-03-08 and the 25-hour 2026-11-01), and each period is compared with the one before it. Runs once per dialect.
 */
abstract class LocalTimeContract extends TwoTenantDatabase {
    static final Tenant NEW_YORK = new Tenant("acme", "Acme", 1, "America/New_York");
    static final Tenant BRAVO = new Tenant("bravo", "Bravo", 1, "America/New_York");

    @BeforeEach
    void empty() {
        db.jdbi().useHandle(h -> {
            h.execute("DELETE FROM calls");
            h.execute("DELETE FROM analytics_buckets");
            h.execute("DELETE FROM analytics_field_buckets");
        });
    }

    void endedCall(String tenant, String id, String createdAtUtc, String reason, double cost) {
        long t = Instant.parse(createdAtUtc).toEpochMilli();
        Call c = new Call(tenant, id, "vapi", "ended", "inboundPhoneCall", "+14155550123", null, "a", "Riley", t, t + 90_000,
                t + 1000, t + 61_000, reason, cost, null, null, "{\"nps_score\":8}", "true", null, null, null, null, null, t + 62_000, 3);
        CallService service = new CallService(Clock.systemUTC(), new RollupMaintainer(), (h, tenant2, id2) -> {});
        db.jdbi().useTransaction(h -> service.overwrite(h, c));
    }

    AnalyticsQueries at(String nowUtc) {
        return new AnalyticsQueries(db, Clock.fixed(Instant.parse(nowUtc), ZoneOffset.UTC));
    }

    static Map<String, Long> callsByDay(AnalyticsViews.Trend trend) {
        return trend.points().stream().collect(Collectors.toMap(Day::date, Day::calls));
    }

    @Test
    void theSpringForwardDayHas23HoursAndEveryCallLandsInItsLocalDayAndHour() {
        endedCall("acme", "before-midnight", "2026-03-08T04:59:00Z", "customer-ended-call", 0.1); // Sat 23:59 EST
        endedCall("acme", "last-est-minute", "2026-03-08T06:59:00Z", "customer-ended-call", 0.1); // Sun 01:59 EST
        endedCall("acme", "first-edt-minute", "2026-03-08T07:00:00Z", "customer-ended-call", 0.1); // Sun 03:00 EDT
        endedCall("acme", "day-end", "2026-03-09T03:59:00Z", "customer-ended-call", 0.1); // Sun 23:59 EDT
        endedCall("acme", "next-day", "2026-03-09T04:00:00Z", "customer-ended-call", 0.1); // Mon 00:00 EDT

        AnalyticsViews.Trend trend = at("2026-03-10T16:00:00Z").trend(NEW_YORK, 7);
        assertThat(callsByDay(trend)).containsEntry("2026-03-07", 1L).containsEntry("2026-03-08", 3L).containsEntry("2026-03-09", 1L)
                .containsEntry("2026-03-10", 0L);

        AnalyticsViews.Hourly hourly = at("2026-03-09T03:59:59Z").hourly(NEW_YORK);
        assertThat(hourly.date()).isEqualTo("2026-03-08");
        assertThat(hourly.weekday()).isEqualTo("Sunday");
        assertThat(hourly.hours()).hasSize(24);
        assertThat(hourly.hours().get(1).calls()).isEqualTo(1);
        assertThat(hourly.hours().get(2).calls()).as("02:00–02:59 does not exist that day").isZero();
        assertThat(hourly.hours().get(3).calls()).isEqualTo(1);
        assertThat(hourly.hours().get(23).calls()).isEqualTo(1);

        AnalyticsViews.RangeView day = at("2026-03-10T16:00:00Z").range(NEW_YORK, "custom",
                Period.parse("custom", "2026-03-08", "2026-03-08", NEW_YORK.zone(), Instant.parse("2026-03-10T16:00:00Z")));
        assertThat(day.kpis().calls()).isEqualTo(3);
        long[] sunday = day.heatmap()[6];
        assertThat(sunday[1]).isEqualTo(1);
        assertThat(sunday[3]).isEqualTo(1);
        assertThat(sunday[23]).isEqualTo(1);
        assertThat(day.previousFrom()).isEqualTo("2026-03-07");
        assertThat(day.previous().calls()).isEqualTo(1);
    }

    @Test
    void theFallBackDayHas25HoursAndBothOneOClocksCountAsOneAm() {
        endedCall("acme", "halloween-late", "2026-11-01T03:59:00Z", "customer-ended-call", 0.1); // Sat 23:59 EDT
        endedCall("acme", "first-1-30", "2026-11-01T05:30:00Z", "customer-ended-call", 0.1); // Sun 01:30 EDT
        endedCall("acme", "second-1-30", "2026-11-01T06:30:00Z", "customer-ended-call", 0.1); // Sun 01:30 EST
        endedCall("acme", "day-end", "2026-11-02T04:59:00Z", "customer-ended-call", 0.1); // Sun 23:59 EST
        endedCall("acme", "monday", "2026-11-02T05:00:00Z", "customer-ended-call", 0.1); // Mon 00:00 EST

        assertThat(callsByDay(at("2026-11-03T12:00:00Z").trend(NEW_YORK, 7)))
                .containsEntry("2026-10-31", 1L).containsEntry("2026-11-01", 3L).containsEntry("2026-11-02", 1L);
        AnalyticsViews.Hourly hourly = at("2026-11-02T04:59:59Z").hourly(NEW_YORK);
        assertThat(hourly.date()).isEqualTo("2026-11-01");
        assertThat(hourly.hours().get(1).calls()).isEqualTo(2);
        assertThat(hourly.hours().get(23).calls()).isEqualTo(1);
        assertThat(hourly.hours().stream().mapToLong(AnalyticsViews.Hour::calls).sum()).isEqualTo(3);
    }

    @Test
    void todayIsComparedWithYesterdayUntilTheSameTimeOfDay() {
        endedCall("acme", "yesterday-9", "2026-06-09T13:00:00Z", "customer-ended-call", 1.0); // 09:00 EDT
        endedCall("acme", "yesterday-13", "2026-06-09T17:00:00Z", "pipeline-error-openai-llm-failed", 2.0); // 13:00 EDT
        endedCall("acme", "today-9", "2026-06-10T13:00:00Z", "customer-ended-call", 0.5);
        endedCall("acme", "today-9b", "2026-06-10T13:10:00Z", "assistant-forwarded-call", 0.25);
        endedCall("bravo", "other-tenant", "2026-06-10T13:05:00Z", "customer-ended-call", 9.0);

        Instant now = Instant.parse("2026-06-10T15:00:00Z"); // 11:00 EDT
        AnalyticsViews.RangeView today = at("2026-06-10T15:00:00Z").range(NEW_YORK, "today", Period.parse("today", null, null, NEW_YORK.zone(), now));
        assertThat(today.kpis().calls()).isEqualTo(2);
        assertThat(today.kpis().totalCost()).isEqualTo(0.75);
        assertThat(today.kpis().transfers()).isEqualTo(1);
        assertThat(today.previousFrom()).isEqualTo("2026-06-09");
        assertThat(today.previous().calls()).as("yesterday until 11:00").isEqualTo(1);
        assertThat(today.previous().errors()).isZero();
        assertThat(today.fields()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("nps_score");
            assertThat(f.average()).isEqualTo(8.0);
            assertThat(f.previousAverage()).isEqualTo(8.0);
        });

        AnalyticsViews.RangeView week = at("2026-06-10T15:00:00Z").range(NEW_YORK, "7d", Period.parse("7d", null, null, NEW_YORK.zone(), now));
        assertThat(week.from()).isEqualTo("2026-06-04");
        assertThat(week.kpis().calls()).isEqualTo(4);
        assertThat(week.kpis().errors()).isEqualTo(1);
        assertThat(week.previousFrom()).isEqualTo("2026-05-28");
        assertThat(week.previousTo()).isEqualTo("2026-06-03");
        assertThat(week.previous().calls()).isZero();
        assertThat(week.previous().successRate()).isNull();
    }

    @Test
    void theUsualForAnHourIsTheAverageOfTheSameWeekdayOverFourWeeks() {
        endedCall("acme", "w1", "2026-06-03T13:00:00Z", "customer-ended-call", 0.1); // Wed 09:00 EDT, a week ago
        endedCall("acme", "w2a", "2026-05-27T13:00:00Z", "customer-ended-call", 0.1);
        endedCall("acme", "w2b", "2026-05-27T13:30:00Z", "customer-ended-call", 0.1);
        endedCall("acme", "w5", "2026-05-06T13:00:00Z", "customer-ended-call", 0.1); // five weeks ago: not in the usual
        endedCall("acme", "tue", "2026-06-09T13:00:00Z", "customer-ended-call", 0.1); // a Tuesday: not the same weekday
        AnalyticsViews.Hourly hourly = at("2026-06-10T15:00:00Z").hourly(NEW_YORK);
        assertThat(hourly.weekday()).isEqualTo("Wednesday");
        assertThat(hourly.hours().get(9).usual()).isEqualTo(0.75);
        assertThat(hourly.hours().get(9).calls()).isZero();
    }

    @Test
    void badRangeParametersAreRefusedNamingTheParameter() {
        Instant now = Instant.parse("2026-06-10T15:00:00Z");
        assertThatThrownBy(() -> Period.parse("custom", "2026-13-01", "2026-06-01", NEW_YORK.zone(), now))
                .isInstanceOf(ApiException.class).hasMessageContaining("from must be a date");
        assertThatThrownBy(() -> Period.parse("custom", "2026-06-01", null, NEW_YORK.zone(), now))
                .isInstanceOf(ApiException.class).hasMessageContaining("to is required");
        assertThatThrownBy(() -> Period.parse("custom", "2026-06-02", "2026-06-01", NEW_YORK.zone(), now))
                .isInstanceOf(ApiException.class).hasMessageContaining("to must not be before from");
        assertThatThrownBy(() -> Period.parse("1y", null, null, NEW_YORK.zone(), now))
                .isInstanceOf(ApiException.class).hasMessageContaining("range must be");
    }
}
