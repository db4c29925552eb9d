package io.github.mlhighway.lifecycle.core.slo.openslo;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * OpenSLO names: every {@code metadata.name} and every reference to one ({@code indicatorRef},
 * {@code alertPolicyRef}, {@code conditionRef}, {@code metricSourceRef}) is an RFC-1123 label, as the OpenSLO SDK
 * checks: at most 63 lower case letters, digits or {@code -}, starting and ending with a letter or digit.
 */
final class Names {

    /** The longest name. */
    static final int MAX_LENGTH = 63;
    /** What a name looks like, for messages. */
    static final String EXPECTED = "an RFC-1123 label name: at most " + MAX_LENGTH + " lower case letters, digits or "
            + "'-', starting and ending with a letter or digit (e.g. my-name, 123-abc)";

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private Names() {
    }

    /** Whether the text is a valid name. */
    static boolean isValid(String name) {
        return name.length() <= MAX_LENGTH && LABEL.matcher(name).matches();
    }

    /** Reports a problem at the node unless the name (when there is one) is valid. */
    static void check(SpecNode node, @Nullable String name) {
        if (name != null && !name.isBlank() && !isValid(name)) {
            node.problem("found " + SpecNode.quote(name) + ", expected " + EXPECTED);
        }
    }

    /** An optional reference: its text, checked. */
    static @Nullable String ref(SpecNode node, String expected) {
        String name = node.text(expected);
        check(node, name);
        return name;
    }

    /** A required reference: its text, checked. */
    static @Nullable String requiredRef(SpecNode node, String expected) {
        String name = node.requiredText(expected);
        check(node, name);
        return name;
    }

    /** Whether the text holds a line break or another control character. */
    static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
