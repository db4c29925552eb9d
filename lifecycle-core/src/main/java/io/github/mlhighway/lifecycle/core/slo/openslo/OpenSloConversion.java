package io.github.mlhighway.lifecycle.core.slo.openslo;

import io.github.mlhighway.lifecycle.slo.Slo;
import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.util.List;

/**
 * The engine SLOs made from OpenSLO documents, and what the conversion had to interpret.
 *
 * @param slos     one SLO per objective, in document order
 * @param warnings interpretations worth knowing (e.g. a calendar {@code 1m} read as one month); not errors
 * @since 0.1
 */
public record OpenSloConversion(List<Slo> slos, List<SloSpecException.Problem> warnings) {

    /** Copies the lists. */
    public OpenSloConversion {
        slos = List.copyOf(slos);
        warnings = List.copyOf(warnings);
    }
}
