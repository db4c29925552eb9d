/** The SLO engine: the registry of declared SLOs, their trackers and the state each tracker reports. */
@NullMarked
package io.github.mlhighway.lifecycle.core.slo;

import org.jspecify.annotations.NullMarked;
