package dev.switchboard.simulator;

import java.net.URI;
import java.util.List;

/**
 * The built-in fake Vapi: produces realistic calls and posts their server messages as real HTTP webhooks
 * to a Switchboard (its own server in demo mode, any URL from the command line).
 */
public final class VapiSimulator implements AutoCloseable {
    private final URI target;
    private final List<String> tenants;
    private final double callsPerMinute;
    private final double pace;

    public VapiSimulator(URI target, List<String> tenants, double callsPerMinute, double pace, long seed) {
        this.target = target;
        this.tenants = List.copyOf(tenants);
        this.callsPerMinute = callsPerMinute;
        this.pace = pace;
    }

    public void start() {
        // Filled in by the simulator work.
    }

    @Override
    public void close() {
    }
}
