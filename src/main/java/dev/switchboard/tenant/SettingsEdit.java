package dev.switchboard.tenant;

import dev.switchboard.http.ApiException;
import dev.switchboard.http.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A requested change to a tenant's settings, checked field by field as it is built. The one place the rules
 * live: {@code tenant set} ({@link TenantSetOptions}) and {@code PATCH /api/{client_id}/settings}
 * ({@link SettingsPatch}) both build one, each naming the fields the way its user knows them ({@link Field}).
 * Every mistake is a 400 {@code invalid_request} naming the field and what is expected, never the value given
 * (it may be a secret). Not thread-safe: built and used by one request.
 *
 * <p>A secret set to null is removed (stored as the empty string {@link TenantSettingsRepository.SettingsChange}
 * uses for removal); a header or prefix set to null goes back to its default.
 */
final class SettingsEdit {
    static final int MAX_SECRET_LENGTH = 512;
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");

    /** Every editable field with its name on the command line and in the API. */
    enum Field {
        VAPI_PRIVATE_KEY("--vapi-private-key", "vapiPrivateKey"),
        VAPI_PUBLIC_KEY("--vapi-public-key", "vapiPublicKey"),
        RETELL_API_KEY("--retell-api-key", "retellApiKey"),
        LISTEN_FORMAT("--listen-format", "listenFormat"),
        TIME_ZONE("--time-zone", "timeZone"),
        SCHEME("--webhook-auth", "webhookAuth.scheme"),
        SECRET("--webhook-secret", "webhookAuth.secret"),
        HEADER("--webhook-header", "webhookAuth.header"),
        BEARER_PREFIX("--bearer-prefix", "webhookAuth.bearerPrefix"),
        ALGORITHM("--hmac-algorithm", "webhookAuth.algorithm"),
        SIGNATURE_HEADER("--signature-header", "webhookAuth.signatureHeader"),
        TIMESTAMP_HEADER("--timestamp-header", "webhookAuth.timestampHeader"),
        SIGNATURE_PREFIX("--signature-prefix", "webhookAuth.signaturePrefix"),
        REPLAY_WINDOW("--replay-window-seconds", "webhookAuth.replayWindowSeconds");

        final String cli;
        final String api;

        Field(String cli, String api) {
            this.cli = cli;
            this.api = api;
        }
    }

    /** Who is editing: decides how fields are named in messages. */
    enum Audience { CLI, API }

    private final Audience audience;
    private final List<Field> touched = new ArrayList<>();

    private Optional<String> vapiPrivateKey = Optional.empty();
    private Optional<String> vapiPublicKey = Optional.empty();
    private Optional<String> retellApiKey = Optional.empty();
    private Optional<ListenFormat> listenFormat = Optional.empty();
    private Optional<String> timeZone = Optional.empty();
    private Optional<WebhookAuth.Scheme> scheme = Optional.empty();
    private Optional<String> webhookSecret = Optional.empty();
    private Optional<String> header = Optional.empty();
    private Optional<Boolean> bearerPrefix = Optional.empty();
    private Optional<WebhookAuth.HmacAlgorithm> algorithm = Optional.empty();
    private Optional<String> signatureHeader = Optional.empty();
    private Optional<String> timestampHeader = Optional.empty();
    private Optional<String> signaturePrefix = Optional.empty();
    private Optional<Integer> replayWindow = Optional.empty();

    SettingsEdit(Audience audience) {
        this.audience = audience;
    }

    String name(Field f) {
        return audience == Audience.CLI ? f.cli : f.api;
    }

    ApiException invalid(Field f, String expected) {
        return new ApiException(ErrorCode.INVALID_REQUEST, name(f) + " " + expected);
    }

    /** A provider key (Vapi private or public key, Retell API key); null removes it. */
    SettingsEdit credential(Field f, String value) {
        String checked = secret(f, value, 1);
        switch (f) {
            case VAPI_PRIVATE_KEY -> vapiPrivateKey = Optional.of(checked);
            case VAPI_PUBLIC_KEY -> vapiPublicKey = Optional.of(checked);
            case RETELL_API_KEY -> retellApiKey = Optional.of(checked);
            default -> throw new IllegalArgumentException(f + " is not a credential");
        }
        return touch(f);
    }

    /** The webhook secret, token or HMAC key; null removes it (refused while a scheme needs it, see {@link #change}). */
    SettingsEdit webhookSecret(String value) {
        webhookSecret = Optional.of(secret(Field.SECRET, value, WebhookAuth.MIN_SECRET_LENGTH));
        return touch(Field.SECRET);
    }

    SettingsEdit listenFormat(String value) {
        listenFormat = Optional.of(ListenFormat.parse(value).orElseThrow(() -> invalid(Field.LISTEN_FORMAT, "must be auto, mono or stereo")));
        return touch(Field.LISTEN_FORMAT);
    }

    SettingsEdit timeZone(String value) {
        try {
            timeZone = Optional.of(TenantDirectory.checkZone(value));
        } catch (ApiException e) {
            throw invalid(Field.TIME_ZONE, "must be an IANA time zone id like America/New_York, Europe/Berlin or UTC");
        }
        return touch(Field.TIME_ZONE);
    }

    SettingsEdit scheme(String value) {
        scheme = Optional.of(WebhookAuth.Scheme.parse(value).orElseThrow(() -> invalid(Field.SCHEME, "must be none, secret, bearer or hmac")));
        return touch(Field.SCHEME);
    }

    SettingsEdit algorithm(String value) {
        algorithm = Optional.of(WebhookAuth.HmacAlgorithm.parse(value)
                .orElseThrow(() -> invalid(Field.ALGORITHM, "must be sha256, sha512 or sha1")));
        return touch(Field.ALGORITHM);
    }

    /** One of the header names ({@code HEADER}, {@code SIGNATURE_HEADER}, {@code TIMESTAMP_HEADER}); null: the default. */
    SettingsEdit headerName(Field f, String value) {
        String v = value == null ? "" : value.trim();
        if (!v.isEmpty() && !HEADER_NAME.matcher(v).matches()) {
            throw invalid(f, "must be an HTTP header name (letters, digits and - _ . etc., at most 64)");
        }
        switch (f) {
            case HEADER -> header = Optional.of(v);
            case SIGNATURE_HEADER -> signatureHeader = Optional.of(v);
            case TIMESTAMP_HEADER -> timestampHeader = Optional.of(v);
            default -> throw new IllegalArgumentException(f + " is not a header name");
        }
        return touch(f);
    }

    SettingsEdit bearerPrefix(boolean on) {
        bearerPrefix = Optional.of(on);
        return touch(Field.BEARER_PREFIX);
    }

    /** Text before the hex signature, e.g. {@code sha256=}; null or empty: none. */
    SettingsEdit signaturePrefix(String value) {
        String v = value == null ? "" : value;
        if (v.length() > 32 || v.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            throw invalid(Field.SIGNATURE_PREFIX, "must be at most 32 printable characters, e.g. sha256=");
        }
        signaturePrefix = Optional.of(v);
        return touch(Field.SIGNATURE_PREFIX);
    }

    SettingsEdit replayWindowSeconds(long seconds) {
        if (seconds < 1 || seconds > 3600) throw invalid(Field.REPLAY_WINDOW, "must be a whole number from 1 to 3600");
        replayWindow = Optional.of((int) seconds);
        return touch(Field.REPLAY_WINDOW);
    }

    /** The fields this edit sets, in the API's names, in the order given: what an audit record may name. */
    List<String> fieldNames() {
        return touched.stream().map(f -> f.api).toList();
    }

    boolean isEmpty() {
        return touched.isEmpty();
    }

    Optional<String> timeZone() {
        return timeZone;
    }

    boolean touchesWebhookAuth() {
        return scheme.isPresent() || webhookSecret.isPresent() || header.isPresent() || bearerPrefix.isPresent() || algorithm.isPresent()
                || signatureHeader.isPresent() || timestampHeader.isPresent() || signaturePrefix.isPresent() || replayWindow.isPresent();
    }

    /** The change to apply to settings {@code current}; refuses a scheme that would be left without a secret. */
    TenantSettingsRepository.SettingsChange change(TenantSettings current) {
        Optional<WebhookAuth> auth = Optional.empty();
        if (touchesWebhookAuth()) {
            WebhookAuth a = current.webhookAuth();
            if (scheme.isPresent()) a = a.withScheme(scheme.get());
            if (webhookSecret.isPresent()) a = a.withSecret(emptyToNull(webhookSecret.get()));
            if (header.isPresent()) a = a.withHeader(emptyToNull(header.get()));
            if (bearerPrefix.isPresent()) a = a.withBearerPrefix(bearerPrefix.get());
            if (algorithm.isPresent()) a = a.withAlgorithm(algorithm.get());
            if (signatureHeader.isPresent()) a = a.withSignatureHeader(emptyToNull(signatureHeader.get()));
            if (timestampHeader.isPresent()) a = a.withTimestampHeader(emptyToNull(timestampHeader.get()));
            if (signaturePrefix.isPresent()) a = a.withSignaturePrefix(emptyToNull(signaturePrefix.get()));
            if (replayWindow.isPresent()) a = a.withReplayWindowSeconds(replayWindow.get());
            if (a.scheme() != WebhookAuth.Scheme.NONE && !a.hasSecret()) {
                throw invalid(Field.SCHEME, a.scheme().wire() + " needs a secret: " + (audience == Audience.CLI
                        ? "add --webhook-secret - and paste it (at least " + WebhookAuth.MIN_SECRET_LENGTH
                                + " characters; e.g. from 'openssl rand -hex 32')"
                        : "set webhookAuth.secret (at least " + WebhookAuth.MIN_SECRET_LENGTH
                                + " characters) or generate one with POST /api/{client_id}/settings/webhook-secret"));
            }
            auth = Optional.of(a);
        }
        return new TenantSettingsRepository.SettingsChange(vapiPublicKey, listenFormat, auth, retellApiKey, vapiPrivateKey);
    }

    private String secret(Field f, String value, int minLength) {
        if (value == null) return "";
        String s = value.trim();
        if (s.isEmpty()) {
            throw invalid(f, audience == Audience.CLI ? "is empty; to remove the value pass ''" : "is empty; to remove the value send null");
        }
        if (s.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) throw invalid(f, "must not contain spaces or control characters");
        if (s.length() < minLength) throw invalid(f, "must be at least " + minLength + " characters (e.g. from 'openssl rand -hex 32')");
        if (s.length() > MAX_SECRET_LENGTH) throw invalid(f, "must be at most " + MAX_SECRET_LENGTH + " characters");
        return s;
    }

    private SettingsEdit touch(Field f) {
        if (!touched.contains(f)) touched.add(f);
        return this;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
