/**
 * Lineage and provenance of pipeline runs: the {@link io.github.mlhighway.lifecycle.core.lineage.CodeVersion code
 * version} and {@link io.github.mlhighway.lifecycle.core.lineage.RuntimeEnvironment environment} each run records,
 * and {@link io.github.mlhighway.lifecycle.core.lineage.Lineage queries} over stored run records: what produced an
 * output, what used a data set, and how two runs differ.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.lineage;

import org.jspecify.annotations.NullMarked;
