package dev.switchboard.tenant;

import dev.switchboard.config.ConfigException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The options of {@code tenant set}, parsed and checked, and merged into the tenant's current settings.
 * Secrets given as {@code -} are read from standard input, one line each in the order of the options, so they
 * stay out of the shell history and the process list; an empty line is refused (a missing file or an unset
 * variable is a mistake, not a request to remove a secret; {@code ''} removes one).
 */
final class TenantSetOptions {
    static final String USAGE = "usage: tenant set <id> [--vapi-public-key KEY|-] [--listen-format auto|mono|stereo]"
            + " [--retell-api-key KEY|-] [--webhook-auth none|secret|bearer|hmac] [--webhook-secret SECRET|-]"
            + " [--webhook-header NAME] [--bearer-prefix on|off] [--hmac-algorithm sha256|sha512|sha1]"
            + " [--signature-header NAME] [--timestamp-header NAME] [--signature-prefix TEXT] [--replay-window-seconds N]"
            + " [--time-zone America/New_York]";
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");

    Optional<String> vapiPublicKey = Optional.empty();
    Optional<ListenFormat> listenFormat = Optional.empty();
    Optional<String> retellApiKey = Optional.empty();
    Optional<WebhookAuth.Scheme> scheme = Optional.empty();
    Optional<String> webhookSecret = Optional.empty();
    Optional<String> header = Optional.empty();
    Optional<Boolean> bearerPrefix = Optional.empty();
    Optional<WebhookAuth.HmacAlgorithm> algorithm = Optional.empty();
    Optional<String> signatureHeader = Optional.empty();
    Optional<String> timestampHeader = Optional.empty();
    Optional<String> signaturePrefix = Optional.empty();
    Optional<Integer> replayWindow = Optional.empty();
    /** Not a provider setting (it lives on the tenant), but set with the same command. */
    Optional<String> timeZone = Optional.empty();

    private final InputStream in;
    private BufferedReader stdin;

    private TenantSetOptions(InputStream in) {
        this.in = in;
    }

    /** Parses {@code args[from..]}; every mistake is a {@link ConfigException} that never echoes a secret. */
    static TenantSetOptions parse(String[] args, int from, InputStream in) {
        TenantSetOptions o = new TenantSetOptions(in);
        for (int i = from; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) throw new ConfigException(option + " needs a value; " + USAGE);
            String value = args[++i];
            switch (option) {
                case "--vapi-public-key" -> o.vapiPublicKey = Optional.of(o.secret(option, value, 0));
                case "--retell-api-key" -> o.retellApiKey = Optional.of(o.secret(option, value, 0));
                case "--webhook-secret" -> o.webhookSecret = Optional.of(o.secret(option, value, WebhookAuth.MIN_SECRET_LENGTH));
                case "--listen-format" -> o.listenFormat = Optional.of(ListenFormat.parse(value).orElseThrow(() ->
                        new ConfigException("--listen-format must be auto, mono or stereo")));
                case "--webhook-auth" -> o.scheme = Optional.of(WebhookAuth.Scheme.parse(value).orElseThrow(() ->
                        new ConfigException("--webhook-auth must be none, secret, bearer or hmac")));
                case "--webhook-header" -> o.header = Optional.of(headerName(option, value));
                case "--bearer-prefix" -> o.bearerPrefix = Optional.of(onOff(option, value));
                case "--hmac-algorithm" -> o.algorithm = Optional.of(WebhookAuth.HmacAlgorithm.parse(value).orElseThrow(() ->
                        new ConfigException("--hmac-algorithm must be sha256, sha512 or sha1")));
                case "--signature-header" -> o.signatureHeader = Optional.of(headerName(option, value));
                case "--timestamp-header" -> o.timestampHeader = Optional.of(headerName(option, value));
                case "--signature-prefix" -> o.signaturePrefix = Optional.of(prefix(value));
                case "--replay-window-seconds" -> o.replayWindow = Optional.of(window(value));
                case "--time-zone" -> o.timeZone = Optional.of(value);
                default -> throw new ConfigException("unknown option " + option + "; " + USAGE);
            }
        }
        return o;
    }

    boolean touchesWebhookAuth() {
        return scheme.isPresent() || webhookSecret.isPresent() || header.isPresent() || bearerPrefix.isPresent() || algorithm.isPresent()
                || signatureHeader.isPresent() || timestampHeader.isPresent() || signaturePrefix.isPresent() || replayWindow.isPresent();
    }

    /** The change to apply to settings {@code current}; refuses a scheme that would have no secret. */
    TenantSettingsRepository.SettingsChange change(TenantSettings current) {
        Optional<WebhookAuth> auth = Optional.empty();
        if (touchesWebhookAuth()) {
            WebhookAuth a = current.webhookAuth();
            if (scheme.isPresent()) a = a.withScheme(scheme.get());
            if (webhookSecret.isPresent()) a = a.withSecret(webhookSecret.get().isEmpty() ? null : webhookSecret.get());
            if (header.isPresent()) a = a.withHeader(header.get());
            if (bearerPrefix.isPresent()) a = a.withBearerPrefix(bearerPrefix.get());
            if (algorithm.isPresent()) a = a.withAlgorithm(algorithm.get());
            if (signatureHeader.isPresent()) a = a.withSignatureHeader(signatureHeader.get());
            if (timestampHeader.isPresent()) a = a.withTimestampHeader(timestampHeader.get());
            if (signaturePrefix.isPresent()) a = a.withSignaturePrefix(signaturePrefix.get().isEmpty() ? null : signaturePrefix.get());
            if (replayWindow.isPresent()) a = a.withReplayWindowSeconds(replayWindow.get());
            if (a.scheme() != WebhookAuth.Scheme.NONE && !a.hasSecret()) {
                throw new ConfigException("--webhook-auth " + a.scheme().wire() + " needs a secret: add --webhook-secret - and paste it"
                        + " (at least " + WebhookAuth.MIN_SECRET_LENGTH + " characters; e.g. from 'openssl rand -hex 32')");
            }
            auth = Optional.of(a);
        }
        return new TenantSettingsRepository.SettingsChange(vapiPublicKey, listenFormat, auth, retellApiKey);
    }

    private String secret(String option, String value, int minLength) {
        String s = value.equals("-") ? readLine(option) : value.trim();
        if (s.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new ConfigException(option + " must not contain spaces or control characters");
        }
        if (!s.isEmpty() && s.length() < minLength) {
            throw new ConfigException(option + " must be at least " + minLength + " characters (e.g. from 'openssl rand -hex 32')");
        }
        return s;
    }

    private String readLine(String option) {
        try {
            if (stdin == null) stdin = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = stdin.readLine();
            if (line == null || line.isBlank()) {
                throw new ConfigException(option + " - read nothing from standard input; to remove the value pass ''");
            }
            return line.trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String headerName(String option, String value) {
        String v = value.trim();
        if (!HEADER_NAME.matcher(v).matches()) {
            throw new ConfigException(option + " must be an HTTP header name (letters, digits and - _ . etc., at most 64)");
        }
        return v;
    }

    private static boolean onOff(String option, String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new ConfigException(option + " must be on or off");
        };
    }

    private static String prefix(String value) {
        if (value.length() > 32 || value.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            throw new ConfigException("--signature-prefix must be at most 32 printable characters, e.g. sha256=");
        }
        return value;
    }

    private static int window(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= 3600) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("--replay-window-seconds must be a whole number from 1 to 3600");
    }
}
