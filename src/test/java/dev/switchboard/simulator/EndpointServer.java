package dev.switchboard.simulator;

import io.javalin.Javalin;

import java.net.URI;

/**
 * The simulator's monitor endpoints on a Javalin of their own (wired exactly as App wires them in demo
 * mode), so these tests do not depend on App's routes.
 */
final class EndpointServer implements AutoCloseable {
    private final Javalin server;

    EndpointServer(VapiSimulator simulator) {
        SimulatorEndpoints endpoints = new SimulatorEndpoints(simulator);
        server = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            c.routes.wsBeforeUpgrade("/simulator/calls/{callId}/listen", endpoints::beforeListen);
            c.routes.ws("/simulator/calls/{callId}/listen", endpoints::listen);
            c.routes.post("/simulator/calls/{callId}/control", endpoints::control);
        }).start();
    }

    URI listen(String callId) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/simulator/calls/" + callId + "/listen");
    }

    URI control(String callId) {
        return URI.create("http://127.0.0.1:" + server.port() + "/simulator/calls/" + callId + "/control");
    }

    @Override
    public void close() {
        server.stop();
    }
}
