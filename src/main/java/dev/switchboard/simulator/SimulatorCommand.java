package dev.switchboard.simulator;


import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code switchboard simulate …}: the simulator as a load generator against any Switchboard URL. Checks
 * that the target answers (and knows the tenants) before sending anything, prints a progress line every
 * few seconds and a summary at the end. Exit codes: 0 done, 1 the target is not usable, 2 bad usage.
 */
public final class SimulatorCommand {
    static final String USAGE = """
            Usage: java -jar switchboard.jar simulate [options]

              --target URL             Switchboard base URL (default http://localhost:8000)
              --tenants a,b,c          tenants to call (default demo-client,acme-agency,senior-life)
              --calls-per-minute N     new calls per minute, per tenant (default 6)
              --pace X                 conversation speed, 1 = real time, 20 = twenty times faster (default 1)
              --duration SECONDS       stop after this long (default: until Ctrl-C)
              --seed N                 make the calls' content repeatable (default: random)
              --max-in-flight N        concurrent HTTP requests at most (default 64)
              --webhook-auth S         authenticate webhooks like the tenants' settings: none (default), secret,
                                       bearer or hmac; with --webhook-secret SECRET|- (- reads stdin) and, as
                                       configured on the tenants, --webhook-header NAME, --bearer-prefix on|off,
                                       --hmac-algorithm sha256|sha512|sha1, --signature-header NAME,
                                       --timestamp-header NAME, --signature-prefix TEXT
            """;
    private static final long PROGRESS_EVERY_MILLIS = 5000;

    private SimulatorCommand() {}

    public static int run(String[] args, PrintStream out) {
        SimulatorArgs a;
        try {
            a = SimulatorArgs.parse(args);
        } catch (SimulatorArgs.UsageException e) {
            out.println("simulate: " + e.getMessage());
            out.println();
            out.print(USAGE);
            return 2;
        }
        if (a == null) {
            out.print(USAGE);
            return 0;
        }
        String problem = checkTarget(a.target(), a.tenants());
        if (problem != null) {
            out.println("simulate: " + problem);
            return 1;
        }
        return simulate(a, out);
    }

    private static int simulate(SimulatorArgs a, PrintStream out) {
        out.printf(Locale.ROOT, "simulate: %s calls/minute for each of %s at pace %s against %s%s (seed %d)%n",
                number(a.callsPerMinute()), String.join(",", a.tenants()), number(a.pace()), a.target(),
                a.durationSeconds() == null ? ", until Ctrl-C" : " for " + number(a.durationSeconds()) + " s", a.seed());
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch summarised = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                summarised.await(3, TimeUnit.SECONDS); // let the summary print before the JVM exits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        long startNanos = System.nanoTime();
        VapiSimulator sim = new VapiSimulator(a.target(), a.tenants(), a.callsPerMinute(), a.pace(), a.seed(),
                VapiSimulator.Options.defaults().withMaxInFlight(a.maxInFlight()).withWebhookAuth(tenant -> a.webhookAuth()));
        try {
            sim.start();
            long deadline = a.durationSeconds() == null ? Long.MAX_VALUE
                    : startNanos + (long) (a.durationSeconds() * 1e9);
            SimulatorStats previous = sim.stats();
            long previousAt = System.nanoTime();
            while (true) {
                long now = System.nanoTime();
                long wait = Math.min(TimeUnit.MILLISECONDS.toNanos(PROGRESS_EVERY_MILLIS), deadline - now);
                if (wait <= 0 || stop.await(wait, TimeUnit.NANOSECONDS)) break;
                if (System.nanoTime() >= deadline) break;
                SimulatorStats s = sim.stats();
                long at = System.nanoTime();
                out.println(progress(s, previous, (at - previousAt) / 1e9, (at - startNanos) / 1e9, sim.lastFailure()));
                previous = s;
                previousAt = at;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sim.close();
            out.println(summary(sim.stats(), (System.nanoTime() - startNanos) / 1e9, sim.lastFailure()));
            out.flush();
            summarised.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // Ctrl-C: the hook is running and waits for the summary above
            }
        }
        return 0;
    }

    static String progress(SimulatorStats s, SimulatorStats prev, double windowSeconds, double elapsed, String lastFailure) {
        double rate = windowSeconds <= 0 ? 0 : (s.webhooksAcked() - prev.webhooksAcked()) / windowSeconds;
        String line = String.format(Locale.ROOT,
                "[%5.0fs] calls %d started, %d ended, %d live | webhooks %d sent, %d acked (%.0f/s), %d failed, %d retried"
                        + " | ack p50 %d ms, p99 %d ms | %d duplicates, %d reordered",
                elapsed, s.callsStarted(), s.callsEnded(), s.callsInFlight(), s.webhooksSent(), s.webhooksAcked(), rate,
                s.webhooksFailed(), s.retries(), s.ackP50Millis(), s.ackP99Millis(), s.duplicates(), s.reordered());
        if (s.webhooksFailed() > prev.webhooksFailed() && lastFailure != null) line += "\n        last failure: " + lastFailure;
        return line;
    }

    static String summary(SimulatorStats s, double elapsed, String lastFailure) {
        String text = String.format(Locale.ROOT,
                "simulate: done after %.1f s: %d calls started, %d ended (%d cut short); %d webhooks sent, %d acked"
                        + " (%.0f/s), %d failed, %d retried; ack p50 %d ms, p99 %d ms; %d duplicates, %d reordered on purpose",
                elapsed, s.callsStarted(), s.callsEnded(), s.callsInFlight(), s.webhooksSent(), s.webhooksAcked(),
                elapsed <= 0 ? 0 : s.webhooksAcked() / elapsed, s.webhooksFailed(), s.retries(), s.ackP50Millis(),
                s.ackP99Millis(), s.duplicates(), s.reordered());
        if (s.webhooksFailed() > 0 && lastFailure != null) text += "\nsimulate: last failure: " + lastFailure;
        return text;
    }

    /**
     * Null when the target is a Switchboard that answers {@code /healthz} and knows every tenant (when
     * it lists them); otherwise what is wrong and how to fix it.
     */
    static String checkTarget(URI target, List<String> tenants) {
        String base = target.toString().replaceAll("/+$", "");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/healthz"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (health.statusCode() != 200) {
                return "the target " + base + " answered /healthz with HTTP " + health.statusCode()
                        + "; is it a Switchboard? (--target is the base URL, e.g. http://localhost:8000)";
            }
        } catch (IOException e) {
            return "cannot reach Switchboard at " + base + " (" + describe(e) + "). Is it running? Start it with"
                    + " 'java -jar switchboard.jar serve' or point --target at it.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking " + base;
        }
        try {
            // Each tenant's webhook URL answers a GET: 200 if it takes webhooks, 404 if there is no such tenant.
            List<String> missing = new java.util.ArrayList<>();
            for (String t : tenants) {
                HttpResponse<String> probe = http.send(HttpRequest.newBuilder(URI.create(base + "/webhooks/vapi/" + t))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (probe.statusCode() == 404) missing.add(t);
            }
            if (!missing.isEmpty()) {
                return "the target has no tenant " + String.join(", ", missing) + "; create "
                        + (missing.size() == 1 ? "it" : "them") + " first with 'java -jar switchboard.jar tenant create "
                        + missing.get(0) + "' (or run the server with 'demo'), or choose others with --tenants";
            }
        } catch (IOException | RuntimeException e) {
            return null; // an older or different API: let the webhooks' answers speak
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static String describe(IOException e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String msg = t.getMessage();
        return msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
