package dev.switchboard.simulator;

import java.net.URI;

/**
 * The URLs a simulated call advertises, all on the Switchboard the simulator posts to: recordings
 * (served in demo mode by {@link SimulatedRecordings}) and the {@code monitor} listen/control URLs, which
 * mirror Vapi's {@code …/<callId>/listen} and {@code …/<callId>/control} shape. Listen and control are
 * used by the server, so they use the target; recordings are fetched by browsers, so they may use a
 * separate public base.
 */
public record SimulatorUrls(String httpBase, String wsBase, String recordingsBase) {
    public static final String RECORDINGS_PATH = "/simulator/recordings/";

    public static SimulatorUrls of(URI target) {
        return of(target, null);
    }

    /**
     * @param publicBase where browsers reach this Switchboard, for the recording URLs (the webhook target
     *                   is often a loopback address only the server itself can use); null = the target
     */
    public static SimulatorUrls of(URI target, URI publicBase) {
        String http = trim(target);
        String ws = http.replaceFirst("^http", "ws"); // http→ws, https→wss
        return new SimulatorUrls(http, ws, publicBase == null ? http : trim(publicBase));
    }

    private static String trim(URI uri) {
        return uri.toString().replaceAll("/+$", "");
    }

    public String recording(String callId) {
        return recordingsBase + RECORDINGS_PATH + callId + ".wav";
    }

    public String stereoRecording(String callId) {
        return recordingsBase + RECORDINGS_PATH + callId + "-stereo.wav";
    }

    public String listen(String callId) {
        return wsBase + "/simulator/calls/" + callId + "/listen";
    }

    public String control(String callId) {
        return httpBase + "/simulator/calls/" + callId + "/control";
    }
}
