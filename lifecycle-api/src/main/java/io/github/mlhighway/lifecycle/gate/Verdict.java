package io.github.mlhighway.lifecycle.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of any check: an {@link Outcome} with the {@link Finding findings} that justify it, the name of
 * the gate that decided, and when it decided. Immutable; serializes to JSON as a plain record.
 *
 * @param gate      name of the gate that produced this verdict
 * @param outcome   overall outcome
 * @param findings  the evidence, in the order it was gathered
 * @param decidedAt when the verdict was reached (from the injected clock)
 */
public record Verdict(String gate, Outcome outcome, List<Finding> findings, Instant decidedAt) {

    /**
     * Validates and defensively copies the components.
     *
     * @throws NullPointerException if any component is null
     */
    public Verdict {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decidedAt, "decidedAt");
        findings = List.copyOf(findings);
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
        return new Verdict(gate, newOutcome, findings, decidedAt);
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
        return new Verdict(gate, Outcome.worst(outcome, finding.outcome()), all, decidedAt);
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
        return text.toString();
    }
}
