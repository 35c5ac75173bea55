package dev.sereno.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns an identifier into HMAC-SHA256 hex under a key the host keeps: the same id always gives the same value, so
 * an auditor holding the key can find one customer's decisions, while the log alone names nobody. A plain hash
 * would not do: customer ids are few and guessable, and anyone could hash them all. Thread-safe.
 */
public final class KeyedHash {
    /** Shortest accepted key, in bytes: RFC 2104 advises against keys shorter than the hash (32 bytes for SHA-256). */
    public static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac prototype;

    public KeyedHash(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the key for hashing ids must have at least " + MIN_KEY_BYTES
                    + " bytes, had " + key.length);
        }
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(key, ALGORITHM));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        }
    }

    /** The keyed hash of {@code id} as 64 lower-case hex digits; null for null. */
    public String of(String id) {
        if (id == null) {
            return null;
        }
        return HexFormat.of().formatHex(mac().doFinal(id.getBytes(StandardCharsets.UTF_8)));
    }

    /** A Mac is not thread-safe: each call works on its own copy of the initialised one. */
    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(ALGORITHM + " of provider " + prototype.getProvider() + " cannot be copied", e);
        }
    }
}
