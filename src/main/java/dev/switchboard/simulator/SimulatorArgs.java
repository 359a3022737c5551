package dev.switchboard.simulator;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.tenant.WebhookAuth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code simulate} command line, parsed and checked: every mistake gets a message that says what is
 * wrong and what is accepted. Accepts {@code --name value} and {@code --name=value}.
 */
record SimulatorArgs(URI target, List<String> tenants, double callsPerMinute, double pace, Double durationSeconds,
                     long seed, int maxInFlight, WebhookAuth webhookAuth) {

    /** A usage error, with a message that says what is wrong and what is accepted. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses the options; null means help was asked for. */
    static SimulatorArgs parse(String[] args) throws UsageException {
        URI target = URI.create("http://localhost:8000");
        List<String> tenants = List.of("demo-client", "acme-agency", "senior-life");
        double cpm = 6;
        double pace = 1;
        Double duration = null;
        long seed = System.nanoTime();
        int maxInFlight = 64;
        WebhookAuth auth = WebhookAuth.none();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("help")) return null;
            if (!arg.startsWith("--")) throw new UsageException("unexpected argument '" + arg + "'");
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) throw new UsageException(name + " needs a value");
                value = args[++i];
            }
            switch (name) {
                case "--target" -> target = target(value);
                case "--tenants" -> tenants = tenants(value);
                case "--calls-per-minute" -> cpm = positive(name, value, 1_000_000);
                case "--pace" -> pace = positive(name, value, 1000);
                case "--duration" -> duration = positive(name, value, 365 * 86400.0);
                case "--seed" -> seed = whole(name, value);
                case "--max-in-flight" -> {
                    long n = whole(name, value);
                    if (n < 1 || n > 10_000) throw new UsageException("--max-in-flight must be from 1 to 10000 (got " + value + ")");
                    maxInFlight = (int) n;
                }
                case "--webhook-auth" -> auth = auth.withScheme(WebhookAuth.Scheme.parse(value).orElseThrow(() ->
                        new UsageException("--webhook-auth must be none, secret, bearer or hmac")));
                case "--webhook-secret" -> auth = auth.withSecret(value.equals("-") ? stdinLine() : value.trim());
                case "--webhook-header" -> auth = auth.withHeader(value.trim());
                case "--bearer-prefix" -> auth = auth.withBearerPrefix(!value.trim().equalsIgnoreCase("off"));
                case "--hmac-algorithm" -> auth = auth.withAlgorithm(WebhookAuth.HmacAlgorithm.parse(value).orElseThrow(() ->
                        new UsageException("--hmac-algorithm must be sha256, sha512 or sha1")));
                case "--signature-header" -> auth = auth.withSignatureHeader(value.trim());
                case "--timestamp-header" -> auth = auth.withTimestampHeader(value.trim());
                case "--signature-prefix" -> auth = auth.withSignaturePrefix(value.isEmpty() ? null : value);
                default -> throw new UsageException("unknown option '" + name + "'");
            }
        }
        if (auth.scheme() != WebhookAuth.Scheme.NONE && !auth.hasSecret()) {
            throw new UsageException("--webhook-auth " + auth.scheme().wire() + " needs --webhook-secret SECRET|- (the tenants' webhook secret)");
        }
        return new SimulatorArgs(target, tenants, cpm, pace, duration, seed, maxInFlight, auth);
    }

    /** A secret from the first line of standard input, so it stays out of the shell history. */
    private static String stdinLine() throws UsageException {
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) throw new UsageException("--webhook-secret - read nothing from standard input");
            return line.trim();
        } catch (java.io.IOException e) {
            throw new UsageException("--webhook-secret -: cannot read standard input (" + e.getMessage() + ")");
        }
    }

    private static URI target(String value) throws UsageException {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException("--target must be an http(s) base URL such as http://localhost:8000 (got '" + value + "')");
    }

    private static List<String> tenants(String value) throws UsageException {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : value.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) continue;
            if (!ConfigLoader.TENANT_ID.matcher(t).matches()) {
                throw new UsageException("'" + t + "' is not a valid tenant id (1-64 characters: lowercase letters,"
                        + " digits, '-' and '_', starting with a letter or digit)");
            }
            if (seen.add(t)) out.add(t);
        }
        if (out.isEmpty()) throw new UsageException("--tenants needs at least one tenant id, e.g. --tenants demo-client,acme-agency");
        return List.copyOf(out);
    }

    private static double positive(String name, String value, double max) throws UsageException {
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number (got '" + value + "')");
        }
        if (!(v > 0) || v > max) {
            throw new UsageException(name + " must be greater than 0 and at most " + number(max) + " (got " + value + ")");
        }
        return v;
    }

    private static long whole(String name, String value) throws UsageException {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number (got '" + value + "')");
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
