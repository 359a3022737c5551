package dev.switchboard.simulator;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.http.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a body POSTed to a call's controlUrl the way Vapi's NestJS validator does: a property that is
 * not in the schema is an error ({@code property phoneNumber should not exist}, nested ones prefixed with
 * their parent: {@code destination.property foo should not exist}), reported before the field errors; a
 * missing or ill-typed field is an error in class-validator's words. Only the shapes of the issue's
 * contract are accepted. Stateless.
 */
final class ControlBodies {
    static final List<String> TYPES = List.of("say", "add-message", "control", "end-call", "transfer");
    static final List<String> CONTROLS = List.of("mute-assistant", "unmute-assistant");
    static final List<String> ROLES = List.of("assistant", "function", "user", "system", "tool");
    static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    /** Every top-level property some accepted body has: with no valid type, anything else "should not exist". */
    private static final Set<String> ANY_ROOT = Set.of("type", "content", "endCallAfterSpoken", "message",
            "triggerResponseEnabled", "control", "destination");

    private ControlBodies() {}

    /** What a valid body asks for. */
    sealed interface Action {
        /** {@code destination}: E.164, or a {@code sip:} URI. */
        record Transfer(String destination, String content) implements Action {}

        record EndCall() implements Action {}

        record Say(String content, boolean endCallAfterSpoken) implements Action {}

        record AddMessage(String role, String content, boolean triggerResponse) implements Action {}

        record Mute(boolean on) implements Action {}
    }

    /** Either an action or the validator's messages (or a JSON syntax error). */
    record Parsed(Action action, List<String> errors, String syntaxError) {
        boolean valid() {
            return action != null;
        }
    }

    static Parsed parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return new Parsed(null, List.of(), "Unexpected token in JSON body: " + e.getOriginalMessage());
        }
        List<String> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            errors.add(typeError());
            return new Parsed(null, errors, null);
        }
        String type = root.path("type").isTextual() ? root.path("type").asText() : null;
        if (type == null || !TYPES.contains(type)) {
            forbid(root, ANY_ROOT, "", errors);
            errors.add(typeError());
            return new Parsed(null, errors, null);
        }
        Action action = switch (type) {
            case "say" -> say(root, errors);
            case "add-message" -> addMessage(root, errors);
            case "control" -> control(root, errors);
            case "end-call" -> {
                forbid(root, Set.of("type"), "", errors);
                yield new Action.EndCall();
            }
            default -> transfer(root, errors);
        };
        return errors.isEmpty() ? new Parsed(action, List.of(), null) : new Parsed(null, errors, null);
    }

    private static Action say(JsonNode root, List<String> errors) {
        forbid(root, Set.of("type", "content", "endCallAfterSpoken"), "", errors);
        String content = requiredString(root, "content", "", errors);
        Boolean end = optionalBoolean(root, "endCallAfterSpoken", errors);
        return new Action.Say(content, Boolean.TRUE.equals(end));
    }

    private static Action addMessage(JsonNode root, List<String> errors) {
        forbid(root, Set.of("type", "message", "triggerResponseEnabled"), "", errors);
        JsonNode message = nested(root, "message", errors);
        String role = null;
        String content = null;
        if (message != null) {
            forbid(message, Set.of("role", "content"), "message.", errors);
            JsonNode r = message.get("role");
            if (r == null || !r.isTextual() || !ROLES.contains(r.asText())) {
                errors.add("message.role must be one of the following values: " + String.join(", ", ROLES));
            } else {
                role = r.asText();
            }
            content = requiredString(message, "content", "message.", errors);
        }
        Boolean trigger = optionalBoolean(root, "triggerResponseEnabled", errors);
        return new Action.AddMessage(role, content, trigger == null || trigger);
    }

    private static Action control(JsonNode root, List<String> errors) {
        forbid(root, Set.of("type", "control"), "", errors);
        JsonNode c = root.get("control");
        if (c == null || !c.isTextual() || !CONTROLS.contains(c.asText())) {
            errors.add("control must be one of the following values: " + String.join(", ", CONTROLS));
            return null;
        }
        return new Action.Mute(c.asText().equals("mute-assistant"));
    }

    private static Action transfer(JsonNode root, List<String> errors) {
        forbid(root, Set.of("type", "destination", "content"), "", errors);
        JsonNode d = nested(root, "destination", errors);
        String destination = null;
        if (d != null) {
            String kind = d.path("type").isTextual() ? d.path("type").asText() : null;
            if ("number".equals(kind)) {
                forbid(d, Set.of("type", "number"), "destination.", errors);
                String number = requiredString(d, "number", "destination.", errors);
                if (number != null && !E164.matcher(number).matches()) {
                    errors.add("destination.number must be a valid phone number in E.164 format (e.g. +14155550100)");
                } else {
                    destination = number;
                }
            } else if ("sip".equals(kind)) {
                forbid(d, Set.of("type", "sipUri"), "destination.", errors);
                String uri = requiredString(d, "sipUri", "destination.", errors);
                if (uri != null && !uri.regionMatches(true, 0, "sip:", 0, 4) && !uri.regionMatches(true, 0, "sips:", 0, 5)) {
                    errors.add("destination.sipUri must be a valid SIP URI (sip:…)");
                } else {
                    destination = uri;
                }
            } else {
                errors.add("destination.type must be one of the following values: number, sip");
            }
        }
        String content = null;
        JsonNode c = root.get("content");
        if (c != null && !c.isNull()) {
            if (!c.isTextual()) errors.add("content must be a string");
            else content = c.asText();
        }
        return new Action.Transfer(destination, content);
    }

    /** An object-valued field, or null with the validator's message. */
    private static JsonNode nested(JsonNode parent, String field, List<String> errors) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            errors.add(field + " should not be empty");
            return null;
        }
        if (!n.isObject()) {
            errors.add("nested property " + field + " must be either object or array");
            return null;
        }
        return n;
    }

    private static String requiredString(JsonNode parent, String field, String prefix, List<String> errors) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual()) {
            errors.add(prefix + field + " must be a string");
            return null;
        }
        if (n.asText().isBlank()) {
            errors.add(prefix + field + " should not be empty");
            return null;
        }
        return n.asText();
    }

    private static Boolean optionalBoolean(JsonNode parent, String field, List<String> errors) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isBoolean()) {
            errors.add(field + " must be a boolean value");
            return null;
        }
        return n.asBoolean();
    }

    private static void forbid(JsonNode object, Set<String> allowed, String prefix, List<String> errors) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) errors.add(prefix + "property " + name + " should not exist");
        }
    }

    private static String typeError() {
        return "type must be one of the following values: " + String.join(", ", TYPES);
    }
}
