package io.github.mlhighway.lifecycle.serving;

/**
 * Counts of delayed labels since the guarded model started.
 *
 * @param joined     labels joined with a stored prediction
 * @param correct    of those, predictions the judge found correct
 * @param unmatched  labels for request ids never stored, or whose prediction expired or was evicted
 * @param duplicates second (or later) labels for a request id already labelled; ignored
 */
public record LabelStats(long joined, long correct, long unmatched, long duplicates) {

    /**
     * Joined labels the model got wrong.
     *
     * @return joined - correct
     */
    public long incorrect() {
        return joined - correct;
    }
}
