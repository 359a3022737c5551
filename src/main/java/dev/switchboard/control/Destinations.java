package dev.switchboard.control;

import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;

import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of where a call can be sent: E.164 numbers (what Vapi requires) and SIP URIs. */
final class Destinations {
    static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");
    /** Spacing people type in numbers ("+1 (415) 555-0100"); removed before the E.164 check. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-]");
    private static final int MAX_SIP_URI = 255;

    private Destinations() {}

    /** The number in E.164 form, or 400 {@code invalid_number}. */
    static String number(String raw) {
        String n = raw == null ? "" : SEPARATORS.matcher(raw).replaceAll("");
        if (!E164.matcher(n).matches()) {
            throw new ApiException(ErrorCode.INVALID_NUMBER,
                    "'" + printable(raw) + "' is not an E.164 phone number: + then the country code and number, e.g. +14155550100");
        }
        return n;
    }

    /** The SIP URI, or 400 {@code invalid_request}. */
    static String sipUri(String raw) {
        String s = raw == null ? "" : raw.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        boolean scheme = lower.startsWith("sip:") && s.length() > 4 || lower.startsWith("sips:") && s.length() > 5;
        if (!scheme || s.length() > MAX_SIP_URI || s.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new ApiException(ErrorCode.INVALID_REQUEST,
                    "sipUri must be a SIP URI such as sip:frontdesk@pbx.example.com (at most " + MAX_SIP_URI + " characters)");
        }
        return s;
    }

    static String printable(String s) {
        if (s == null) return "";
        String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
