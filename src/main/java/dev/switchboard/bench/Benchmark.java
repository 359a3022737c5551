package dev.switchboard.bench;

import java.io.PrintStream;

/** {@code switchboard bench …}: ingestion and live-delivery benchmark that prints a table. */
public final class Benchmark {
    private Benchmark() {}

    public static int run(String[] args, PrintStream out) {
        out.println("bench: not available yet");
        return 2;
    }
}
