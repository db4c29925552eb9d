package io.github.mlhighway.lifecycle.core.serving;

import io.github.mlhighway.lifecycle.core.data.drift.DriftOptions;
import io.github.mlhighway.lifecycle.core.data.profile.DatasetProfile;
import io.github.mlhighway.lifecycle.core.data.profile.ProfileOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How a guarded model watches its serving data for drift against the training profile.
 *
 * @param reference      the training profile every window is compared with
 * @param window         window length; windows are aligned to multiples of it since the epoch
 * @param minimumRows    windows with fewer rows are not tested (no event)
 * @param inputRow       converts an input to a row whose columns match the training profile's
 * @param outputRow      converts a prediction to more columns of the same row, or null for inputs only
 * @param profileOptions sketch settings for the serving profiles
 * @param driftOptions   drift test settings
 * @param <I>            input type
 * @param <O>            output type
 * @since 0.1
 */
public record DriftSettings<I, O>(DatasetProfile reference, Duration window, long minimumRows,
                                  Function<? super I, ? extends Map<String, ?>> inputRow,
                                  @Nullable Function<? super O, ? extends Map<String, ?>> outputRow,
                                  ProfileOptions profileOptions, DriftOptions driftOptions) {

    /** The default window length. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    /** The default minimum rows for a window to be tested. */
    public static final long DEFAULT_MINIMUM_ROWS = 100;

    /**
     * Validates the components.
     *
     * @throws IllegalArgumentException if the window is not positive or the minimum rows is below 1
     */
    public DriftSettings {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(inputRow, "inputRow");
        Objects.requireNonNull(profileOptions, "profileOptions");
        Objects.requireNonNull(driftOptions, "driftOptions");
        if (window.isNegative() || window.toMillis() < 1) {
            throw new IllegalArgumentException("Drift window must be at least 1 ms, was " + window);
        }
        if (minimumRows < 1) {
            throw new IllegalArgumentException("minimumRows must be at least 1, was " + minimumRows);
        }
    }

    /**
     * Settings with the default window, minimum rows, profile and drift options, watching inputs only.
     *
     * @param reference the training profile
     * @param inputRow  converts an input to a row
     * @param <I>       input type
     * @param <O>       output type
     * @return the settings
     */
    public static <I, O> DriftSettings<I, O> of(DatasetProfile reference,
                                               Function<? super I, ? extends Map<String, ?>> inputRow) {
        return new DriftSettings<>(reference, DEFAULT_WINDOW, DEFAULT_MINIMUM_ROWS, inputRow, null,
                ProfileOptions.defaults(), DriftOptions.defaults());
    }

    /**
     * A copy with another window length.
     *
     * @param length the window
     * @return the copy
     */
    public DriftSettings<I, O> window(Duration length) {
        return new DriftSettings<>(reference, length, minimumRows, inputRow, outputRow, profileOptions, driftOptions);
    }

    /**
     * A copy with another minimum number of rows per tested window.
     *
     * @param rows the minimum
     * @return the copy
     */
    public DriftSettings<I, O> minimumRows(long rows) {
        return new DriftSettings<>(reference, window, rows, inputRow, outputRow, profileOptions, driftOptions);
    }

    /**
     * A copy that also profiles predictions.
     *
     * @param row converts a prediction to columns of the row
     * @return the copy
     */
    public DriftSettings<I, O> predictions(Function<? super O, ? extends Map<String, ?>> row) {
        return new DriftSettings<>(reference, window, minimumRows, inputRow, row, profileOptions, driftOptions);
    }

    /**
     * A copy with other drift test settings.
     *
     * @param options the settings
     * @return the copy
     */
    public DriftSettings<I, O> driftOptions(DriftOptions options) {
        return new DriftSettings<>(reference, window, minimumRows, inputRow, outputRow, profileOptions, options);
    }
}
