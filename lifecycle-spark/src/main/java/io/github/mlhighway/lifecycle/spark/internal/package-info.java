/** The aggregators, buffers and column mapping behind {@code lifecycle-spark}; not for other modules. */
@NullMarked
package io.github.mlhighway.lifecycle.spark.internal;

import org.jspecify.annotations.NullMarked;
