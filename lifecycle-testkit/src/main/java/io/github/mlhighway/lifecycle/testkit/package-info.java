/**
 * The test kit: a controllable clock that drives simulated time through Lifecycle objects, so tests run
 * days of traffic in milliseconds.
 */
@NullMarked
package io.github.mlhighway.lifecycle.testkit;

import org.jspecify.annotations.NullMarked;
