package io.github.mlhighway.lifecycle.registry;

import java.util.Objects;

/**
 * An explicit decision to move an alias without a passing verdict, recorded in the audit log.
 *
 * @param who  who decided, e.g. an email address
 * @param why  the reason, e.g. {@code "rollback during incident 17"}
 * @since 0.1
 */
public record AliasOverride(String who, String why) {

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if either is blank: an override must say who and why
     */
    public AliasOverride {
        if (who == null || who.isBlank() || why == null || why.isBlank()) {
            throw new IllegalArgumentException("An alias override must say who decided and why; got who='" + who
                    + "', why='" + why + "'");
        }
    }
}
