package io.github.mlhighway.lifecycle.core.evaluation;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A slice key per row turned into one 0/1 weight vector per slice, in key order.
 *
 * @since 0.1
 */
public final class SliceKeys {

    private final Map<String, int[]> masks;

    private SliceKeys(Map<String, int[]> masks) {
        this.masks = masks;
    }

    /**
     * Groups rows by key.
     *
     * @param keys one key per row
     * @param rows the number of rows of the data
     * @return the slices
     * @throws IllegalArgumentException for a null key (naming the row) or a length other than {@code rows}
     */
    public static SliceKeys of(String[] keys, int rows) {
        Objects.requireNonNull(keys, "slice keys");
        InputChecks.sameLength("slice keys", keys.length, "the data", rows);
        Map<String, int[]> masks = new TreeMap<>();
        for (int row = 0; row < keys.length; row++) {
            if (keys[row] == null) {
                throw new IllegalArgumentException("slice key at row " + row + " is null");
            }
            masks.computeIfAbsent(keys[row], k -> new int[rows])[row] = 1;
        }
        return new SliceKeys(masks);
    }

    /** @return 0/1 weights per slice key, sorted by key; do not modify the arrays */
    public Map<String, int[]> masks() {
        return masks;
    }

    /**
     * Weight 1 on every row.
     *
     * @param rows number of rows
     * @return the weights
     */
    public static int[] all(int rows) {
        int[] ones = new int[rows];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    /**
     * The number of rows with positive weight.
     *
     * @param mask weights
     * @return the count
     */
    public static int size(int[] mask) {
        int n = 0;
        for (int w : mask) {
            n += w > 0 ? 1 : 0;
        }
        return n;
    }
}
