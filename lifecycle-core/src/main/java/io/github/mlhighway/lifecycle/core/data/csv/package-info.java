/**
 * Reading CSV files into {@link io.github.mlhighway.lifecycle.core.data.Table tables} through Jackson's CSV
 * module: a header row, column types inferred or taken from a
 * {@link io.github.mlhighway.lifecycle.core.data.schema.Schema}, configurable null tokens, and errors that name
 * the source, line and column. Entry point: {@link io.github.mlhighway.lifecycle.core.data.csv.CsvTables}.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.data.csv;

import org.jspecify.annotations.NullMarked;
