package dev.switchboard.simulator;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorUrlsTest {

    @Test
    void monitorUrlsFollowTheTargetsSchemeAndRecordingsTheRecordingRoute() {
        SimulatorUrls plain = SimulatorUrls.of(URI.create("http://127.0.0.1:8000/"));
        assertThat(plain.listen("c1")).isEqualTo("ws://127.0.0.1:8000/simulator/calls/c1/listen");
        assertThat(plain.control("c1")).isEqualTo("http://127.0.0.1:8000/simulator/calls/c1/control");
        assertThat(plain.recording("c1")).isEqualTo("http://127.0.0.1:8000/simulator/recordings/c1.wav");
        assertThat(plain.stereoRecording("c1")).isEqualTo("http://127.0.0.1:8000/simulator/recordings/c1-stereo.wav");

        SimulatorUrls tls = SimulatorUrls.of(URI.create("https://sb.example.com"));
        assertThat(tls.listen("c1")).startsWith("wss://sb.example.com/");
    }

    @Test
    void recordingsCanUseThePublicAddressWhileMonitorUrlsKeepTheTarget() {
        SimulatorUrls urls = SimulatorUrls.of(URI.create("http://127.0.0.1:8000"), URI.create("https://demo.example.com/"));
        assertThat(urls.recording("c1")).isEqualTo("https://demo.example.com/simulator/recordings/c1.wav");
        assertThat(urls.listen("c1")).startsWith("ws://127.0.0.1:8000/");
    }
}
