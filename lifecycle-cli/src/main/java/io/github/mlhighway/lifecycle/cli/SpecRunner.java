package io.github.mlhighway.lifecycle.cli;

import io.github.mlhighway.lifecycle.core.slo.openslo.OpenSloConversion;
import io.github.mlhighway.lifecycle.slo.SloSpecException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * Runs a step that reads specs and reports its outcome the same way for every command: warnings and problems on
 * stderr, one per line, and exit code 1 when there is a problem.
 */
final class SpecRunner {

    /** Exit code of invalid input. */
    static final int INVALID = 1;

    private SpecRunner() {
    }

    static int run(SpecOptions specs, PrintWriter err, Function<OpenSloConversion, Integer> step) {
        try {
            OpenSloConversion conversion = specs.load();
            conversion.warnings().forEach(warning -> err.println("warning: " + warning));
            err.flush();
            return step.apply(conversion);
        } catch (SloSpecException e) {
            e.problems().forEach(problem -> err.println("error: " + problem));
            err.flush();
            return INVALID;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return INVALID;
        }
    }
}
