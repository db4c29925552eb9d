package io.github.mlhighway.lifecycle.core.data.profile;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Merging of exact counts that are kept only while the number of distinct keys stays within a cap. */
final class CappedCounts {
    private CappedCounts() {
    }

    /**
     * @return the summed counts, or null when either side gave up or the union has more keys than the cap
     */
    static <K extends Comparable<K>> @Nullable Map<K, Long> merge(@Nullable Map<K, Long> a, @Nullable Map<K, Long> b,
            int cap) {
        if (a == null || b == null) {
            return null;
        }
        Map<K, Long> sum = new TreeMap<>(a);
        b.forEach((key, n) -> sum.merge(key, n, Long::sum));
        return sum.size() > cap ? null : sum;
    }
}
