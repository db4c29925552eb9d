/**
 * Conformance kits: abstract JUnit 5 test classes that an implementer of a Lifecycle SPI extends to prove the
 * contract. {@link io.github.mlhighway.lifecycle.testkit.conformance.StoreContract} covers the Store SPI.
 */
package io.github.mlhighway.lifecycle.testkit.conformance;
