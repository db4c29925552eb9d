/**
 * Implementation of {@code io.github.mlhighway.lifecycle.core.data.csv}: not exported by the module, not imported by any other module, not API.
 */
package io.github.mlhighway.lifecycle.core.data.csv.internal;
