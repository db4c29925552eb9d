/**
 * The SLO engine's data structures: bucket rings with subtract-on-evict, calendar tallies and time-slice
 * accumulators. Not API: no other module may import this package.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.slo.internal;

import org.jspecify.annotations.NullMarked;
