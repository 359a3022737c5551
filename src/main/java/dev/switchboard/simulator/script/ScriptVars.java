package dev.switchboard.simulator.script;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The values a dialogue's {@code {placeholders}} take for one call: the caller, the appointment slot
 * (a real future weekday, so the spoken day and {@code appointment_date} agree), amounts and so on.
 */
final class ScriptVars {
    private static final List<String> FIRST = List.of("James", "Maria", "Robert", "Linda", "Michael", "Patricia",
            "David", "Jennifer", "Daniel", "Aisha", "Carlos", "Mei", "Priya", "Kevin", "Sofia", "Tyrone", "Emily",
            "Hannah", "Luis", "Grace", "Omar", "Rachel", "Jamal", "Nina", "Ethan", "Olivia", "Diego", "Chloe");
    private static final List<String> SENIOR_FIRST = List.of("Dorothy", "Harold", "Barbara", "Walter", "Shirley",
            "Eugene", "Betty", "Frank", "Joan", "Raymond", "Carol", "Gloria", "Howard", "Judith", "Albert", "Rosa",
            "Earl", "Marilyn", "Lorraine", "Vernon");
    private static final List<String> LAST = List.of("Johnson", "Garcia", "Nguyen", "Patel", "Smith", "Williams",
            "Brown", "Martinez", "Kim", "Okafor", "Rossi", "Cohen", "Murphy", "Lopez", "Chen", "Jackson", "Schmidt",
            "Rivera", "Thompson", "Haddad", "Walsh", "Yamamoto", "Bennett", "Alvarez");
    private static final List<String> STREETS = List.of("Oak Street", "Maple Avenue", "Cedar Lane", "Elm Drive",
            "Sunset Boulevard", "Park Place", "Willow Way", "Lakeview Road", "Birch Court", "Hillcrest Avenue");
    private static final List<String> TIMES = List.of("8:30 AM", "9:00 AM", "9:30 AM", "10:00 AM", "10:30 AM",
            "11:00 AM", "11:30 AM", "1:00 PM", "1:30 PM", "2:00 PM", "2:30 PM", "3:00 PM", "3:30 PM", "4:00 PM");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMMM d", Locale.US);
    private static final DateTimeFormatter DOB = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private ScriptVars() {}

    static Map<String, String> create(TenantProfile profile, String assistantName, SplittableRandom rng, long startAt) {
        Map<String, String> v = new HashMap<>();
        boolean senior = profile.flavour() == Flavour.MEDICARE;
        String first = pick(rng, senior && rng.nextInt(4) > 0 ? SENIOR_FIRST : FIRST);
        String last = pick(rng, LAST);
        v.put("business", profile.business());
        v.put("agent", firstWord(assistantName));
        v.put("name", first);
        v.put("lastname", last);
        v.put("fullname", first + " " + last);
        v.put("human", profile.humanName());
        v.put("ournumber", spoken(profile.ourNumbers().get(0)));

        LocalDate today = LocalDate.ofInstant(Instant.ofEpochMilli(startAt), profile.zone());
        LocalDate slot = nextWeekday(today.plusDays(1 + rng.nextInt(6)));
        int t = rng.nextInt(TIMES.size() - 3);
        v.put("day", slot.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
        v.put("date", slot.format(MONTH_DAY));
        v.put("iso_date", slot.toString());
        v.put("time", TIMES.get(t));
        v.put("time2", TIMES.get(t + 1 + rng.nextInt(2)));

        int minAge = senior ? 64 : 19;
        int age = minAge + rng.nextInt(senior ? 20 : 50);
        LocalDate dob = today.minusYears(age).minusDays(rng.nextInt(365));
        v.put("dob", dob.format(DOB));
        v.put("amount", String.format(Locale.US, "$%d.%02d", 40 + rng.nextInt(420), rng.nextInt(100)));
        v.put("last4", String.format("%04d", rng.nextInt(10_000)));
        v.put("zip", profile.zipPrefix() + String.format("%02d", rng.nextInt(100)));
        v.put("street", (100 + rng.nextInt(9800)) + " " + pick(rng, STREETS));
        return v;
    }

    private static LocalDate nextWeekday(LocalDate d) {
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) d = d.plusDays(1);
        return d;
    }

    /** "+14155550142" → "415-555-0142", the way an assistant would read it out. */
    static String spoken(String e164) {
        String d = e164.startsWith("+1") && e164.length() == 12 ? e164.substring(2) : e164.replace("+", "");
        return d.length() == 10 ? d.substring(0, 3) + "-" + d.substring(3, 6) + "-" + d.substring(6) : d;
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    static <T> T pick(SplittableRandom rng, List<T> from) {
        return from.get(rng.nextInt(from.size()));
    }
}
