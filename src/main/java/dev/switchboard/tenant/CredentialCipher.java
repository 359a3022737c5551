package dev.switchboard.tenant;

import dev.switchboard.config.ConfigException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Encrypts tenant credentials at rest: AES-256-GCM (JDK only) with a random 12-byte nonce per value, stored
 * as {@code enc:v1:<base64(nonce ‖ ciphertext ‖ tag)>}. The tenant id and the column name are the
 * associated data, so a ciphertext copied to another tenant or column does not decrypt.
 *
 * <p>Values without the prefix are read as legacy plaintext (before schema v3 the Vapi public key was
 * stored as is) and are encrypted at the next start that has a key ({@link TenantDirectory#encryptLegacyCredentials}).
 *
 * <p>Without a master key this cipher still reads plaintext, but refuses to store a secret with a message
 * that says how to set one. Thread-safe (a {@link Cipher} is made per call).
 */
public final class CredentialCipher {
    public static final String ENV = "SWITCHBOARD_MASTER_KEY";
    static final String KEY_FILE = "master.key";
    private static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A stored credential that cannot be decrypted: the wrong master key, or a damaged value. */
    public static final class DecryptionException extends RuntimeException {
        DecryptionException(String message) {
            super(message, null, false, false);
        }
    }

    private final SecretKeySpec key; // null: no master key configured
    private final String source;

    private CredentialCipher(byte[] key, String source) {
        this.key = key == null ? null : new SecretKeySpec(key, "AES");
        this.source = source;
    }

    /** A cipher with the given 32-byte key (tests, and the key loaders below). */
    public static CredentialCipher withKey(byte[] key, String source) {
        if (key == null || key.length != 32) throw new IllegalArgumentException("the master key must be 32 bytes");
        return new CredentialCipher(key.clone(), source);
    }

    /** A cipher that can read plaintext but refuses to store secrets. */
    public static CredentialCipher none() {
        return new CredentialCipher(null, "none");
    }

    /** A fresh random 32-byte key, base64 (what {@code SWITCHBOARD_MASTER_KEY} takes). */
    public static String newKeyBase64() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    /**
     * The master key from {@code SWITCHBOARD_MASTER_KEY}; else the key file in the data directory if one
     * exists (demo mode writes it, so {@code tenant set} and a later {@code serve} on the same data can read
     * what demo mode stored); else, in demo mode, a new key file (0600); else none.
     */
    public static CredentialCipher fromEnvironment(Map<String, String> env, Path dataDir, boolean demo) {
        String value = env.get(ENV);
        if (value != null && !value.isBlank()) return withKey(parse(value.trim(), ENV), ENV);
        Path file = dataDir.resolve(KEY_FILE);
        if (Files.isRegularFile(file)) return withKey(parse(read(file), file.toString()), file.toString());
        if (!demo) return none();
        return withKey(parse(create(file), file.toString()), file.toString());
    }

    private static byte[] parse(String base64, String where) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + " must be 32 random bytes in base64 (e.g. the output of 'openssl rand -base64 32')");
        }
        if (k.length != 32) {
            throw new ConfigException(where + " must be 32 bytes in base64 (got " + k.length + " bytes); create one with 'openssl rand -base64 32'");
        }
        return k;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key file " + file, e);
        }
    }

    private static String create(Path file) {
        String key = newKeyBase64();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                // Created with 0600 from the start, so the key is never readable by others, not even briefly.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
            return key;
        } catch (FileAlreadyExistsException raced) {
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the master key file " + file, e);
        }
    }

    public boolean hasKey() {
        return key != null;
    }

    /** Where the key came from ({@code SWITCHBOARD_MASTER_KEY}, a file path or {@code none}); never the key. */
    public String source() {
        return source;
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The stored form of a secret of the tenant's column; null stays null. */
    public String encrypt(String tenantId, String column, String plaintext) {
        if (plaintext == null) return null;
        if (key == null) {
            throw new ConfigException("storing a tenant credential needs a master key: set " + ENV
                    + " to 32 random bytes in base64 (create one with 'openssl rand -base64 32') and keep it safe;"
                    + " the same key must be set for every Switchboard process using this database");
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(tenantId, column));
            byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** The plaintext of a stored value: decrypted, or as is when it is legacy plaintext; null stays null. */
    public String decrypt(String tenantId, String column, String stored) {
        if (stored == null || !isEncrypted(stored)) return stored;
        String what = "the stored " + column + " of tenant " + tenantId;
        if (key == null) {
            throw new DecryptionException(what + " is encrypted, but no master key is configured: set " + ENV
                    + " to the key it was encrypted with");
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new DecryptionException(what + " is damaged (not base64)");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) throw new DecryptionException(what + " is damaged (too short)");
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            c.updateAAD(aad(tenantId, column));
            return new String(c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new DecryptionException(what + " does not decrypt with the master key from " + source
                    + ": " + ENV + " is not the key it was encrypted with (or the value was altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    private static byte[] aad(String tenantId, String column) {
        return (tenantId + '\0' + column).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "CredentialCipher[" + source + "]";
    }
}
