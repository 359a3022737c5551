package dev.switchboard.simulator;

import dev.switchboard.simulator.ControlBodies.Action;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The controlUrl's validator, word for word (NestJS class-validator with forbidNonWhitelisted). */
class ControlBodiesTest {

    static Action valid(String body) {
        ControlBodies.Parsed p = ControlBodies.parse(body);
        assertThat(p.errors()).as(body).isEmpty();
        return p.action();
    }

    static Object errors(String body) {
        ControlBodies.Parsed p = ControlBodies.parse(body);
        assertThat(p.valid()).as(body).isFalse();
        return p.errors();
    }

    @Test
    void theContractsFiveShapesAreAccepted() {
        assertThat(valid("{\"type\":\"transfer\",\"destination\":{\"type\":\"number\",\"number\":\"+14155550100\"},\"content\":\"Transferring you now\"}"))
                .isEqualTo(new Action.Transfer("+14155550100", "Transferring you now"));
        assertThat(valid("{\"type\":\"transfer\",\"destination\":{\"type\":\"number\",\"number\":\"+14155550100\"}}"))
                .isEqualTo(new Action.Transfer("+14155550100", null));
        assertThat(valid("{\"type\":\"transfer\",\"destination\":{\"type\":\"sip\",\"sipUri\":\"sip:desk@pbx.example.com\"}}"))
                .isEqualTo(new Action.Transfer("sip:desk@pbx.example.com", null));
        assertThat(valid("{\"type\":\"end-call\"}")).isEqualTo(new Action.EndCall());
        assertThat(valid("{\"type\":\"say\",\"content\":\"Hello there\",\"endCallAfterSpoken\":false}")).isEqualTo(new Action.Say("Hello there", false));
        assertThat(valid("{\"type\":\"say\",\"content\":\"Bye\",\"endCallAfterSpoken\":true}")).isEqualTo(new Action.Say("Bye", true));
        assertThat(valid("{\"type\":\"say\",\"content\":\"Hi\"}")).isEqualTo(new Action.Say("Hi", false));
        assertThat(valid("{\"type\":\"add-message\",\"message\":{\"role\":\"system\",\"content\":\"Be brief\"},\"triggerResponseEnabled\":false}"))
                .isEqualTo(new Action.AddMessage("system", "Be brief", false));
        assertThat(valid("{\"type\":\"add-message\",\"message\":{\"role\":\"system\",\"content\":\"Be brief\"}}"))
                .isEqualTo(new Action.AddMessage("system", "Be brief", true));
        assertThat(valid("{\"type\":\"control\",\"control\":\"mute-assistant\"}")).isEqualTo(new Action.Mute(true));
        assertThat(valid("{\"type\":\"control\",\"control\":\"unmute-assistant\"}")).isEqualTo(new Action.Mute(false));
    }

    @Test
    void unknownPropertiesShouldNotExistAndComeBeforeFieldErrors() {
        assertThat(errors("{\"action\":\"transfer\",\"phoneNumber\":\"+14155550100\"}")).asList().containsExactly(
                "property action should not exist", "property phoneNumber should not exist",
                "type must be one of the following values: say, add-message, control, end-call, transfer");
        assertThat(errors("{\"type\":\"transfer\",\"number\":\"+14155550100\"}")).asList()
                .containsExactly("property number should not exist", "destination should not be empty");
        assertThat(errors("{\"type\":\"transfer\",\"destinations\":[{\"type\":\"number\",\"number\":\"+14155550100\"}]}")).asList()
                .containsExactly("property destinations should not exist", "destination should not be empty");
        assertThat(errors("{\"type\":\"transfer\",\"destination\":{\"type\":\"number\",\"number\":\"+14155550100\",\"extension\":\"12\"}}")).asList()
                .containsExactly("destination.property extension should not exist");
        assertThat(errors("{\"type\":\"say\",\"message\":\"Hello\"}")).asList()
                .containsExactly("property message should not exist", "content must be a string");
        assertThat(errors("{\"type\":\"end-call\",\"reason\":\"x\"}")).asList().containsExactly("property reason should not exist");
        assertThat(errors("{\"type\":\"add-message\",\"message\":{\"role\":\"system\",\"content\":\"x\",\"name\":\"boss\"}}")).asList()
                .containsExactly("message.property name should not exist");
    }

    @Test
    void missingOrIllTypedFieldsAreNamed() {
        assertThat(errors("{\"type\":\"transfer\",\"destination\":{\"type\":\"number\",\"number\":\"415-555-0100\"}}")).asList()
                .containsExactly("destination.number must be a valid phone number in E.164 format (e.g. +14155550100)");
        assertThat(errors("{\"type\":\"transfer\",\"destination\":{\"type\":\"phone\",\"number\":\"+14155550100\"}}")).asList()
                .containsExactly("destination.type must be one of the following values: number, sip");
        assertThat(errors("{\"type\":\"transfer\",\"destination\":{\"type\":\"sip\",\"sipUri\":\"desk@pbx\"}}")).asList()
                .containsExactly("destination.sipUri must be a valid SIP URI (sip:…)");
        assertThat(errors("{\"type\":\"transfer\",\"destination\":\"+14155550100\"}")).asList()
                .containsExactly("nested property destination must be either object or array");
        assertThat(errors("{\"type\":\"hangup\"}")).asList()
                .containsExactly("type must be one of the following values: say, add-message, control, end-call, transfer");
        assertThat(errors("{}")).asList().containsExactly("type must be one of the following values: say, add-message, control, end-call, transfer");
        assertThat(errors("{\"type\":\"say\",\"content\":\"\"}")).asList().containsExactly("content should not be empty");
        assertThat(errors("{\"type\":\"say\",\"content\":\"Hi\",\"endCallAfterSpoken\":\"no\"}")).asList()
                .containsExactly("endCallAfterSpoken must be a boolean value");
        assertThat(errors("{\"type\":\"control\",\"control\":\"mute-customer\"}")).asList()
                .containsExactly("control must be one of the following values: mute-assistant, unmute-assistant");
        assertThat(errors("{\"type\":\"add-message\",\"message\":{\"role\":\"boss\"}}")).asList().containsExactly(
                "message.role must be one of the following values: assistant, function, user, system, tool", "message.content must be a string");
        assertThat(errors("[1,2]")).asList().containsExactly("type must be one of the following values: say, add-message, control, end-call, transfer");
    }

    @Test
    void unreadableJsonIsASyntaxError() {
        ControlBodies.Parsed p = ControlBodies.parse("{\"type\":");
        assertThat(p.valid()).isFalse();
        assertThat(p.syntaxError()).startsWith("Unexpected token in JSON body");
    }
}
