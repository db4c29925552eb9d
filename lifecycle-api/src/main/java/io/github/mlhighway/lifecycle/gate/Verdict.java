package io.github.mlhighway.lifecycle.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The result of any check: an {@link Outcome} with the {@link Finding findings} that justify it, the name of
 * the gate that decided, when it decided and, when known, the exact content it decided about. Immutable;
 * serializes to JSON as a plain record (an empty subject is left out, so verdicts without one read and write as
 * they always did).
 *
 * <p><b>Subject.</b> A verdict may name the SHA-256 of every artifact it was decided about (e.g. the files of a
 * saved model, by name). A pipeline stamps it on the verdicts of its gates (see {@code PipelineBuilder.gate}); a
 * gate can set it itself with {@link #about(Map)}. The model registry accepts such a verdict as evidence for a
 * version registered <i>after</i> the verdict when the version's artifacts have exactly these digests: the
 * verdict is then about those very bytes, whenever they were registered.
 *
 * @param gate      name of the gate that produced this verdict
 * @param outcome   overall outcome
 * @param findings  the evidence, in the order it was gathered
 * @param decidedAt when the verdict was reached (from the injected clock)
 * @param subject   what it was decided about: artifact name to lowercase hex SHA-256 of its bytes, sorted by
 *                  name; empty when not known
 * @since 0.1
 */
public record Verdict(String gate, Outcome outcome, List<Finding> findings, Instant decidedAt,
        Map<String, String> subject) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Validates and defensively copies the components; a null subject is empty.
     *
     * @throws NullPointerException     if gate, outcome, findings or decidedAt is null
     * @throws IllegalArgumentException if a subject digest is not 64 lowercase hex digits
     */
    public Verdict {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decidedAt, "decidedAt");
        findings = List.copyOf(findings);
        subject = subject == null || subject.isEmpty() ? Map.of() : sortedDigests(gate, subject);
    }

    /**
     * A verdict that names no subject.
     *
     * @param gate      name of the gate that produced this verdict
     * @param outcome   overall outcome
     * @param findings  the evidence, in the order it was gathered
     * @param decidedAt when the verdict was reached
     */
    public Verdict(String gate, Outcome outcome, List<Finding> findings, Instant decidedAt) {
        this(gate, outcome, findings, decidedAt, Map.of());
    }

    /**
     * A verdict whose outcome is the worst outcome of its findings, or PASS when there are none.
     *
     * @param gate      name of the gate
     * @param findings  the evidence
     * @param decidedAt when it was decided
     * @return the verdict
     */
    public static Verdict fromFindings(String gate, List<Finding> findings, Instant decidedAt) {
        Outcome outcome = Outcome.PASS;
        for (Finding finding : findings) {
            outcome = Outcome.worst(outcome, finding.outcome());
        }
        return new Verdict(gate, outcome, findings, decidedAt);
    }

    /**
     * Whether the guarded step may proceed (PASS or WARN).
     *
     * @return true when the outcome allows proceeding
     */
    public boolean allowsProceeding() {
        return outcome.allowsProceeding();
    }

    /**
     * The same verdict with its outcome replaced, findings unchanged.
     *
     * @param newOutcome the outcome to report
     * @return a new verdict
     */
    public Verdict withOutcome(Outcome newOutcome) {
        return new Verdict(gate, newOutcome, findings, decidedAt, subject);
    }

    /**
     * The same verdict, naming what it was decided about.
     *
     * @param digests artifact name to lowercase hex SHA-256 of its bytes; empty to name nothing
     * @return a new verdict
     * @throws IllegalArgumentException if a digest is not 64 lowercase hex digits
     */
    public Verdict about(Map<String, String> digests) {
        return new Verdict(gate, outcome, findings, decidedAt, Objects.requireNonNull(digests, "digests"));
    }

    /**
     * Whether this verdict names its subject's digests.
     *
     * @return true when {@link #subject()} is not empty
     */
    public boolean hasSubject() {
        return !subject.isEmpty();
    }

    /**
     * The same verdict with one more finding, and the outcome made at least as severe as that finding's.
     *
     * @param finding the finding to add
     * @return a new verdict
     */
    public Verdict with(Finding finding) {
        List<Finding> all = new ArrayList<>(findings);
        all.add(finding);
        return new Verdict(gate, Outcome.worst(outcome, finding.outcome()), all, decidedAt, subject);
    }

    /**
     * A multi-line, human-readable rendering: the outcome and gate on the first line, one finding per line.
     *
     * @return the text
     */
    public String describe() {
        StringBuilder text = new StringBuilder().append(outcome).append(" from gate '").append(gate)
                .append("' at ").append(decidedAt);
        for (Finding finding : findings) {
            text.append(System.lineSeparator()).append("  - ").append(finding);
        }
        if (!subject.isEmpty()) {
            text.append(System.lineSeparator()).append("  about ").append(subject);
        }
        return text.toString();
    }

    private static Map<String, String> sortedDigests(String gate, Map<String, String> digests) {
        TreeMap<String, String> sorted = new TreeMap<>();
        digests.forEach((name, digest) -> {
            Objects.requireNonNull(name, "subject artifact name");
            if (digest == null || !SHA256.matcher(digest).matches()) {
                throw new IllegalArgumentException("Verdict of gate '" + gate + "': subject '" + name
                        + "' has digest '" + digest + "'; expected 64 lowercase hex digits of a SHA-256");
            }
            sorted.put(name, digest);
        });
        return Collections.unmodifiableMap(sorted);
    }
}
