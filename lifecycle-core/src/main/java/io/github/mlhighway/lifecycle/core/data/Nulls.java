package io.github.mlhighway.lifecycle.core.data;

import java.util.BitSet;
import java.util.Objects;
import java.util.regex.Pattern;

/** Shared pieces of the column classes: the null mask, name rules and index checks. */
final class Nulls {

    private static final Pattern NAME = Pattern.compile("\\S(.*\\S)?");

    private Nulls() {
    }

    static String requireName(String name) {
        Objects.requireNonNull(name, "column name");
        if (name.length() > 256 || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid column name '" + name
                    + "': 1 to 256 characters, not blank, no leading or trailing spaces");
        }
        return name;
    }

    static BitSet select(BitSet nulls, int[] rows) {
        BitSet selected = new BitSet(rows.length);
        for (int i = 0; i < rows.length; i++) {
            if (nulls.get(rows[i])) {
                selected.set(i);
            }
        }
        return selected;
    }

    static void checkIndex(int row, int size, String column) {
        if (row < 0 || row >= size) {
            throw new IndexOutOfBoundsException("Row " + row + " is outside column '" + column + "' of " + size
                    + " rows");
        }
    }

    static int growTo(int needed, int current) {
        if (needed < 0) {
            throw new IllegalStateException("A column cannot hold more than " + Integer.MAX_VALUE + " rows");
        }
        return Math.max(needed, current < 16 ? 16 : current + (current >> 1));
    }
}
