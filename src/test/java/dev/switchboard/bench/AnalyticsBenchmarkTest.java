package dev.switchboard.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void fillingAnEmptyDatabaseGeneratesAHistoryAndPrintsATimedRowForEveryView() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = AnalyticsBenchmark.run(new String[] {"--data-dir", dir.toString(), "--fill", "400", "--tenants", "3", "--rounds", "1"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isZero();
        assertThat(out).contains("generated 400 calls", "400 calls, 3 tenants with calls")
                .containsPattern("\\| 30-day view \\(summary \\+ trend \\+ hourly\\), per tenant \\| 3 \\| [0-9.]+ ms")
                .containsPattern("\\| agency overview, all 3 tenants \\| 1 \\|");
    }

    @Test
    void anUnknownOptionPrintsTheUsageAndExitsWithTwo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThat(AnalyticsBenchmark.run(new String[] {"--fil", "3"}, new PrintStream(bytes, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("unknown option --fil", "usage:");
    }
}
