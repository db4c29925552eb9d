/**
 * The runtime: one {@link io.github.mlhighway.lifecycle.core.runtime.Lifecycle} a host application builds once. It
 * owns the clock, the store, the scheduler and every registry, and closes the loop between them (SLO alerts open
 * incidents, a paging candidate rolls back, a promotion moves the alias with its verdicts, the error-budget policy
 * freezes promotions, retraining triggers call the host).
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.runtime;

import org.jspecify.annotations.NullMarked;
