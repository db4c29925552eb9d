package io.github.mlhighway.lifecycle.core.evaluation;

import java.util.Objects;

/** Argument checks shared by the data holders; each failure names the array and the row. */
final class InputChecks {

    private InputChecks() {
    }

    static void sameLength(String name, int length, String otherName, int otherLength) {
        if (length != otherLength) {
            throw new IllegalArgumentException(name + " has " + length + " rows but " + otherName + " has "
                    + otherLength);
        }
    }

    static double[] finite(String name, double[] values) {
        Objects.requireNonNull(values, name);
        for (int row = 0; row < values.length; row++) {
            if (!Double.isFinite(values[row])) {
                throw new IllegalArgumentException(name + " at row " + row + " is " + values[row]
                        + "; every value must be finite");
            }
        }
        return values.clone();
    }

    static double[] probabilities(String name, double[] values) {
        double[] copy = finite(name, values);
        for (int row = 0; row < copy.length; row++) {
            if (copy[row] < 0 || copy[row] > 1) {
                throw new IllegalArgumentException(name + " at row " + row + " is " + copy[row]
                        + "; a probability must be in [0, 1]");
            }
        }
        return copy;
    }

    static boolean[] binaryLabels(String name, int[] labels) {
        Objects.requireNonNull(labels, name);
        boolean[] positive = new boolean[labels.length];
        for (int row = 0; row < labels.length; row++) {
            if (labels[row] != 0 && labels[row] != 1) {
                throw new IllegalArgumentException(name + " at row " + row + " is " + labels[row]
                        + "; a label must be 0 or 1");
            }
            positive[row] = labels[row] == 1;
        }
        return positive;
    }
}
