package io.github.mlhighway.lifecycle.core.slo.openslo;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The v1alpha window unit names and their duration letters. */
final class OpenSloUnits {

    private static final Map<String, Character> LETTERS = Map.of("Second", 's', "Minute", 'm', "Hour", 'h',
            "Day", 'd', "Week", 'w', "Month", 'M', "Quarter", 'Q', "Year", 'Y');

    private OpenSloUnits() {
    }

    /** The duration letter of a v1alpha unit name, or {@code null} when unknown. */
    static @Nullable Character letter(String unitName) {
        return LETTERS.get(unitName);
    }
}
