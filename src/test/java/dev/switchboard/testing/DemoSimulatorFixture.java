package dev.switchboard.testing;

import dev.switchboard.simulator.SimulatedCall;
import dev.switchboard.simulator.SimulatorCallOptions;
import dev.switchboard.simulator.VapiSimulator;
import dev.switchboard.simulator.script.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

/**
 * One Switchboard in demo mode per test class, for tenants {@code t1} and {@code t2}, with its simulator
 * idle: each test starts the calls it needs with {@link #start}, and they are hung up after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DemoSimulatorFixture {
    protected TestApp app;
    protected VapiSimulator sim;
    private final List<SimulatedCall> started = new ArrayList<>();

    @BeforeAll
    void startDemo() {
        app = TestApp.demo("t1", "t2");
        sim = app.app.simulator();
    }

    @AfterEach
    void hangUpStartedCalls() {
        started.forEach(SimulatedCall::hangUp);
        started.clear();
    }

    @AfterAll
    void stopDemo() {
        if (app != null) app.close();
    }

    /** Starts a call now; it is hung up after the test. */
    protected SimulatedCall start(String tenant, Scenario scenario, SimulatorCallOptions options) {
        SimulatedCall call = sim.startCall(tenant, scenario, options);
        started.add(call);
        return call;
    }
}
