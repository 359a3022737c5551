package dev.switchboard.simulator;

/**
 * One body POSTed to a simulated call's controlUrl and how it was answered, for tests
 * ({@link VapiSimulator#controlLog}).
 *
 * @param atMillis when it arrived (epoch ms)
 * @param body     the raw body as received
 * @param status   the HTTP status answered (200, 400, 401 or 404)
 * @param response the JSON answered
 */
public record ControlRecord(long atMillis, String body, int status, String response) {}
