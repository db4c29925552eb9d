package io.github.mlhighway.lifecycle.pipeline;

import io.github.mlhighway.lifecycle.gate.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 * @param verdicts     verdicts of the gates after this stage, in order
 * @param failures     one per failed attempt, oldest first
 */
public record StageRecord(String name, String outputType, String codec, StageStatus status, int attempts,
        Instant startedAt, Instant endedAt, String inputDigest, String outputDigest, List<Verdict> verdicts,
        List<Failure> failures) {

    /** Validates and copies the components. */
    public StageRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /** @return the time between start and end of the last attempt, when both are known */
    public Optional<Duration> duration() {
        return startedAt == null || endedAt == null ? Optional.empty()
                : Optional.of(Duration.between(startedAt, endedAt));
    }
}
