/**
 * Profiles, data gates and quarantine on Apache Spark {@code Dataset<Row>}: the library's profiles and gates,
 * computed in one scan by a typed aggregator and equal to the in-process results on the same rows. Spark is a
 * provided dependency; on Java 17 the JVM needs Spark's {@code --add-opens} flags (see the module README section
 * "Profiling on Spark").
 */
@NullMarked
package io.github.mlhighway.lifecycle.spark;

import org.jspecify.annotations.NullMarked;
