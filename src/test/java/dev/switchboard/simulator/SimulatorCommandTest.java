package dev.switchboard.simulator;

import dev.switchboard.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorCommandTest {

    record Result(int exit, String out) {}

    static Result run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = SimulatorCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Result(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badArgumentsExitWith2AndSayWhatIsWrong() {
        assertBadUsage(run("--frobnicate", "1"), "unknown option '--frobnicate'");
        assertBadUsage(run("--pace", "fast"), "--pace must be a number (got 'fast')");
        assertBadUsage(run("--pace", "0"), "--pace must be greater than 0");
        assertBadUsage(run("--calls-per-minute", "-3"), "--calls-per-minute must be greater than 0");
        assertBadUsage(run("--duration", "NaN"), "--duration must be greater than 0");
        assertBadUsage(run("--seed", "1.5"), "--seed must be a whole number");
        assertBadUsage(run("--target", "localhost:8000"), "--target must be an http(s) base URL");
        assertBadUsage(run("--target", "ftp://example.com"), "--target must be an http(s) base URL");
        assertBadUsage(run("--tenants", "Acme Corp"), "'Acme Corp' is not a valid tenant id");
        assertBadUsage(run("--tenants", ","), "--tenants needs at least one tenant id");
        assertBadUsage(run("--duration"), "--duration needs a value");
        assertBadUsage(run("stray"), "unexpected argument 'stray'");
    }

    private static void assertBadUsage(Result r, String message) {
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains(message).contains("Usage:").contains("--calls-per-minute");
    }

    @Test
    void helpPrintsTheOptionsAndSucceeds() {
        Result r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--target URL").contains("--seed N");
    }

    @Test
    void optionsAcceptTheNameEqualsValueFormToo() throws Exception {
        SimulatorArgs a = SimulatorArgs.parse(new String[]{"--pace=20", "--tenants=a,b,a", "--seed", "9",
                "--target", "https://sb.example.com/"});
        assertThat(a.pace()).isEqualTo(20);
        assertThat(a.tenants()).containsExactly("a", "b");
        assertThat(a.seed()).isEqualTo(9);
        assertThat(a.callsPerMinute()).isEqualTo(6);
        assertThat(a.durationSeconds()).isNull();
        assertThat(a.target().getHost()).isEqualTo("sb.example.com");
    }

    @Test
    void anUnreachableTargetIsAClearErrorBeforeAnythingIsSent() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Result r = run("--target", "http://127.0.0.1:" + port, "--duration", "1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("cannot reach Switchboard at http://127.0.0.1:" + port).contains("Is it running?");
    }

    @Test
    void aTenantTheTargetDoesNotHaveIsAClearError() {
        try (TestApp app = TestApp.sqlite("t1")) {
            Result r = run("--target", app.base().toString(), "--tenants", "t1,nope", "--duration", "1");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("has no tenant nope").contains("tenant create nope");
        }
    }

    @Test
    void aShortFastRunAgainstARealSwitchboardPrintsASummaryAndExits0() {
        try (TestApp app = TestApp.sqlite("t1", "t2")) {
            Result r = run("--target", app.base().toString(), "--tenants", "t1,t2", "--calls-per-minute", "300",
                    "--pace", "50", "--duration", "2", "--seed", "5");
            assertThat(r.exit()).as(r.out()).isZero();
            assertThat(r.out()).contains("against " + app.base()).contains("simulate: done after").contains(" 0 failed");
            assertThat(app.getJson("/api/t1/calls")).isNotEmpty();
        }
    }
}
