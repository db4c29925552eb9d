/**
 * The Store SPI: where runs, registries, SLO state, release journals and incidents live. A store holds JSON
 * documents in named collections, each with a revision for compare-and-set, and verifies what it reads.
 * The embedded default (a directory of JSON files) is in {@code lifecycle-core}; other stores plug in here.
 */
@NullMarked
package io.github.mlhighway.lifecycle.store;

import org.jspecify.annotations.NullMarked;
