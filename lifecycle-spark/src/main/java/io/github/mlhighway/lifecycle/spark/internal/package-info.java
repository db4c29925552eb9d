/** The aggregators, buffers and column mapping behind {@code lifecycle-spark}; not for other modules. */
package io.github.mlhighway.lifecycle.spark.internal;
