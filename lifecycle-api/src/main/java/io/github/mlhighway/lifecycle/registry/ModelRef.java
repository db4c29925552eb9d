package io.github.mlhighway.lifecycle.registry;

import io.github.mlhighway.lifecycle.text.Quoted;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Names one model version, directly ({@code model@3}) or through an alias ({@code model:champion}).
 *
 * @param model   the model's name
 * @param version the version, or 0 when the reference is by alias
 * @param alias   the alias, or null when the reference is by version
 * @since 0.1
 */
public record ModelRef(String model, int version, @Nullable String alias) {

    /**
     * Validates that exactly one of version and alias is given.
     *
     * @throws IllegalArgumentException if both or neither are given, or the version is negative
     */
    public ModelRef {
        Objects.requireNonNull(model, "model");
        if ((version > 0) == (alias != null) || version < 0) {
            throw new IllegalArgumentException("A model reference names a version >= 1 or an alias, not both; got "
                    + Quoted.name(model) + " version " + version + " alias " + Quoted.name(alias));
        }
    }

    /**
     * A reference by version number.
     *
     * @param model   the model
     * @param version the version, from 1
     * @return the reference
     */
    public static ModelRef ofVersion(String model, int version) {
        return new ModelRef(model, version, null);
    }

    /**
     * A reference through an alias.
     *
     * @param model the model
     * @param alias the alias, e.g. {@code champion}
     * @return the reference
     */
    public static ModelRef ofAlias(String model, String alias) {
        return new ModelRef(model, 0, alias);
    }

    /**
     * Parses {@code MODEL@VERSION} or {@code MODEL:ALIAS}.
     *
     * @param text the reference
     * @return the reference
     * @throws IllegalArgumentException if the text has neither form or the version is not a positive number written
     *                                  canonically (ASCII digits, no sign, no leading zero, at most 2^31-1)
     */
    public static ModelRef parse(String text) {
        Objects.requireNonNull(text, "text");
        int at = text.lastIndexOf('@');
        int colon = text.lastIndexOf(':');
        if (at > 0 && colon < 0 && at < text.length() - 1) {
            String number = text.substring(at + 1);
            int version = parseVersion(number);
            if (version >= 1) {
                return ofVersion(text.substring(0, at), version);
            }
            throw new IllegalArgumentException("Model reference " + Quoted.name(text) + " has version "
                    + Quoted.name(number) + "; use a number from 1 to " + Integer.MAX_VALUE
                    + " in ASCII digits, without a sign or leading zeros");
        }
        if (colon > 0 && at < 0 && colon < text.length() - 1) {
            return ofAlias(text.substring(0, colon), text.substring(colon + 1));
        }
        throw new IllegalArgumentException("Model reference " + Quoted.name(text)
                + " is neither MODEL@VERSION nor MODEL:ALIAS");
    }

    /** The canonical decimal form only: ASCII digits, no sign, no leading zero; -1 for anything else. */
    private static int parseVersion(String number) {
        if (number.isEmpty() || number.length() > 10 || number.charAt(0) == '0') {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= Integer.MAX_VALUE ? (int) value : -1;
    }

    /**
     * Whether this reference goes through an alias.
     *
     * @return true for {@code model:alias}
     */
    public boolean isAlias() {
        return alias != null;
    }

    /** @return {@code model@version} or {@code model:alias} */
    @Override
    public String toString() {
        return isAlias() ? model + ":" + alias : model + "@" + version;
    }
}
