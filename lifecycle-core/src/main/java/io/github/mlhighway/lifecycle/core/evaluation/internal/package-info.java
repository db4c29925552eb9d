/**
 * Implementation of {@code io.github.mlhighway.lifecycle.core.evaluation}: not exported by the module, not imported by any other module, not API.
 */
package io.github.mlhighway.lifecycle.core.evaluation.internal;
