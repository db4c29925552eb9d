package io.github.mlhighway.lifecycle.cli;

import java.util.Map;
import java.util.stream.Collectors;

/** Plain-text rendering shared by the registry and lineage commands. */
final class RegistryText {

    private RegistryText() {
    }

    /**
     * {@code a=1, b=2}, in the map's order.
     *
     * @param map the pairs
     * @return the text, or {@code none} for an empty map
     */
    static String pairs(Map<String, ?> map) {
        if (map.isEmpty()) {
            return "none";
        }
        return map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
