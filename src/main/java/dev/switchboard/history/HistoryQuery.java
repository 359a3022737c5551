package dev.switchboard.history;

import dev.switchboard.call.CallStatus;
import dev.switchboard.call.EndedCategory;
import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One history view: the filters (all optional, all combined with AND), the search words, the page size and
 * where the page starts. Built from query parameters by {@link #parse}, which refuses anything it does not
 * understand with a 400 naming the parameter and the form it expects, so a typo never silently widens a view
 * (or an export). Dates are the tenant's local days; {@code fromMs}/{@code toMs} are the instants they start and
 * end at (a DST day is 23 or 25 hours). Hours and weekdays are the tenant's too ({@code local}, null when neither is
 * asked for; see {@link LocalTimeFilter}).
 */
public record HistoryQuery(
        List<String> statuses,
        List<String> categories,
        List<String> reasons,
        List<String> callTypes,
        List<String> assistants,
        List<String> phones,
        LocalDate fromDate,
        LocalDate toDate,
        Long fromMs,
        Long toMs,
        LocalTimeFilter local,
        Long minDurationMs,
        Long maxDurationMs,
        Double minCost,
        Double maxCost,
        List<String> success,
        Boolean transferred,
        Map<String, String> data,
        List<String> words,
        int limit,
        Cursor cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    static final int MAX_WORDS = 12;

    /** The call types a direction stands for (what the UI offers as "type"). */
    static final Map<String, List<String>> DIRECTIONS = Map.of(
            "inbound", List.of("inboundPhoneCall"),
            "outbound", List.of("outboundPhoneCall"),
            "web", List.of("webCall", "vapi.websocketCall"));

    private static final Set<String> PARAMS = Set.of("status", "category", "reason", "type", "assistant", "phone", "from", "to",
            "hour", "weekday", "minDuration", "maxDuration", "minCost", "maxCost", "success", "transferred", "q", "limit", "cursor");
    private static final Pattern DATA_KEY = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{2,20}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** No filters: everything, newest first. */
    public static HistoryQuery all() {
        return parse(Map.of(), ZoneId.of("UTC"), false);
    }

    /**
     * Reads the query parameters. {@code paging} false (exports) refuses {@code limit} and {@code cursor}: an
     * export is always the whole view.
     */
    public static HistoryQuery parse(Map<String, List<String>> params, ZoneId zone, boolean paging) {
        Map<String, String> data = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            String name = p.getKey();
            if (name.startsWith("data.")) {
                String key = name.substring(5);
                if (!DATA_KEY.matcher(key).matches()) {
                    throw invalid(name, "data.<field>=<value> with a field name of letters, digits and _ (up to 64)");
                }
                data.put("$." + key, jsonLiteral(name, single(params, name)));
            } else if (!PARAMS.contains(name) || (!paging && (name.equals("limit") || name.equals("cursor")))) {
                throw new ApiException(ErrorCode.INVALID_REQUEST, "Unknown parameter '" + printable(name) + "'; filters are "
                        + String.join(", ", PARAMS.stream().sorted().filter(n -> paging || !n.equals("limit") && !n.equals("cursor")).toList())
                        + " and data.<field>");
            }
        }
        List<String> statuses = list(params, "status");
        for (String s : statuses) {
            if (CallStatus.rank(s) < 0) throw invalid("status", "one or more of " + Arrays.stream(CallStatus.values()).map(CallStatus::wire).toList());
        }
        List<String> categories = list(params, "category");
        for (String c : categories) {
            if (EndedCategory.parse(c) == null) throw invalid("category", "one or more of " + Arrays.stream(EndedCategory.values()).map(EndedCategory::wire).toList());
        }
        List<String> callTypes = new ArrayList<>();
        for (String t : list(params, "type")) {
            List<String> types = DIRECTIONS.get(t);
            if (types == null) throw invalid("type", "one or more of inbound, outbound, web");
            callTypes.addAll(types);
        }
        List<String> phones = new ArrayList<>();
        for (String raw : list(params, "phone")) {
            String p = raw.replaceAll("[\\s().-]", "");
            if (!PHONE.matcher(p).matches()) throw invalid("phone", "a phone number such as +15551234567");
            phones.add(p);
        }
        LocalDate from = date(params, "from");
        LocalDate to = date(params, "to");
        if (from != null && to != null && to.isBefore(from)) throw invalid("to", "a day on or after 'from'");
        List<Integer> hours = wholeNumbers(params, "hour", 0, 23,
                "one or more hours of the day from 0 to 23 in the tenant's time zone, such as 9 or 9,10,11");
        List<Integer> weekdays = wholeNumbers(params, "weekday", 1, 7,
                "one or more days of the week from 1 (Monday) to 7 (Sunday) in the tenant's time zone, such as 1 or 6,7");
        LocalTimeFilter local = hours.isEmpty() && weekdays.isEmpty() ? null : new LocalTimeFilter(hours, weekdays, zone);
        Long minDuration = seconds(params, "minDuration");
        Long maxDuration = seconds(params, "maxDuration");
        Double minCost = number(params, "minCost");
        Double maxCost = number(params, "maxCost");
        List<String> success = params.containsKey("success") ? successes(jsonLiteral("success", single(params, "success"))) : List.of();
        Boolean transferred = bool(params, "transferred");
        List<String> words = words(params);
        int limit = paging ? limit(params) : Integer.MAX_VALUE;
        Cursor cursor = paging && params.containsKey("cursor") ? Cursor.decode(single(params, "cursor")) : null;
        return new HistoryQuery(statuses, categories, list(params, "reason"), callTypes, list(params, "assistant"), phones,
                from, to, from == null ? null : from.atStartOfDay(zone).toInstant().toEpochMilli(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli(), local,
                minDuration, maxDuration, minCost, maxCost, success, transferred, Map.copyOf(data), words, limit, cursor);
    }

    public boolean searching() {
        return !words.isEmpty();
    }

    /** The same view from another place in it. */
    public HistoryQuery after(Cursor next) {
        return new HistoryQuery(statuses, categories, reasons, callTypes, assistants, phones, fromDate, toDate, fromMs, toMs, local,
                minDurationMs, maxDurationMs, minCost, maxCost, success, transferred, data, words, limit, next);
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) return "";
        if (values.size() > 1) throw invalid(name, "one value (given " + values.size() + " times)");
        return values.get(0).trim();
    }

    /** Comma-separated values (repeating the parameter works too); blanks are ignored. */
    private static List<String> list(Map<String, List<String>> params, String name) {
        List<String> out = new ArrayList<>();
        for (String v : params.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                String t = part.trim();
                if (t.isEmpty()) continue;
                if (t.length() > 200) throw invalid(name, "values of up to 200 characters");
                if (!out.contains(t)) out.add(t);
            }
        }
        if (out.size() > 50) throw invalid(name, "up to 50 values");
        return out;
    }

    /** A list of whole numbers from {@code min} to {@code max}, in the list style of the other filters. */
    private static List<Integer> wholeNumbers(Map<String, List<String>> params, String name, int min, int max, String expected) {
        List<Integer> out = new ArrayList<>();
        for (String v : list(params, name)) {
            if (!v.matches("[0-9]{1,2}")) throw invalid(name, expected);
            int n = Integer.parseInt(v);
            if (n < min || n > max) throw invalid(name, expected);
            if (!out.contains(n)) out.add(n);
        }
        return out;
    }

    private static LocalDate date(Map<String, List<String>> params, String name) {
        if (!params.containsKey(name)) return null;
        try {
            return LocalDate.parse(single(params, name));
        } catch (DateTimeParseException e) {
            throw invalid(name, "a day as YYYY-MM-DD (in the client's time zone)");
        }
    }

    private static Long seconds(Map<String, List<String>> params, String name) {
        Double v = number(params, name);
        return v == null ? null : Math.round(v * 1000);
    }

    private static Double number(Map<String, List<String>> params, String name) {
        if (!params.containsKey(name)) return null;
        String raw = single(params, name);
        try {
            double v = Double.parseDouble(raw);
            if (v >= 0 && Double.isFinite(v) && raw.matches("[0-9.]+")) return v;
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw invalid(name, "a number of 0 or more, such as 30 or 1.5");
    }

    private static Boolean bool(Map<String, List<String>> params, String name) {
        if (!params.containsKey(name)) return null;
        return switch (single(params, name).toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, "true or false");
        };
    }

    private static int limit(Map<String, List<String>> params) {
        if (!params.containsKey("limit")) return DEFAULT_LIMIT;
        try {
            int v = Integer.parseInt(single(params, "limit"));
            if (v >= 1 && v <= MAX_LIMIT) return v;
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw invalid("limit", "a whole number from 1 to " + MAX_LIMIT);
    }

    /** Search words: letters and digits; punctuation separates them (and cannot reach the search syntax). */
    private static List<String> words(Map<String, List<String>> params) {
        if (!params.containsKey("q")) return List.of();
        String q = single(params, "q");
        if (q.length() > 500) throw invalid("q", "up to 500 characters");
        List<String> words = new ArrayList<>();
        var m = WORD.matcher(q.toLowerCase(Locale.ROOT));
        while (m.find()) if (!words.contains(m.group())) words.add(m.group());
        if (words.size() > MAX_WORDS) throw invalid("q", "up to " + MAX_WORDS + " words");
        return words;
    }

    /** Providers send a pass/fail evaluation as a boolean or as the text "true"/"false"; both mean the same. */
    private static List<String> successes(String literal) {
        return literal.equals("true") || literal.equals("false") ? List.of(literal, "\"" + literal + "\"") : List.of(literal);
    }

    /**
     * A filter value as the JSON text it is compared with: true/false/null and numbers as themselves, anything
     * else as a string (so {@code data.npsScore=8} and {@code data.plan=gold} both work).
     */
    static String jsonLiteral(String name, String raw) {
        if (raw.isEmpty()) throw invalid(name, "a value (true, false, a number or text)");
        if (raw.length() > 200) throw invalid(name, "a value of up to 200 characters");
        if (raw.equals("true") || raw.equals("false") || raw.equals("null")) return raw;
        if (raw.matches("-?(0|[1-9][0-9]{0,15})(\\.[0-9]{1,10})?")) return raw;
        return dev.switchboard.http.Json.write(raw);
    }

    static ApiException invalid(String name, String expected) {
        return new ApiException(ErrorCode.INVALID_REQUEST, "Parameter '" + name + "' must be " + expected);
    }

    private static String printable(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
