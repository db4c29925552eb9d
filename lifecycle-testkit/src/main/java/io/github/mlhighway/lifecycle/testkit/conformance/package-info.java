/**
 * Conformance kits: abstract JUnit 5 test classes that an implementer of a Lifecycle SPI extends to prove the
 * contract. {@link io.github.mlhighway.lifecycle.testkit.conformance.StoreContract} covers the Store SPI (with a
 * reopen hook for durability), {@link io.github.mlhighway.lifecycle.testkit.conformance.TrafficPlanContract} a
 * traffic plan against an {@link io.github.mlhighway.lifecycle.testkit.conformance.ExpectedPlan},
 * {@link io.github.mlhighway.lifecycle.testkit.conformance.ModelRegistryContract} a model registry over any store,
 * and {@link io.github.mlhighway.lifecycle.testkit.conformance.CodecContract} a pipeline codec. Each kit's javadoc
 * lists its rules and the test that asserts each; the test kit's own tests run every kit against broken
 * implementations, one rule each, and fail the build if a kit lets one through.
 */
@NullMarked
package io.github.mlhighway.lifecycle.testkit.conformance;

import org.jspecify.annotations.NullMarked;
