package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;

/**
 * A gate between two stages.
 *
 * @param gate                  the gate, applied to the previous stage's output
 * @param proceedOnInconclusive whether INCONCLUSIVE lets the run continue (it stops it by default)
 */
record GateStep(Gate<Object> gate, boolean proceedOnInconclusive) {

    boolean allows(Outcome outcome) {
        return outcome.allowsProceeding() || outcome == Outcome.INCONCLUSIVE && proceedOnInconclusive;
    }
}
