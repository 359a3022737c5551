package dev.switchboard.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.http.Json;

import java.util.Locale;
import java.util.Set;

/**
 * What counts as a successful call. Vapi's {@code analysis.successEvaluation} is whatever the assistant's rubric
 * produces, so the stored text is read like this:
 * <ul>
 *   <li>booleans and pass/fail words: {@code true}, {@code "true"}, {@code "pass"}, {@code "yes"}, {@code "success"} succeed;
 *       {@code false}, {@code "false"}, {@code "fail"}, {@code "no"} do not;</li>
 *   <li>numbers: a score from 0 to 10 (NumericScale 1–10) succeeds at 6 or more; a score above 10 up to 100
 *       (PercentageScale) at 60 or more — "at least 60% of the scale";</li>
 *   <li>words of the descriptive and Likert scales and letter grades: Excellent, Good, Strongly agree, Agree, A, B
 *       succeed; Fair, Poor, Neutral, Disagree, Strongly disagree, C, D, F do not;</li>
 *   <li>anything else (no evaluation, a checklist object, free text) is <em>not evaluated</em>.</li>
 * </ul>
 * The success rate is successes over <em>evaluated</em> calls, so calls the rubric never judged (no answer,
 * voicemail) do not pull it down.
 */
public final class SuccessVerdict {
    private static final Set<String> YES = Set.of("true", "pass", "passed", "yes", "success", "successful",
            "excellent", "good", "strongly agree", "agree", "a", "b");
    private static final Set<String> NO = Set.of("false", "fail", "failed", "no", "unsuccessful", "failure",
            "fair", "poor", "neutral", "disagree", "strongly disagree", "c", "d", "f");

    private SuccessVerdict() {}

    /** True (success), false (evaluated, not a success) or null (not evaluated). */
    public static Boolean of(String stored) {
        if (stored == null || stored.isBlank()) return null;
        // Fast paths for what almost every call stores (a rebuild reads millions): true, false, "true", a small score.
        if (stored.equals("true") || stored.equals("\"true\"")) return true;
        if (stored.equals("false") || stored.equals("\"false\"")) return false;
        if (stored.length() <= 3 && Character.isDigit(stored.charAt(0))) {
            try {
                return score(Integer.parseInt(stored));
            } catch (NumberFormatException e) {
                // not a plain integer: read it as JSON below
            }
        }
        JsonNode v;
        try {
            v = Json.MAPPER.readTree(stored);
        } catch (Exception notJson) {
            return word(stored); // older rows may hold the bare text
        }
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        if (v.isNumber()) return score(v.doubleValue());
        if (v.isTextual()) return word(v.textValue());
        return null;
    }

    private static Boolean word(String text) {
        String w = text.trim().toLowerCase(Locale.ROOT);
        if (YES.contains(w)) return true;
        if (NO.contains(w)) return false;
        try {
            return score(Double.parseDouble(w));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean score(double s) {
        if (Double.isNaN(s) || s < 0 || s > 100) return null;
        return s <= 10 ? s >= 6 : s >= 60;
    }
}
