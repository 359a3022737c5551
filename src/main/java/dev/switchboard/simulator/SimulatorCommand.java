package dev.switchboard.simulator;

import java.io.PrintStream;

/** {@code switchboard simulate …}: the simulator as a load generator against any Switchboard URL. */
public final class SimulatorCommand {
    private SimulatorCommand() {}

    public static int run(String[] args, PrintStream out) {
        out.println("simulate: not available yet");
        return 2;
    }
}
