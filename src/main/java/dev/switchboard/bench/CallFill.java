package dev.switchboard.bench;

import dev.switchboard.call.EndedCategory;
import dev.switchboard.db.Database;
import dev.switchboard.tenant.TenantRepository;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * For {@code bench analytics} only, until the history generator fills databases: ended calls over the last year for
 * tenants in several time zones, busier on weekdays and in business hours, with the usual mix of ended reasons,
 * durations, costs, success evaluations and an NPS score. Written straight to the calls table in batches (like a
 * bulk import), so the analytics rollups must be rebuilt afterwards.
 */
final class CallFill {
    static final List<String> ZONES = List.of("America/New_York", "America/Los_Angeles", "America/Chicago", "Europe/London",
            "Asia/Kolkata", "Australia/Sydney", "Asia/Kathmandu", "Europe/Berlin", "America/Denver", "Pacific/Auckland");
    private static final String[][] REASONS = {
            {"customer-ended-call", "45"}, {"assistant-ended-call", "20"}, {"assistant-forwarded-call", "8"},
            {"customer-did-not-answer", "8"}, {"voicemail", "6"}, {"customer-busy", "3"},
            {"pipeline-error-openai-llm-failed", "3"}, {"twilio-failed-to-connect-call", "2"}, {"silence-timed-out", "5"}};

    private CallFill() {}

    static String tenant(int i) {
        return "bench-a" + i;
    }

    /** Writes {@code calls} ended calls spread over {@code tenants} tenants and the year before {@code now}. */
    static void fill(Database db, int tenants, int calls, Instant now, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        db.jdbi().useHandle(h -> {
            for (int t = 0; t < tenants; t++) {
                new TenantRepository(h).createIfAbsent(tenant(t), "Bench " + t, now.toEpochMilli());
                h.createUpdate("UPDATE tenants SET time_zone = :z WHERE id = :id").bind("z", ZONES.get(t % ZONES.size()))
                        .bind("id", tenant(t)).execute();
            }
        });
        int batch = 5000;
        for (int done = 0; done < calls; done += batch) {
            int n = Math.min(batch, calls - done), first = done;
            db.jdbi().useTransaction(h -> {
                PreparedBatch b = h.prepareBatch("INSERT INTO calls (tenant_id, id, provider, status, call_type, phone_number, assistant_id, "
                        + "assistant_name, created_at, updated_at, started_at, ended_at, ended_reason, cost, structured_data, success_evaluation, "
                        + "transfer_destination, version, duration_ms, ended_category, transferred) VALUES (?, ?, 'vapi', 'ended', 'inboundPhoneCall', "
                        + "'+14155550123', 'asst-1', 'Riley', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT (tenant_id, id) DO NOTHING");
                for (int i = 0; i < n; i++) addCall(b, rng, first + i, tenants, now);
                b.execute();
            });
        }
    }

    private static void addCall(PreparedBatch b, SplittableRandom rng, int i, int tenants, Instant now) {
        // Skewed tenants: the first ones are the busy clients.
        int t = Math.min(tenants - 1, (int) Math.floor(Math.pow(rng.nextDouble(), 1.6) * tenants));
        ZoneId zone = ZoneId.of(ZONES.get(t % ZONES.size()));
        long created = pickTime(rng, zone, now);
        String reason = pickReason(rng);
        EndedCategory cat = EndedCategory.of(reason);
        boolean unreached = cat == EndedCategory.UNREACHED || cat == EndedCategory.ERROR && rng.nextBoolean();
        Long started = unreached ? null : created + 2000 + rng.nextInt(8000);
        long duration = unreached ? 0 : (long) (Math.exp(4.2 + 0.8 * gaussian(rng)) * 1000);
        long ended = (started != null ? started + duration : created + 20_000);
        double cost = started == null ? 0.01 : Math.round(duration / 60_000.0 * 0.11 * 10_000) / 10_000.0;
        boolean success = !unreached && cat != EndedCategory.ERROR && rng.nextDouble() < 0.72;
        String evaluation = unreached ? null : switch (rng.nextInt(3)) {
            case 0 -> success ? "true" : "false";
            case 1 -> success ? "\"true\"" : "\"false\"";
            default -> Integer.toString(success ? 7 + rng.nextInt(4) : 1 + rng.nextInt(5));
        };
        String data = unreached ? null : String.format(Locale.ROOT, "{\"nps_score\":%d,\"booked\":%b}", success ? 7 + rng.nextInt(4) : rng.nextInt(8), success);
        boolean transferred = cat == EndedCategory.TRANSFERRED;
        b.bind(0, CallFill.tenant(t)).bind(1, "fill-" + i).bind(2, created).bind(3, ended).bind(4, started).bind(5, ended)
                .bind(6, reason).bind(7, cost).bind(8, data).bind(9, evaluation).bind(10, transferred ? "+14155550199" : null)
                .bind(11, started == null ? null : duration).bind(12, cat.wire()).bind(13, transferred ? 1 : 0).add();
    }

    /** A moment in the last year: weekdays twice as busy, most calls between 8:00 and 19:00 local time. */
    private static long pickTime(SplittableRandom rng, ZoneId zone, Instant now) {
        while (true) {
            long ms = now.toEpochMilli() - (long) (rng.nextDouble() * 365L * 24 * 3600 * 1000);
            ZonedDateTime local = Instant.ofEpochMilli(ms).atZone(zone);
            int h = local.getHour();
            double weight = (local.getDayOfWeek().getValue() >= 6 ? 0.5 : 1.0) * (h >= 8 && h < 19 ? 1.0 : h >= 6 && h < 22 ? 0.3 : 0.05);
            if (rng.nextDouble() < weight) return ms;
        }
    }

    private static String pickReason(SplittableRandom rng) {
        int r = rng.nextInt(100);
        for (String[] e : REASONS) {
            r -= Integer.parseInt(e[1]);
            if (r < 0) return e[0];
        }
        return REASONS[0][0];
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
