package dev.switchboard.bench;

import dev.switchboard.simulator.VapiMessages;
import dev.switchboard.simulator.VapiMessages.CallInfo;
import dev.switchboard.simulator.VapiMessages.Report;
import dev.switchboard.simulator.VapiMessages.Turn;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Realistic webhook sequences of whole calls, built per call by the simulator's {@link VapiMessages} (so each
 * call has its own start time, as real calls do) as templates with two placeholders filled per send: the call
 * id and the provider timestamp, which is set to the wall-clock send time so the dashboard side can measure
 * delivery latency.
 */
final class CallScripts {
    static final String CALL_ID = "cccccccc-0000-4000-8000-cccccccccccc";
    static final String TS = "9999999999999";
    private static final long TS_VALUE = 9_999_999_999_999L;

    private static final String[][] DIALOGUE = {
            {"assistant", "Thanks for calling Bright Smile Dental, this is Riley. How can I help you today?"},
            {"user", "Hi, I need to move my cleaning appointment from Tuesday to later in the week if possible."},
            {"assistant", "Of course. I can see Thursday at ten thirty or Friday at two fifteen. Which works better?"},
            {"user", "Friday at two fifteen is perfect, thank you."},
            {"assistant", "Done. You're booked for Friday at two fifteen. You'll get a text confirmation shortly."},
    };

    /** One call's messages in send order; {@link #render} fills the placeholders. */
    record Script(List<String> templates) {}

    static Script realisticCall(long createdAt) {
        CallInfo call = new CallInfo(CALL_ID, "inboundPhoneCall", "+14155550123", "+14155550100", "asst-riley",
                "Riley (Reception)", createdAt, "wss://bench.invalid/" + CALL_ID + "/listen",
                "https://bench.invalid/" + CALL_ID + "/control");
        List<String> out = new ArrayList<>();
        out.add(VapiMessages.statusUpdate(call, "ringing", TS_VALUE, null, null));
        out.add(VapiMessages.statusUpdate(call, "in-progress", TS_VALUE, null, null));
        List<Turn> history = new ArrayList<>();
        long t = call.createdAt();
        for (int i = 0; i < DIALOGUE.length; i++) {
            String role = DIALOGUE[i][0];
            String text = DIALOGUE[i][1];
            out.add(VapiMessages.speechUpdate(call, role, "started", i, TS_VALUE));
            out.add(VapiMessages.transcript(call, role, false, text.substring(0, text.length() / 3), TS_VALUE));
            out.add(VapiMessages.transcript(call, role, false, text.substring(0, 2 * text.length() / 3), TS_VALUE));
            out.add(VapiMessages.transcript(call, role, true, text, TS_VALUE));
            out.add(VapiMessages.speechUpdate(call, role, "stopped", i, TS_VALUE));
            history.add(new Turn(role, text, t, t + 3000, (t - call.createdAt()) / 1000.0));
            t += 3500;
            out.add(VapiMessages.conversationUpdate(call, List.copyOf(history), TS_VALUE));
        }
        out.add(VapiMessages.statusUpdate(call, "ended", TS_VALUE, "customer-ended-call", null));
        out.add(VapiMessages.endOfCallReport(call, new Report("customer-ended-call", call.createdAt(), t, 0.0873,
                "The caller moved a cleaning from Tuesday to Friday 2:15pm; confirmation sent by text.",
                Map.of("booked", true, "appointment_day", "Friday", "nps_score", 9), "true",
                "https://recordings.bench.invalid/" + CALL_ID + ".wav", "https://recordings.bench.invalid/" + CALL_ID + "-stereo.wav",
                null), history, TS_VALUE));
        return new Script(List.copyOf(out));
    }

    static byte[] render(String template, String callId, long nowMillis) {
        return template.replace(CALL_ID, callId).replace(TS, Long.toString(nowMillis)).getBytes(StandardCharsets.UTF_8);
    }

    private CallScripts() {}
}
