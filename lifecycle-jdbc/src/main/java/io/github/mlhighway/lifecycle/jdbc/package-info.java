/** The shared store on PostgreSQL: documents, artifacts and the change log in one database, over JDBC. */
@NullMarked
package io.github.mlhighway.lifecycle.jdbc;

import org.jspecify.annotations.NullMarked;
