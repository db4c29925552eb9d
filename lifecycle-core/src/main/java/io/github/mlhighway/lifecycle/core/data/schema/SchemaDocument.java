package io.github.mlhighway.lifecycle.core.data.schema;

import java.util.List;

/**
 * The JSON form of a schema.
 *
 * @param formatVersion the document format version
 * @param columns       the columns
 */
record SchemaDocument(Integer formatVersion, List<ColumnSchema> columns) {
}
