package dev.switchboard.tenant;

import dev.switchboard.config.ConfigException;
import dev.switchboard.http.ApiException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The options of {@code tenant set}, read into a {@link SettingsEdit} (which holds the rules, shared with the
 * API). Secrets given as {@code -} are read from standard input, one line each in the order of the options, so
 * they stay out of the shell history and the process list; an empty line is refused (a missing file or an unset
 * variable is a mistake, not a request to remove a secret; {@code ''} removes one).
 */
final class TenantSetOptions {
    static final String USAGE = "usage: tenant set <id> [--vapi-public-key KEY|-] [--vapi-private-key KEY|-]"
            + " [--listen-format auto|mono|stereo]"
            + " [--retell-api-key KEY|-] [--webhook-auth none|secret|bearer|hmac] [--webhook-secret SECRET|-]"
            + " [--webhook-header NAME] [--bearer-prefix on|off] [--hmac-algorithm sha256|sha512|sha1]"
            + " [--signature-header NAME] [--timestamp-header NAME] [--signature-prefix TEXT] [--replay-window-seconds N]"
            + " [--time-zone America/New_York]";

    final SettingsEdit edit = new SettingsEdit(SettingsEdit.Audience.CLI);
    /**
     * Checked when the command runs rather than while parsing, so an unknown zone is the command's failure
     * (exit 1) like an unknown tenant, not a usage error.
     */
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
            try {
                o.apply(option, value);
            } catch (ApiException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        return o;
    }

    private void apply(String option, String value) {
        SettingsEdit e = edit;
        switch (option) {
            case "--vapi-public-key" -> e.credential(SettingsEdit.Field.VAPI_PUBLIC_KEY, secret(option, value));
            case "--vapi-private-key" -> e.credential(SettingsEdit.Field.VAPI_PRIVATE_KEY, secret(option, value));
            case "--retell-api-key" -> e.credential(SettingsEdit.Field.RETELL_API_KEY, secret(option, value));
            case "--webhook-secret" -> e.webhookSecret(secret(option, value));
            case "--listen-format" -> e.listenFormat(value);
            case "--webhook-auth" -> e.scheme(value);
            case "--webhook-header" -> e.headerName(SettingsEdit.Field.HEADER, value);
            case "--bearer-prefix" -> e.bearerPrefix(onOff(option, value));
            case "--hmac-algorithm" -> e.algorithm(value);
            case "--signature-header" -> e.headerName(SettingsEdit.Field.SIGNATURE_HEADER, value);
            case "--timestamp-header" -> e.headerName(SettingsEdit.Field.TIMESTAMP_HEADER, value);
            case "--signature-prefix" -> e.signaturePrefix(value);
            case "--replay-window-seconds" -> e.replayWindowSeconds(window(value));
            case "--time-zone" -> timeZone = Optional.of(value);
            default -> throw new ConfigException("unknown option " + option + "; " + USAGE);
        }
    }

    /** A secret's text: {@code -} reads a line from standard input; {@code ''} (empty) means remove (null). */
    private String secret(String option, String value) {
        String s = value.equals("-") ? readLine(option) : value;
        return s.isEmpty() ? null : s;
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

    private static boolean onOff(String option, String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new ConfigException(option + " must be on or off");
        };
    }

    private static long window(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("--replay-window-seconds must be a whole number from 1 to 3600");
        }
    }
}
