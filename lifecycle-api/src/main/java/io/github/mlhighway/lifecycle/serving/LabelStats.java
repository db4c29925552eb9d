package io.github.mlhighway.lifecycle.serving;

/**
 * Counts of delayed labels since the guarded model started.
 *
 * <p>Answers the fallback gave (because the version failed, timed out or was rejected) are stored too, so their
 * labels join: they are part of {@code joined} and {@code correct}, which describe what users got, and are also
 * counted on their own in {@code fallbackJoined} and {@code fallbackCorrect}.
 *
 * @param joined          labels joined with a stored answer, the fallback's included
 * @param correct         of those, answers the judge found correct
 * @param unmatched       labels for request ids never stored, or whose answer expired or was evicted
 * @param duplicates      second (or later) labels for a request id already labelled; ignored
 * @param fallbackJoined  of the joined labels, those joined with an answer of the fallback
 * @param fallbackCorrect of those, fallback answers the judge found correct
 * @since 0.1
 */
public record LabelStats(long joined, long correct, long unmatched, long duplicates, long fallbackJoined,
                         long fallbackCorrect) {

    /**
     * Counts without fallback answers (kept for callers written before fallback answers were stored).
     *
     * @param joined     labels joined with a stored prediction
     * @param correct    of those, predictions the judge found correct
     * @param unmatched  labels for request ids never stored, or expired or evicted
     * @param duplicates second (or later) labels for a request id already labelled
     */
    public LabelStats(long joined, long correct, long unmatched, long duplicates) {
        this(joined, correct, unmatched, duplicates, 0, 0);
    }

    /**
     * Joined labels whose answer was wrong.
     *
     * @return joined - correct
     */
    public long incorrect() {
        return joined - correct;
    }

    /**
     * Joined labels of answers the model versions gave themselves (the ones their accuracy SLOs count).
     *
     * @return joined - fallbackJoined
     */
    public long modelJoined() {
        return joined - fallbackJoined;
    }
}
