package dev.switchboard.ops;

import dev.switchboard.http.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Prometheus registry and the application's own meters. Label values are bounded: message types
 * outside the known set count as {@code other}, so hostile traffic cannot explode the series count.
 */
public final class Metrics {
    private static final Set<String> KNOWN_TYPES = Set.of(
            "status-update", "transcript", "conversation-update", "speech-update", "user-interrupted", "hang",
            "transfer-update", "end-of-call-report", "assistant-request", "tool-calls", "transfer-destination-request",
            "knowledge-base-request", "handoff-destination-request", "model-output", "phone-call-control",
            "function-call", "campaign.predial");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer ingestLatency;
    private final java.util.concurrent.ConcurrentMap<String, Counter> received = new java.util.concurrent.ConcurrentHashMap<>();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        ingestLatency = Timer.builder("switchboard_webhook_ingest_seconds")
                .description("webhook receipt to durable commit")
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(1))
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    public void webhookAccepted(String provider, String type, boolean duplicate, long nanos) {
        // Looked up once per label set: building and registering a meter per webhook showed in profiles.
        received.computeIfAbsent(provider + '|' + label(type) + '|' + duplicate, k -> Counter.builder("switchboard_webhooks_received_total")
                .tag("provider", provider).tag("type", label(type)).tag("duplicate", String.valueOf(duplicate))
                .register(registry)).increment();
        ingestLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void webhookRejected(String provider, ErrorCode reason) {
        Counter.builder("switchboard_webhooks_rejected_total")
                .tag("provider", provider).tag("reason", reason.code())
                .register(registry).increment();
    }

    private static String label(String type) {
        if (type.startsWith("transcript[")) return "transcript";
        return KNOWN_TYPES.contains(type) ? type : "other";
    }
}
