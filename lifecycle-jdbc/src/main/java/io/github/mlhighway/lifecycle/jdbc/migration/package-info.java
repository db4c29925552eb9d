/**
 * The schema's versioned SQL migrations (resources, no classes), which Flyway reads with
 * {@link ClassLoader#getResourceAsStream(String)}. On the module path a resource in a module's package is found
 * that way only when the package is opened unconditionally, so {@code module-info} opens this package, and this
 * file makes it a package javac knows.
 */
@NullMarked
package io.github.mlhighway.lifecycle.jdbc.migration;

import org.jspecify.annotations.NullMarked;
