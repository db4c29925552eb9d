package io.github.mlhighway.lifecycle.core.pipeline;

import io.github.mlhighway.lifecycle.gate.Gate;
import io.github.mlhighway.lifecycle.gate.Outcome;
import io.github.mlhighway.lifecycle.pipeline.Stage;
import io.github.mlhighway.lifecycle.slo.Slo;
import org.jspecify.annotations.Nullable;

/**
 * A gate between two stages.
 *
 * @param gate                  the gate, applied to the previous stage's output (or to what {@code derive} makes
 *                              of it)
 * @param proceedOnInconclusive whether INCONCLUSIVE lets the run continue (it stops it by default)
 * @param derive                turns the stage output into the gated value, or null to gate the output itself
 * @param slo                   the SLO each first verdict of this gate in a run is recorded against, or null
 */
record GateStep(Gate<Object> gate, boolean proceedOnInconclusive, @Nullable Stage<Object, Object> derive,
        @Nullable Slo slo) {

    GateStep(Gate<Object> gate, boolean proceedOnInconclusive) {
        this(gate, proceedOnInconclusive, null, null);
    }

    boolean allows(Outcome outcome) {
        return outcome.allowsProceeding() || outcome == Outcome.INCONCLUSIVE && proceedOnInconclusive;
    }

    GateStep withSlo(Slo objective) {
        return new GateStep(gate, proceedOnInconclusive, derive, objective);
    }
}
