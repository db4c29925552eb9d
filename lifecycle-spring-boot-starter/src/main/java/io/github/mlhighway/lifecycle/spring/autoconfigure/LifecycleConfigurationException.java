package io.github.mlhighway.lifecycle.spring.autoconfigure;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@code lifecycle.*} property the runtime cannot be built from: an unreadable or invalid OpenSLO file, a store
 * location that is not a usable directory, an interval that is not positive, an SLO name that no file defines.
 * Start-up fails with it; {@link LifecycleFailureAnalyzer} turns it into Spring Boot's "APPLICATION FAILED TO
 * START" report naming the property.
 *
 * @since 0.1
 */
public class LifecycleConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String value;
    private final String reason;

    /**
     * The exception.
     *
     * @param property the property's full name, e.g. {@code lifecycle.slos}
     * @param value    its value as configured, or null when it is not set
     * @param reason   what is wrong with it, one sentence
     * @param cause    the failure that showed it, or null
     */
    public LifecycleConfigurationException(String property, @Nullable Object value, String reason,
                                           @Nullable Throwable cause) {
        super("Invalid property '" + property + "' (value '" + value + "'): " + reason, cause);
        this.property = Objects.requireNonNull(property, "property");
        this.value = String.valueOf(value);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the property's full name, e.g. {@code lifecycle.store.location} */
    public String property() {
        return property;
    }

    /** @return the value as configured */
    public String value() {
        return value;
    }

    /** @return what is wrong with it */
    public String reason() {
        return reason;
    }
}
