package io.github.mlhighway.lifecycle.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A check that can say no, with evidence. Implementations must be safe to call from several threads when they
 * hold no mutable state of their own.
 *
 * @param <T> the type of subject the gate evaluates (a table, an evaluation, a proposed change ...)
 * @since 0.1
 */
@FunctionalInterface
public interface Gate<T> {

    /**
     * Evaluates the subject.
     *
     * @param subject what to check; never null
     * @return the verdict, never null
     */
    Verdict evaluate(T subject);

    /**
     * The gate's name as it appears in verdicts and run records. Defaults to the simple class name, or
     * {@code "gate"} for lambdas and anonymous classes: name those with {@link #named(String, Gate)}.
     *
     * @return the name
     */
    default String name() {
        Class<?> type = getClass();
        if (type.isHidden() || type.isSynthetic() || type.isAnonymousClass()) {
            return "gate";
        }
        return type.getSimpleName();
    }

    /**
     * A gate that passes only when every gate allows proceeding; its outcome is the worst of theirs and its
     * findings are all of theirs. Every gate is evaluated, so the evidence is complete.
     *
     * @param name  name of the combined gate
     * @param gates the gates to combine, at least one
     * @param <T>   subject type
     * @return the combined gate
     */
    @SafeVarargs
    static <T> Gate<T> allOf(String name, Gate<? super T>... gates) {
        List<Gate<? super T>> all = requireGates(name, gates);
        return named(name, subject -> {
            List<Finding> findings = new ArrayList<>();
            Outcome outcome = Outcome.PASS;
            Instant decidedAt = null;
            for (Gate<? super T> gate : all) {
                Verdict verdict = gate.evaluate(subject);
                findings.addAll(verdict.findings());
                outcome = Outcome.worst(outcome, verdict.outcome());
                decidedAt = verdict.decidedAt();
            }
            // requireGates guarantees at least one gate, so the loop set decidedAt
            return new Verdict(name, outcome, findings, Objects.requireNonNull(decidedAt, "decidedAt"));
        });
    }

    /**
     * A gate that passes when at least one gate allows proceeding; its outcome is the best of theirs and its
     * findings are all of theirs.
     *
     * @param name  name of the combined gate
     * @param gates the gates to combine, at least one
     * @param <T>   subject type
     * @return the combined gate
     */
    @SafeVarargs
    static <T> Gate<T> anyOf(String name, Gate<? super T>... gates) {
        List<Gate<? super T>> all = requireGates(name, gates);
        return named(name, subject -> {
            List<Finding> findings = new ArrayList<>();
            Outcome best = Outcome.FAIL;
            Instant decidedAt = null;
            for (Gate<? super T> gate : all) {
                Verdict verdict = gate.evaluate(subject);
                findings.addAll(verdict.findings());
                if (verdict.outcome().ordinal() < best.ordinal()) {
                    best = verdict.outcome();
                }
                decidedAt = verdict.decidedAt();
            }
            // requireGates guarantees at least one gate, so the loop set decidedAt
            return new Verdict(name, best, findings, Objects.requireNonNull(decidedAt, "decidedAt"));
        });
    }

    /**
     * A gate that reports what the given gate found but never blocks: FAIL and INCONCLUSIVE become WARN.
     *
     * @param gate the gate whose findings become warnings
     * @param <T>  subject type
     * @return the non-blocking gate
     */
    static <T> Gate<T> warnOnly(Gate<T> gate) {
        Objects.requireNonNull(gate, "gate");
        String name = gate.name() + ".warnOnly";
        return named(name, subject -> {
            Verdict verdict = gate.evaluate(subject);
            return verdict.allowsProceeding() ? verdict : verdict.withOutcome(Outcome.WARN);
        });
    }

    /**
     * Gives a lambda gate a name.
     *
     * @param name name of the gate
     * @param gate the gate logic
     * @param <T>  subject type
     * @return a gate whose {@link #name()} is {@code name}
     */
    static <T> Gate<T> named(String name, Gate<T> gate) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gate, "gate");
        return new Gate<>() {
            @Override
            public Verdict evaluate(T subject) {
                return gate.evaluate(subject);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return "Gate[" + name + "]";
            }
        };
    }

    private static <T> List<Gate<? super T>> requireGates(String name, Gate<? super T>[] gates) {
        Objects.requireNonNull(name, "name");
        if (gates.length == 0) {
            throw new IllegalArgumentException("Gate '" + name + "' needs at least one gate to combine");
        }
        for (int i = 0; i < gates.length; i++) {
            Objects.requireNonNull(gates[i], "gates[" + i + "]");
        }
        return List.of(gates);
    }
}
