package dev.switchboard.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.http.Json;

/**
 * One supervisor command, validated, with the exact body Vapi's {@code controlUrl} accepts for it
 * ({@code ../shared/providers/vapi.md} §6.3). Vapi rejects any property outside its schema, so the bodies
 * carry nothing else.
 */
sealed interface ControlCommand {
    /** The audit's name for it: transfer, end, say, whisper, mute, unmute. */
    String action();

    /** The bare control object (no {@code {"message":…}} wrapper). */
    ObjectNode providerBody();

    /** What the audit records about it. */
    ObjectNode parameters();

    /**
     * {@code {"type":"transfer","destination":{"type":"number","number":…}|{"type":"sip","sipUri":…},"content":…}};
     * {@code content} (spoken before the transfer) only when there is a message.
     */
    record Transfer(String number, String sipUri, String message, Long targetId, String targetName) implements ControlCommand {
        @Override
        public String action() {
            return "transfer";
        }

        @Override
        public ObjectNode providerBody() {
            ObjectNode body = object().put("type", "transfer");
            ObjectNode destination = body.putObject("destination");
            if (number != null) {
                destination.put("type", "number").put("number", number);
            } else {
                destination.put("type", "sip").put("sipUri", sipUri);
            }
            if (message != null) body.put("content", message);
            return body;
        }

        @Override
        public ObjectNode parameters() {
            ObjectNode p = object();
            if (targetId != null) p.put("targetId", targetId).put("targetName", targetName);
            if (number != null) p.put("number", number);
            if (sipUri != null) p.put("sipUri", sipUri);
            if (message != null) p.put("message", message);
            return p;
        }
    }

    /** {@code {"type":"end-call"}}. */
    record EndCall() implements ControlCommand {
        @Override
        public String action() {
            return "end";
        }

        @Override
        public ObjectNode providerBody() {
            return object().put("type", "end-call");
        }

        @Override
        public ObjectNode parameters() {
            return object();
        }
    }

    /** {@code {"type":"say","content":…,"endCallAfterSpoken":…}}. */
    record Say(String text, boolean endCallAfterSpoken) implements ControlCommand {
        @Override
        public String action() {
            return "say";
        }

        @Override
        public ObjectNode providerBody() {
            return object().put("type", "say").put("content", text).put("endCallAfterSpoken", endCallAfterSpoken);
        }

        @Override
        public ObjectNode parameters() {
            return object().put("text", text).put("endCallAfterSpoken", endCallAfterSpoken);
        }
    }

    /**
     * A system message the assistant reads and the caller does not hear:
     * {@code {"type":"add-message","message":{"role":"system","content":…},"triggerResponseEnabled":false}}.
     */
    record Whisper(String text) implements ControlCommand {
        @Override
        public String action() {
            return "whisper";
        }

        @Override
        public ObjectNode providerBody() {
            ObjectNode body = object().put("type", "add-message");
            body.putObject("message").put("role", "system").put("content", text);
            return body.put("triggerResponseEnabled", false);
        }

        @Override
        public ObjectNode parameters() {
            return object().put("text", text);
        }
    }

    /** {@code {"type":"control","control":"mute-assistant"|"unmute-assistant"}}. */
    record Mute(boolean mute) implements ControlCommand {
        @Override
        public String action() {
            return mute ? "mute" : "unmute";
        }

        @Override
        public ObjectNode providerBody() {
            return object().put("type", "control").put("control", mute ? "mute-assistant" : "unmute-assistant");
        }

        @Override
        public ObjectNode parameters() {
            return object();
        }
    }

    private static ObjectNode object() {
        return Json.MAPPER.createObjectNode();
    }
}
