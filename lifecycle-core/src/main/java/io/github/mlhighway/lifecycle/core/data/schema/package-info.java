/**
 * Schemas: what a table is expected to look like, column by column, and the report of how a table differs.
 *
 * <p>A {@link io.github.mlhighway.lifecycle.core.data.schema.Schema} is inferred from data
 * ({@link io.github.mlhighway.lifecycle.core.data.schema.Schema#infer(io.github.mlhighway.lifecycle.core.data.Table)}),
 * edited with {@code with...} methods (it is immutable), stored as versioned JSON, and used to
 * {@link io.github.mlhighway.lifecycle.core.data.schema.Schema#validate(io.github.mlhighway.lifecycle.core.data.Table, String)
 * validate} tables in an <em>environment</em> such as {@code TRAINING} or {@code SERVING}, where the label
 * column is required in the first and absent in the second.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.data.schema;

import org.jspecify.annotations.NullMarked;
