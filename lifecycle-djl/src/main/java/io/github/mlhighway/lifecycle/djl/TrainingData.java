package io.github.mlhighway.lifecycle.djl;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.util.Arrays;
import java.util.Objects;

/**
 * The rows a binary classifier trains on: one feature row and one 0/1 label per example. Validated when created
 * (at least one row, every row of the same positive width, one label per row, each label 0 or 1). A record, so a
 * pipeline can checkpoint it as JSON; the arrays are not copied, do not change them after handing them over.
 *
 * @param features one row per example, all rows of the same positive width
 * @param labels   0 or 1 per row
 * @since 0.1
 */
public record TrainingData(float[][] features, float[] labels) {

    /**
     * @throws IllegalArgumentException when the rows are empty or ragged, or the labels do not match them
     */
    public TrainingData {
        DjlTrainer.checkRows(features);
        int rows = features.length;
        if (labels == null || labels.length != rows) {
            throw new IllegalArgumentException("labels must have one value per row (" + rows + "), got "
                    + (labels == null ? "null" : labels.length));
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0f && labels[i] != 1f) {
                throw new IllegalArgumentException("label of row " + i + " must be 0 or 1: " + labels[i]);
            }
        }
    }

    /**
     * @param features one row per example
     * @param labels   0 or 1 per row
     * @return the training data
     * @throws IllegalArgumentException when the rows are empty or ragged, or the labels do not match them
     */
    public static TrainingData of(float[][] features, float[] labels) {
        return new TrainingData(features, labels);
    }

    /** @return the number of examples */
    public int rows() {
        return features.length;
    }

    /** @return the number of features per row */
    public int width() {
        return features[0].length;
    }

    /** @return the lowercase hex SHA-256 of the rows and labels (identifies the data in checkpoints and lineage) */
    public String sha256() {
        Hasher hasher = Hashing.sha256().newHasher();
        hasher.putInt(rows()).putInt(width());
        for (float[] row : features) {
            for (float value : row) {
                hasher.putFloat(value);
            }
        }
        for (float label : labels) {
            hasher.putFloat(label);
        }
        return hasher.hash().toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingData that && Arrays.deepEquals(features, that.features)
                && Arrays.equals(labels, that.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(features), Arrays.hashCode(labels));
    }

    @Override
    public String toString() {
        return "TrainingData[" + rows() + " rows x " + width() + " features]";
    }
}
