package dev.switchboard.simulator;

import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedRecordingsTest {
    static final String ID = "019aa9bb-2c4e-4d1a-9f00-0123456789ab";
    final SimulatedRecordings recordings = new SimulatedRecordings();

    record Wav(int channels, int sampleRate, int bits, short[] samples) {
        double seconds() {
            return samples.length / (double) channels / sampleRate;
        }
    }

    static Wav read(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(b.getInt(4)).isEqualTo(bytes.length - 8);
        assertThat(new String(bytes, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
        assertThat(b.getInt(16)).isEqualTo(16);
        assertThat(b.getShort(20)).isEqualTo((short) 1); // PCM
        int channels = b.getShort(22);
        int rate = b.getInt(24);
        int bits = b.getShort(34);
        assertThat(b.getInt(28)).isEqualTo(rate * channels * bits / 8);
        assertThat(new String(bytes, 36, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
        int dataBytes = b.getInt(40);
        assertThat(dataBytes).isEqualTo(bytes.length - 44);
        short[] samples = new short[dataBytes / 2];
        b.position(44);
        b.asShortBuffer().get(samples);
        return new Wav(channels, rate, bits, samples);
    }

    @Test
    void aRecordingIsAMono16Bit8KhzWavOfFiveToTwentySecondsThatSoundsLikeSpeechWithPauses() {
        Wav wav = read(recordings.render(ID + ".wav").orElseThrow());
        assertThat(wav.channels()).isEqualTo(1);
        assertThat(wav.sampleRate()).isEqualTo(8000);
        assertThat(wav.bits()).isEqualTo(16);
        assertThat(wav.seconds()).isBetween(5.0, 20.0);

        int window = 800; // 100 ms
        int loud = 0;
        int quiet = 0;
        for (int w = 0; w + window <= wav.samples().length; w += window) {
            double sum = 0;
            for (int i = w; i < w + window; i++) sum += (double) wav.samples()[i] * wav.samples()[i];
            double rms = Math.sqrt(sum / window);
            if (rms > 1000) loud++;
            if (rms < 50) quiet++;
        }
        assertThat(loud).as("windows with speech").isGreaterThan(10);
        assertThat(quiet).as("pauses between turns").isGreaterThan(2);
    }

    @Test
    void theSameCallAlwaysSoundsTheSameAndAnotherCallDifferent() {
        byte[] a = recordings.render(ID + ".wav").orElseThrow();
        assertThat(new SimulatedRecordings().render(ID + ".wav").orElseThrow()).isEqualTo(a);
        assertThat(recordings.render("019aa9bb-2c4e-4d1a-9f00-0123456789ac.wav").orElseThrow()).isNotEqualTo(a);
    }

    @Test
    void theStereoFileHasTheCustomerAndTheAssistantOnTheirOwnChannels() {
        Wav stereo = read(recordings.render(ID + "-stereo.wav").orElseThrow());
        Wav mono = read(recordings.render(ID + ".wav").orElseThrow());
        assertThat(stereo.channels()).isEqualTo(2);
        assertThat(stereo.seconds()).isEqualTo(mono.seconds());
        Wav assistant = read(recordings.render(ID + "-assistant.wav").orElseThrow());
        Wav customer = read(recordings.render(ID + "-customer.wav").orElseThrow());
        assertThat(assistant.samples()).isNotEqualTo(customer.samples());
        assertThat(assistant.samples().length).isEqualTo(mono.samples().length);
    }

    @Test
    void anythingButASimulatedRecordingNameIsRejected() {
        for (String bad : new String[]{"../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "../" + ID + ".wav", ID + "/../x.wav",
                ID + ".mp3", ID, ID.toUpperCase() + ".wav", ID + "-left.wav", "x" + ID + ".wav", ID + ".wav\u0000", "",
                "abc.wav", ID + ".wav/"}) {
            assertThat(recordings.render(bad)).as(bad).isEmpty();
        }
        assertThat(recordings.render(null)).isEmpty();
    }

    @Test
    void itIsServedOverHttpWithRangesAndAnswers404ForBadNames() throws Exception {
        Javalin server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            c.routes.get("/simulator/recordings/{file}", recordings::serve);
        }).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port() + "/simulator/recordings/";
            HttpResponse<byte[]> ok = http.send(HttpRequest.newBuilder(URI.create(base + ID + ".wav")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("audio/wav"));
            assertThat(ok.body()).isEqualTo(recordings.render(ID + ".wav").orElseThrow());

            HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(URI.create(base + ID + ".wav"))
                    .header("Range", "bytes=0-43").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(range.statusCode()).isEqualTo(206);

            for (String bad : new String[]{"..%2F..%2Fetc%2Fpasswd", "nope.wav", ID + ".txt", "%2e%2e"}) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + bad)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(bad).isEqualTo(404);
                assertThat(r.body()).as(bad).contains("not_found");
            }
        } finally {
            server.stop();
        }
    }
}
