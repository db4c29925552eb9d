package io.github.mlhighway.lifecycle.core.serving;

import io.github.mlhighway.lifecycle.core.slo.SloRegistry;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * A runtime that owns guarded models: it gives them its clock, nano-time source and SLO registry, and adopts each
 * model when it is built (to tick it and to close it). {@code Lifecycle.serving(name)} hands out builders bound to
 * its host, so a user never passes a clock or a registry to a model.
 *
 * @since 0.1
 */
public interface ServingHost {

    /** @return the clock the models' SLO windows, label expiry and drift windows follow */
    Clock clock();

    /** @return the monotonic nano-time source latencies are measured with */
    LongSupplier nanoTime();

    /** @return the registry the models' per-version and per-cohort trackers are registered in */
    SloRegistry slos();

    /**
     * Takes a model that was just built from a builder bound to this host.
     *
     * @param model the model
     */
    void adopt(GuardedModel<?, ?> model);
}
