package dev.switchboard.simulator.script;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the assistant says after a supervisor whispers an instruction: it acts on it in the caller's terms
 * ("Offer the caller a 10% discount" → "Before we go on, I'd like to offer you a 10% discount.") without
 * revealing that it was told to. A few patterns, not a language model: enough for a demo to show the
 * whisper landing and for tests to find its words in the transcript. Stateless.
 */
final class Whispers {
    private static final Pattern TELL = Pattern.compile(
            "(?i)^(?:please\\s+)?(?:tell|inform|remind|let)\\s+(?:the\\s+)?(?:caller|customer|user|patient|client|them|him|her)"
                    + "(?:\\s+know)?\\s+(?:that\\s+)?(.+)$");
    private static final Pattern SAY = Pattern.compile("(?i)^(?:please\\s+)?(?:say|mention|add)\\s+(?:that\\s+)?(.+)$");
    private static final Pattern VERB = Pattern.compile(
            "(?i)^(?:please\\s+)?(ask|offer|apologi[sz]e|confirm|explain|thank|check|recommend|suggest|propose|verify|"
                    + "collect|get|give|book|schedule|reschedule|transfer|escalate|waive|stay|be|keep|avoid|stop|try|"
                    + "focus|mention|reassure|promise|send|note|acknowledge|clarify|repeat|double-check)\\b(.*)$");
    private static final Pattern CALLER = Pattern.compile("(?i)\\b(?:the\\s+)?(?:caller|customer|user|patient|client)(['’]s)?\\b");
    private static final Pattern THEIR = Pattern.compile("(?i)\\b(their|them|they are|they're|they)\\b");

    private Whispers() {}

    static String reflect(List<String> instructions) {
        StringBuilder out = new StringBuilder();
        for (String i : instructions) {
            if (out.length() > 0) out.append(' ');
            out.append(reflect(i));
        }
        return out.toString();
    }

    static String reflect(String instruction) {
        String s = instruction.strip().replaceAll("[.!\\s]+$", "");
        if (s.isEmpty()) return "Thanks for bearing with me.";
        Matcher m = TELL.matcher(s);
        if (m.matches()) return "Before we go on, I should mention that " + toCaller(m.group(1)) + ".";
        m = SAY.matcher(s);
        if (m.matches()) return capitalise(toCaller(m.group(1))) + ".";
        m = VERB.matcher(s);
        if (m.matches()) return "Before we go on, I'd like to " + toCaller(m.group(1).toLowerCase(Locale.ROOT) + m.group(2)) + ".";
        return "One more thing I should mention: " + toCaller(lowerFirst(s)) + ".";
    }

    /** "the caller" → "you", "their" → "your": the instruction turned towards the person on the line. */
    private static String toCaller(String s) {
        String you = CALLER.matcher(s).replaceAll(r -> r.group(1) == null ? "you" : "your");
        return THEIR.matcher(you).replaceAll(r -> switch (r.group(1).toLowerCase(Locale.ROOT)) {
            case "their" -> "your";
            case "them" -> "you";
            case "they are", "they're" -> "you are";
            default -> "you";
        });
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(1))) return s; // an acronym
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
