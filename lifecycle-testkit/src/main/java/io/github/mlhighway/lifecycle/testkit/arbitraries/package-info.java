/**
 * jqwik arbitraries for Lifecycle data: per-second event streams whose errors come in bursts at a chosen burn
 * rate ({@link io.github.mlhighway.lifecycle.testkit.arbitraries.EventStream}), numeric and categorical columns
 * with a controlled shift ({@link io.github.mlhighway.lifecycle.testkit.arbitraries.ShiftedColumns}), and tables
 * that satisfy a {@link io.github.mlhighway.lifecycle.core.data.schema.Schema}. Start at
 * {@link io.github.mlhighway.lifecycle.testkit.arbitraries.LifecycleArbitraries}.
 */
@NullMarked
package io.github.mlhighway.lifecycle.testkit.arbitraries;

import org.jspecify.annotations.NullMarked;
