package io.github.midljava.data.files;

import java.util.HexFormat;
import java.util.Locale;

/**
 * A published checksum of a file: the algorithm ({@code SHA-256} or {@code MD5}, as named by {@link
 * java.security.MessageDigest}) and the lowercase hex digest.
 *
 * @param algorithm {@link #SHA_256} or {@link #MD5}
 * @param hex the digest in lowercase hex
 */
public record Checksum(String algorithm, String hex) {

    /** The SHA-256 algorithm name. */
    public static final String SHA_256 = "SHA-256";

    /** The MD5 algorithm name; some distributions (CIFAR, SVHN, IMDB) publish only MD5. */
    public static final String MD5 = "MD5";

    /** Validates algorithm and digest length and normalises the digest to lowercase. */
    public Checksum {
        int hexLength;
        if (SHA_256.equals(algorithm)) {
            hexLength = 64;
        } else if (MD5.equals(algorithm)) {
            hexLength = 32;
        } else {
            throw new IllegalArgumentException(
                    "algorithm must be SHA-256 or MD5, got " + algorithm);
        }
        if (hex == null || hex.length() != hexLength || !hex.matches("[0-9a-fA-F]+")) {
            throw new IllegalArgumentException(
                    algorithm + " digest must be " + hexLength + " hex digits, got " + hex);
        }
        hex = hex.toLowerCase(Locale.ROOT);
    }

    /** Returns a SHA-256 checksum. */
    public static Checksum sha256(String hex) {
        return new Checksum(SHA_256, hex);
    }

    /** Returns an MD5 checksum. */
    public static Checksum md5(String hex) {
        return new Checksum(MD5, hex);
    }

    /** Returns whether this is a SHA-256 checksum (the kind kept in {@code SHA256SUMS}). */
    public boolean isSha256() {
        return SHA_256.equals(algorithm);
    }

    /** Formats a digest as lowercase hex. */
    public static String toHex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    @Override
    public String toString() {
        return algorithm.toLowerCase(Locale.ROOT).replace("-", "") + " " + hex;
    }
}
