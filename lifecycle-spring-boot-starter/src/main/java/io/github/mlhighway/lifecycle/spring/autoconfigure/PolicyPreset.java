package io.github.mlhighway.lifecycle.spring.autoconfigure;

import io.github.mlhighway.lifecycle.core.policy.ErrorBudgetPolicy;
import io.github.mlhighway.lifecycle.core.runtime.Lifecycle;
import io.github.mlhighway.lifecycle.core.slo.SloTracker;
import java.util.List;

/**
 * The error-budget policies {@code lifecycle.policy.preset} can install on the runtime.
 *
 * @since 0.1
 */
public enum PolicyPreset {

    /**
     * The SRE Workbook's policy ({@link ErrorBudgetPolicy#sreWorkbook}): an exhausted budget of a watched SLO
     * freezes releases, except changes labelled {@code security} or {@code P0}; page and ticket alerts page and
     * open tickets.
     */
    SRE_WORKBOOK {
        @Override
        void install(Lifecycle lifecycle, List<SloTracker> watched) {
            if (!watched.isEmpty()) {
                lifecycle.sreWorkbookPolicy(watched.toArray(SloTracker[]::new));
            }
        }
    },

    /** No policy: releases promote on their analyses alone (the application may still install its own). */
    NONE {
        @Override
        void install(Lifecycle lifecycle, List<SloTracker> watched) {
            // nothing to install
        }
    };

    /**
     * Installs the preset over the watched SLOs (nothing when there are none).
     *
     * @param lifecycle the runtime
     * @param watched   the SLOs whose budgets decide
     */
    abstract void install(Lifecycle lifecycle, List<SloTracker> watched);
}
