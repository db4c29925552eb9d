package io.github.mlhighway.lifecycle.pipeline;

import io.github.mlhighway.lifecycle.gate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one stage of a run.
 *
 * @param name         stage name
 * @param outputType   the declared output type
 * @param codec        name of the codec its output is stored with
 * @param status       where it stands
 * @param attempts     attempts made so far (over every execution of the run)
 * @param startedAt    start of the last attempt, or null when pending
 * @param endedAt      end of the last attempt, or null
 * @param inputDigest  SHA-256 of the encoded input, or null before it ran
 * @param outputDigest SHA-256 of the encoded output, or null until it succeeded
 * @param verdicts     the current verdict of each gate after this stage, in gate order
 * @param failures     one per failed attempt, oldest first
 * @param earlierVerdicts verdicts that stopped the run and were replaced when a later execution evaluated the
 *                     gate again (a gate that threw, INCONCLUSIVE, or FAIL), oldest first; empty when none
 * @since 0.1
 */
public record StageRecord(String name, String outputType, String codec, StageStatus status, int attempts,
        @Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable String inputDigest,
        @Nullable String outputDigest, List<Verdict> verdicts,
        List<Failure> failures, List<Verdict> earlierVerdicts) {

    /** Validates and copies the components. */
    public StageRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
        failures = failures == null ? List.of() : List.copyOf(failures);
        earlierVerdicts = earlierVerdicts == null ? List.of() : List.copyOf(earlierVerdicts);
    }

    /**
     * A record with no earlier verdicts.
     *
     * @param name         stage name
     * @param outputType   the declared output type
     * @param codec        name of the codec its output is stored with
     * @param status       where it stands
     * @param attempts     attempts made so far
     * @param startedAt    start of the last attempt, or null
     * @param endedAt      end of the last attempt, or null
     * @param inputDigest  SHA-256 of the encoded input, or null
     * @param outputDigest SHA-256 of the encoded output, or null
     * @param verdicts     the current verdict of each gate, in order
     * @param failures     one per failed attempt, oldest first
     */
    public StageRecord(String name, String outputType, String codec, StageStatus status, int attempts,
            @Nullable Instant startedAt, @Nullable Instant endedAt, @Nullable String inputDigest,
            @Nullable String outputDigest, List<Verdict> verdicts,
            List<Failure> failures) {
        this(name, outputType, codec, status, attempts, startedAt, endedAt, inputDigest, outputDigest, verdicts,
                failures, List.of());
    }

    /** @return the time between start and end of the last attempt, when both are known */
    public Optional<Duration> duration() {
        return startedAt == null || endedAt == null ? Optional.empty()
                : Optional.of(Duration.between(startedAt, endedAt));
    }
}
