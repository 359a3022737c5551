package dev.switchboard.bench;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.DatabaseSettings;
import dev.switchboard.db.Database;
import dev.switchboard.history.HistoryQuery;
import dev.switchboard.history.HistoryService;
import dev.switchboard.ops.Threads;
import org.HdrHistogram.Histogram;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code switchboard bench history}: history reads against a database filled by {@code generate-history}, in
 * process (the service: SQL, mapping, highlights, the capped count; no HTTP). Each filter alone, then full-text
 * searches, then a full CSV export of the biggest tenant with the heap before, during (peak) and after. Queries
 * rotate over the biggest tenants so a page is not just the previous answer from cache.
 */
final class HistoryBenchmark {
    static final String USAGE = "usage: java -jar switchboard.jar bench history [--database-url URL] [--iterations 60] [--tenants 5]";

    private HistoryBenchmark() {}

    static int run(String[] args, PrintStream out) {
        String url = null;
        int iterations = 60, tenantCount = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--database-url" -> url = args[i + 1];
                case "--iterations" -> iterations = Integer.parseInt(args[i + 1]);
                case "--tenants" -> tenantCount = Integer.parseInt(args[i + 1]);
                default -> {
                    out.println(USAGE);
                    return 2;
                }
            }
        }
        DatabaseSettings settings = url != null ? DatabaseSettings.parse(url, 4) : new ConfigLoader(System.getenv()).load(false).database();
        try (Database db = Database.open(settings)) {
            HistoryService history = new HistoryService(db);
            List<Tenant> tenants = tenants(db, tenantCount);
            long calls = db.read(h -> h.createQuery("SELECT COUNT(*) FROM calls").mapTo(Long.class).one());
            out.printf(Locale.ROOT, "Switchboard history benchmark: %s, %,d calls, queries over the %d biggest tenants, %d runs each, %d cores%n",
                    db.dialect(), calls, tenants.size(), iterations, Runtime.getRuntime().availableProcessors());
            out.println();
            out.println("| query (first page of 50) | total | p50 | p95 | p99 |");
            out.println("|---|---|---|---|---|");
            for (Map.Entry<String, Filter> c : cases().entrySet()) measure(out, history, tenants, c.getKey(), c.getValue(), iterations);
            for (String words : List.of("refund", "appointment", "furnace", "Medicare Advantage", "insurance card", "cleaning tomorrow")) {
                measure(out, history, tenants, "search q=" + words, t -> Map.of("q", List.of(words)), iterations);
            }
            measure(out, history, tenants, "search q=appointment + category=customer_ended",
                    t -> Map.of("q", List.of("appointment"), "category", List.of("customer_ended")), iterations);
            export(out, history, tenants.get(0));
            return 0;
        }
    }

    /** A filter's parameters for a tenant (values drawn from that tenant's own data). */
    interface Filter {
        Map<String, List<String>> params(Tenant t);
    }

    record Tenant(String id, ZoneId zone, long calls, String phone, String assistant, String rareReason, LocalDate lastDay) {}

    private static Map<String, Filter> cases() {
        Map<String, Filter> c = new LinkedHashMap<>();
        c.put("no filter", t -> Map.of());
        c.put("status=ended", t -> Map.of("status", List.of("ended")));
        c.put("status=in-progress (none)", t -> Map.of("status", List.of("in-progress")));
        c.put("category=error", t -> Map.of("category", List.of("error")));
        c.put("category=transferred", t -> Map.of("category", List.of("transferred")));
        c.put("reason=<rarest reason>", t -> Map.of("reason", List.of(t.rareReason())));
        c.put("type=web", t -> Map.of("type", List.of("web")));
        c.put("assistant=<outbound>", t -> Map.of("assistant", List.of(t.assistant())));
        c.put("phone=<a caller>", t -> Map.of("phone", List.of(t.phone())));
        c.put("from/to = one week, 3 months ago", t -> Map.of("from", List.of(t.lastDay().minusDays(97).toString()),
                "to", List.of(t.lastDay().minusDays(90).toString())));
        c.put("hour=10 (a busy hour)", t -> Map.of("hour", List.of("10")));
        c.put("hour=3 (a quiet hour)", t -> Map.of("hour", List.of("3")));
        c.put("weekday=7", t -> Map.of("weekday", List.of("7")));
        c.put("hour=14, last day (an hourly bar)", t -> Map.of("hour", List.of("14"), "from", List.of(t.lastDay().toString()),
                "to", List.of(t.lastDay().toString())));
        c.put("weekday=7&hour=3, 90 days (a quiet heat-map cell)", t -> Map.of("weekday", List.of("7"), "hour", List.of("3"),
                "from", List.of(t.lastDay().minusDays(89).toString()), "to", List.of(t.lastDay().toString())));
        c.put("minDuration=300", t -> Map.of("minDuration", List.of("300")));
        c.put("maxDuration=20", t -> Map.of("maxDuration", List.of("20")));
        c.put("minCost=1", t -> Map.of("minCost", List.of("1")));
        c.put("maxCost=0.05", t -> Map.of("maxCost", List.of("0.05")));
        c.put("success=true", t -> Map.of("success", List.of("true")));
        c.put("transferred=true", t -> Map.of("transferred", List.of("true")));
        c.put("data.nps_score=10", t -> Map.of("data.nps_score", List.of("10")));
        return c;
    }

    private static void measure(PrintStream out, HistoryService history, List<Tenant> tenants, String name, Filter f, int iterations) {
        Histogram h = new Histogram(60_000_000_000L, 3);
        String total = "";
        for (int i = -tenants.size(); i < iterations; i++) { // one warm-up round per tenant
            Tenant t = tenants.get(Math.floorMod(i, tenants.size()));
            HistoryQuery q = HistoryQuery.parse(f.params(t), t.zone(), true);
            long start = System.nanoTime();
            HistoryService.Page page = history.page(t.id(), q);
            long took = System.nanoTime() - start;
            if (i >= 0) h.recordValue(took);
            if (i == 0) total = page.total() == null ? "?" : String.format(Locale.ROOT, page.total().atLeast() ? "%,d+" : "%,d", page.total().count());
        }
        out.printf(Locale.ROOT, "| %s | %s | %.1f ms | %.1f ms | %.1f ms |%n", name, total, ms(h, 50), ms(h, 95), ms(h, 99));
    }

    private static void export(PrintStream out, HistoryService history, Tenant t) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = used();
        long[] peak = {before};
        long[] rows = {0};
        Thread sampler = Threads.daemon(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], used());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-sampler");
        sampler.start();
        long[] bytes = {0};
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        long start = System.nanoTime();
        long n = history.export(t.id(), t.zone(), HistoryQuery.parse(Map.of(), t.zone(), false), "csv", sink, rows);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        System.gc();
        long after = used();
        out.println();
        out.println("| export (CSV, whole tenant) | rows | rows/s | MiB written | heap before | heap peak during | heap after | max heap |");
        out.println("|---|---|---|---|---|---|---|---|");
        out.printf(Locale.ROOT, "| %s | %,d | %,.0f | %,.0f | %,d MiB | %,d MiB | %,d MiB | %,d MiB |%n", t.id(), n, n / seconds,
                bytes[0] / 1048576.0, before >> 20, peak[0] >> 20, after >> 20, rt.maxMemory() >> 20);
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static List<Tenant> tenants(Database db, int count) {
        return db.read(h -> {
            List<Tenant> out = new ArrayList<>();
            List<Map.Entry<String, Long>> biggest = h.createQuery("SELECT tenant_id, COUNT(*) FROM calls GROUP BY tenant_id ORDER BY 2 DESC LIMIT :n")
                    .bind("n", count).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
            for (Map.Entry<String, Long> b : biggest) {
                String id = b.getKey();
                ZoneId zone = ZoneId.of(h.createQuery("SELECT time_zone FROM tenants WHERE id = :t").bind("t", id).mapTo(String.class).one());
                String phone = h.createQuery("SELECT phone_number FROM calls WHERE tenant_id = :t AND phone_number IS NOT NULL "
                        + "ORDER BY created_at DESC LIMIT 1 OFFSET 5000").bind("t", id).mapTo(String.class).findOne().orElse("+15550000000");
                String assistant = h.createQuery("SELECT assistant_id FROM calls WHERE tenant_id = :t AND call_type = 'outboundPhoneCall' LIMIT 1")
                        .bind("t", id).mapTo(String.class).findOne().orElse("none");
                String rare = h.createQuery("SELECT ended_reason FROM calls WHERE tenant_id = :t GROUP BY ended_reason ORDER BY COUNT(*) LIMIT 1")
                        .bind("t", id).mapTo(String.class).findOne().orElse("voicemail");
                long last = h.createQuery("SELECT MAX(created_at) FROM calls WHERE tenant_id = :t").bind("t", id).mapTo(Long.class).one();
                out.add(new Tenant(id, zone, b.getValue(), phone, assistant, rare, LocalDate.ofInstant(java.time.Instant.ofEpochMilli(last), zone)));
            }
            return out;
        });
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }
}
