package io.github.mlhighway.lifecycle.core.data.profile;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Exact counts of categories while at most {@code cap} are distinct, then nothing. Not thread-safe. */
final class CategoryCounter {
    private final int cap;
    private @Nullable HashMap<String, long[]> counts = new HashMap<>();

    CategoryCounter(int cap) {
        this.cap = cap;
    }

    void add(String category, long weight) {
        if (counts == null) {
            return;
        }
        long[] count = counts.get(category);
        if (count != null) {
            count[0] += weight;
        } else if (counts.size() == cap) {
            counts = null;
        } else {
            counts.put(category, new long[] {weight});
        }
    }

    /** @return counts by category in category order, or null once the cap was exceeded */
    @Nullable Map<String, Long> toMap() {
        if (counts == null) {
            return null;
        }
        Map<String, Long> map = new TreeMap<>();
        counts.forEach((category, count) -> map.put(category, count[0]));
        return map;
    }
}
