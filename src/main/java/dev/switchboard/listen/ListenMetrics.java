package dev.switchboard.listen;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The relay's meters. {@code switchboard_listen_relay_seconds} is the time from an upstream frame being
 * received to Jetty having written it to one listener's socket (once per listener), the relay's added
 * latency as the benchmark reports it. Thread-safe.
 */
final class ListenMetrics {
    final Timer relay;
    final Counter relayed;
    final Counter dropped;
    final Counter upstreamConnects;
    final AtomicInteger sessions = new AtomicInteger();
    final AtomicInteger upstreams = new AtomicInteger();

    ListenMetrics(MeterRegistry registry) {
        relay = Timer.builder("switchboard_listen_relay_seconds")
                .description("upstream audio frame received to written to a listener's socket")
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(1))
                .register(registry);
        relayed = Counter.builder("switchboard_listen_frames_relayed_total")
                .description("audio frames handed to listener sockets (one per listener)").register(registry);
        dropped = Counter.builder("switchboard_listen_frames_dropped_total")
                .description("audio frames dropped for listeners that fell behind").register(registry);
        upstreamConnects = Counter.builder("switchboard_listen_upstream_connects_total")
                .description("connections opened to providers' listen URLs").register(registry);
        Gauge.builder("switchboard_listen_sessions", sessions, AtomicInteger::get)
                .description("open listen sockets (browsers listening to a call)").register(registry);
        Gauge.builder("switchboard_listen_upstreams", upstreams, AtomicInteger::get)
                .description("open connections to providers' listen URLs (one per listened call)").register(registry);
    }
}
