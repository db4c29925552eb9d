/**
 * The test kit: a controllable clock that drives simulated time through Lifecycle objects, so tests run
 * days of traffic in milliseconds.
 */
package io.github.mlhighway.lifecycle.testkit;
