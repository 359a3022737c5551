package dev.switchboard.webhook;

import dev.switchboard.call.CallEvent;

import java.util.List;

/**
 * A provider message after parsing: its type, the call it is about (if any), the key that makes a
 * redelivery a no-op, the normalized events, and the body to answer with (request types expect one).
 */
public record ParsedWebhook(String provider, String type, String callId, String dedupeKey, List<CallEvent> events, Object reply) {}
