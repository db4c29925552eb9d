/**
 * Data reliability: a small immutable columnar {@link io.github.mlhighway.lifecycle.core.data.Table} with typed
 * columns and nulls, the thing that schemas, constraints, profiles and drift tests read.
 *
 * <p>Sub-packages hold the concerns built on it: reading CSV and adapting host objects, schemas, quality
 * constraints and data gates, mergeable profiles, drift tests, and anomalies on metric history.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.data;

import org.jspecify.annotations.NullMarked;
