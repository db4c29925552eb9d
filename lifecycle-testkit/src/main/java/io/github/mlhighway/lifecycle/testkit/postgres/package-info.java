/** A throw-away PostgreSQL server for tests, started by a JUnit extension. */
@NullMarked
package io.github.mlhighway.lifecycle.testkit.postgres;

import org.jspecify.annotations.NullMarked;
