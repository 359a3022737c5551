package dev.switchboard.webhook.vapi;

import com.fasterxml.jackson.core.filter.TokenFilter;

import java.util.HashMap;
import java.util.Map;

/**
 * The parts of a Vapi server message that {@link VapiParser} reads, as a Jackson {@link TokenFilter}: the
 * message is parsed through it, so only these parts become a tree. Everything else is still tokenized (a
 * malformed body is rejected wherever the fault is) but never materialized. Real messages carry the whole
 * assistant (system prompt, model, voice, tools) and the transcript two or three times over; building a tree of
 * all of it was over a quarter of the request threads' Java time, and on the provider's sample messages parsing
 * through this filter takes half as long.
 *
 * <p>A field listed here but holding an unexpected shape (an array where an object is expected) keeps its
 * shape, and objects and arrays on a listed path are kept even when nothing inside them is: the parser sees the
 * same types and sizes as in the whole tree. {@code VapiFieldsTest} checks that every fixture parses to the
 * same result either way. A field the parser starts reading must be added here.
 */
final class VapiFields extends TokenFilter {
    private static final TokenFilter ALL = TokenFilter.INCLUDE_ALL;

    /** Filters for an object's listed properties (others are skipped), or null for none. */
    private final Map<String, TokenFilter> properties;
    /** The filter for an array's elements, or null when elements are skipped. */
    private final TokenFilter elements;

    private VapiFields(Map<String, TokenFilter> properties, TokenFilter elements) {
        this.properties = properties;
        this.elements = elements;
    }

    private static VapiFields object(Map<String, TokenFilter> properties) {
        return new VapiFields(properties, null);
    }

    /** An object of which only the named fields are kept, each whole. */
    private static VapiFields object(String... names) {
        Map<String, TokenFilter> properties = new HashMap<>();
        for (String name : names) properties.put(name, ALL);
        return object(Map.copyOf(properties));
    }

    private static VapiFields arrayOf(TokenFilter element) {
        return new VapiFields(Map.of(), element);
    }

    /** Spoken turns: {@code VapiParser.utterances}. */
    private static final VapiFields TURNS = arrayOf(object("role", "message", "content", "time", "secondsFromStart"));

    private static final VapiFields ARTIFACT = object(Map.of(
            "messages", TURNS,
            "recording", object(Map.of("stereoUrl", ALL, "mono", object("combinedUrl"))),
            "recordingUrl", ALL,
            "stereoRecordingUrl", ALL));

    private static final VapiFields CALL = object(Map.ofEntries(
            Map.entry("id", ALL), Map.entry("status", ALL), Map.entry("type", ALL), Map.entry("assistantId", ALL),
            Map.entry("customer", object("number")), Map.entry("phoneNumber", object("number")),
            Map.entry("assistant", object("id", "name")), Map.entry("monitor", object("listenUrl", "controlUrl")),
            Map.entry("createdAt", ALL), Map.entry("startedAt", ALL), Map.entry("endedAt", ALL),
            Map.entry("endedReason", ALL), Map.entry("cost", ALL), Map.entry("costs", ALL), Map.entry("costBreakdown", ALL),
            Map.entry("analysis", ALL), Map.entry("artifact", ARTIFACT), Map.entry("destination", ALL),
            Map.entry("recordingUrl", ALL), Map.entry("stereoRecordingUrl", ALL)));

    /** Tool calls to decline: {@code VapiReplies.toolResults}. */
    private static final VapiFields TOOL_CALLS = arrayOf(object(Map.of("id", ALL, "function", object("name"))));

    private static final VapiFields MESSAGE = object(Map.ofEntries(
            Map.entry("type", ALL), Map.entry("timestamp", ALL), Map.entry("call", CALL),
            Map.entry("customer", object("number")), Map.entry("phoneNumber", object("number")),
            Map.entry("assistant", object("id", "name")),
            // status-update, transcript, speech-update, transfer-update
            Map.entry("status", ALL), Map.entry("endedReason", ALL), Map.entry("destination", ALL), Map.entry("role", ALL),
            Map.entry("transcript", ALL), Map.entry("transcriptType", ALL), Map.entry("turn", ALL),
            // conversation-update and end-of-call-report
            Map.entry("messages", TURNS), Map.entry("artifact", ARTIFACT), Map.entry("analysis", ALL),
            Map.entry("costs", ALL), Map.entry("costBreakdown", ALL), Map.entry("cost", ALL), Map.entry("summary", ALL),
            Map.entry("startedAt", ALL), Map.entry("endedAt", ALL),
            Map.entry("recordingUrl", ALL), Map.entry("stereoRecordingUrl", ALL),
            // requests that get an answer
            Map.entry("toolCallList", TOOL_CALLS), Map.entry("toolCalls", TOOL_CALLS)));

    /** The filter for a whole body: {@code {"message": {…}}}. */
    static final TokenFilter ROOT = object(Map.of("message", MESSAGE));

    @Override
    public TokenFilter includeProperty(String name) {
        return properties.get(name);
    }

    @Override
    public TokenFilter includeElement(int index) {
        return elements;
    }

    @Override
    public boolean includeEmptyObject(boolean contentsFiltered) {
        return true;
    }

    @Override
    public boolean includeEmptyArray(boolean contentsFiltered) {
        return true;
    }
}
