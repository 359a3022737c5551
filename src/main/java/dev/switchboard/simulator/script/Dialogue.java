package dev.switchboard.simulator.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One conversation template, written as a small text script so the content stays readable:
 * <pre>
 * A: assistant line | an alternative wording
 * U: user line
 * S: the summary the analysis would write
 * F: key=value, key=value        (structured data; true/false/whole numbers become JSON booleans/numbers)
 * </pre>
 * {@code {placeholders}} are filled from the call's {@link ScriptVars}. Immutable and thread-safe.
 */
public record Dialogue(List<Line> lines, List<String> summaries, String facts) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_]+)}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

    /** A spoken line with its alternative wordings; {@code role} is {@code user} or {@code assistant}. */
    public record Line(String role, List<String> variants) {
        String pick(SplittableRandom rng, Map<String, String> vars) {
            return fill(variants.get(rng.nextInt(variants.size())), vars);
        }
    }

    /** A spoken line after filling in the variables. */
    public record Spoken(String role, String text) {}

    public static Dialogue parse(String script) {
        List<Line> lines = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        String facts = "";
        for (String raw : script.strip().split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            if (line.length() < 3 || line.charAt(1) != ':') throw new IllegalArgumentException("bad dialogue line: " + line);
            String body = line.substring(2).strip();
            List<String> variants = Arrays.stream(body.split("\\s\\|\\s")).map(String::strip).toList();
            switch (line.charAt(0)) {
                case 'A' -> lines.add(new Line("assistant", variants));
                case 'U' -> lines.add(new Line("user", variants));
                case 'S' -> summaries.addAll(variants);
                case 'F' -> facts = body;
                default -> throw new IllegalArgumentException("bad dialogue line: " + line);
            }
        }
        if (lines.isEmpty()) throw new IllegalArgumentException("a dialogue needs at least one line");
        return new Dialogue(List.copyOf(lines), List.copyOf(summaries), facts);
    }

    /** The lines with one wording chosen per line and the variables filled in. */
    public List<Spoken> speak(SplittableRandom rng, Map<String, String> vars) {
        List<Spoken> out = new ArrayList<>(lines.size());
        for (Line l : lines) out.add(new Spoken(l.role(), l.pick(rng, vars)));
        return out;
    }

    public String summary(SplittableRandom rng, Map<String, String> vars) {
        return summaries.isEmpty() ? null : fill(summaries.get(rng.nextInt(summaries.size())), vars);
    }

    /** The {@code F:} facts as structured data, in the order written. */
    public Map<String, Object> facts(Map<String, String> vars) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (facts.isBlank()) return out;
        for (String pair : facts.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("bad fact '" + pair + "' in " + facts);
            String value = fill(pair.substring(eq + 1).strip(), vars);
            out.put(pair.substring(0, eq).strip(), typed(value));
        }
        return out;
    }

    private static Object typed(String value) {
        if (value.equals("true") || value.equals("false")) return Boolean.valueOf(value);
        if (WHOLE_NUMBER.matcher(value).matches()) return Integer.valueOf(value);
        return value;
    }

    static String fill(String template, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 32);
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) throw new IllegalArgumentException("no value for {" + m.group(1) + "} in: " + template);
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
