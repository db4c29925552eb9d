package io.github.mlhighway.lifecycle.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 a document row carries: of the UTF-8 bytes of the same seven lines the directory store's envelope
 * hashes ({@code lifecycle-document}, the format version, collection, key, revision, writtenAt, compact body),
 * joined by {@code '\n'}. A document copied between the two stores therefore keeps its digest.
 */
final class DocumentDigest {

    static final String FORMAT = "lifecycle-document";
    static final int FORMAT_VERSION = 1;

    private DocumentDigest() {
    }

    static String of(String collection, String key, long revision, String writtenAt, String body) {
        String text = String.join("\n", FORMAT, Integer.toString(FORMAT_VERSION), collection, key,
                Long.toString(revision), writtenAt, body);
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }
}
