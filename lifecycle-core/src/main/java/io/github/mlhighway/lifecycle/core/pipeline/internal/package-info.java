/**
 * Implementation of {@code io.github.mlhighway.lifecycle.core.pipeline}: not exported by the module, not imported by any other module, not API.
 */
package io.github.mlhighway.lifecycle.core.pipeline.internal;
