/**
 * Auto-configuration of the Lifecycle runtime from the {@code lifecycle.*} properties: the store, OpenSLO files,
 * intervals, error-budget policy preset, Micrometer binding, start and close with the application context, and the
 * start-up failure analysis of a bad property.
 */
@NullMarked
package io.github.mlhighway.lifecycle.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
