/**
 * The Lifecycle API: interfaces, immutable value types, exceptions and SPIs, on the JDK only. Every package is
 * exported and open for reflection, so any serializer (the core module uses Jackson) can read and write the
 * value records.
 */
open module io.github.mlhighway.lifecycle.api {
    // the nullness annotations (JSpecify) are part of the API's signatures
    requires transitive org.jspecify;

    exports io.github.mlhighway.lifecycle.evaluation;
    exports io.github.mlhighway.lifecycle.gate;
    exports io.github.mlhighway.lifecycle.incident;
    exports io.github.mlhighway.lifecycle.pipeline;
    exports io.github.mlhighway.lifecycle.policy;
    exports io.github.mlhighway.lifecycle.registry;
    exports io.github.mlhighway.lifecycle.release;
    exports io.github.mlhighway.lifecycle.serving;
    exports io.github.mlhighway.lifecycle.slo;
    exports io.github.mlhighway.lifecycle.store;
    exports io.github.mlhighway.lifecycle.text;
}
