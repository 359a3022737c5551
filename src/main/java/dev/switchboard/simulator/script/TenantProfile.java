package dev.switchboard.simulator.script;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.simulator.Seeds;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Who a tenant is in the simulation: its business, assistants, phone numbers, where its customers live,
 * and the human its angry callers are forwarded to. The demo tenants have hand-written profiles; any
 * other tenant gets one derived from its id (stable across runs). Immutable.
 *
 * @param inbound      the assistant that answers calls
 * @param outbound     the assistant that places reminder and follow-up calls
 * @param ourNumbers   the tenant's own numbers (E.164); calls use them in turn
 * @param areaCodes    customers' area codes
 * @param costPerMinute what a connected minute costs, all providers included (USD)
 */
public record TenantProfile(String tenantId, Flavour flavour, String business, Assistant inbound, Assistant outbound,
                            List<String> ourNumbers, List<String> areaCodes, String zipPrefix, String humanName,
                            String humanNumber, ZoneId zone, double costPerMinute) {

    public record Assistant(String id, String name) {}

    public static TenantProfile of(String tenantId) {
        return switch (tenantId) {
            case "demo-client" -> new TenantProfile(tenantId, Flavour.DENTAL, "Brightside Dental",
                    assistant(tenantId, "Riley (Front Desk)"), assistant(tenantId, "Jordan (Reminders)"),
                    List.of("+14155550142", "+14155550187"), List.of("415", "510", "650", "408", "925", "707"),
                    "941", "Dana from our billing office", "+14155550199", ZoneId.of("America/Los_Angeles"), 0.11);
            case "acme-agency" -> new TenantProfile(tenantId, Flavour.HOME_SERVICES, "Acme Heating and Air",
                    assistant(tenantId, "Max (Dispatch)"), assistant(tenantId, "Ava (Renewals)"),
                    List.of("+12125550134", "+16465550161"), List.of("212", "646", "718", "917", "347", "201", "973"),
                    "100", "Marcus from our service team", "+12125550100", ZoneId.of("America/New_York"), 0.12);
            case "senior-life" -> new TenantProfile(tenantId, Flavour.MEDICARE, "Senior Life Benefits",
                    assistant(tenantId, "Grace (Medicare Helpline)"), assistant(tenantId, "Sam (Enrollment Follow-up)"),
                    List.of("+13055550123", "+15615550148"),
                    List.of("305", "561", "727", "813", "904", "352", "480", "602", "520"),
                    "334", "our licensed agent Linda", "+13055550177", ZoneId.of("America/New_York"), 0.10);
            default -> derived(tenantId);
        };
    }

    /** A plausible profile for any other tenant id, the same every time for the same id. */
    private static TenantProfile derived(String tenantId) {
        SplittableRandom rng = new SplittableRandom(Seeds.of(tenantId));
        Flavour flavour = Flavour.values()[rng.nextInt(Flavour.values().length)];
        List<String> areas = List.of("312", "773", "214", "469", "303", "720", "206", "617", "404", "619");
        String home = areas.get(rng.nextInt(areas.size()));
        String suffix = switch (flavour) {
            case DENTAL -> "Dental Care";
            case HOME_SERVICES -> "Home Services";
            case MEDICARE -> "Insurance Group";
        };
        String business = ConfigLoader.prettyName(tenantId) + " " + suffix;
        return new TenantProfile(tenantId, flavour, business,
                assistant(tenantId, "Alex (Reception)"), assistant(tenantId, "Casey (Outreach)"),
                List.of("+1" + home + "55501" + twoDigits(rng), "+1" + home + "55501" + twoDigits(rng)),
                List.of(home, areas.get(rng.nextInt(areas.size())), areas.get(rng.nextInt(areas.size()))),
                "606", "a member of our team", "+1" + home + "5550100", ZoneId.of("America/Chicago"), 0.11);
    }

    /** A new customer's number: a real-looking US number in one of the tenant's area codes. */
    public String customerNumber(SplittableRandom rng) {
        String area = areaCodes.get(rng.nextInt(areaCodes.size()));
        int exchange;
        do {
            exchange = 200 + rng.nextInt(800);
        } while (exchange % 100 == 11 || exchange == 555); // N11 codes are not exchanges; 555 reads as fake
        return "+1" + area + exchange + String.format("%04d", rng.nextInt(10_000));
    }

    private static Assistant assistant(String tenantId, String name) {
        return new Assistant(UUID.nameUUIDFromBytes((tenantId + "/" + name).getBytes(StandardCharsets.UTF_8)).toString(), name);
    }

    private static String twoDigits(SplittableRandom rng) {
        return String.format("%02d", 10 + rng.nextInt(90));
    }
}
