/**
 * The Lifecycle core: every implementation that needs no ML engine and no server. It exports the packages users
 * program against; the {@code internal} packages are not exported (and no other module imports them). Jackson reads
 * and writes the records of the packages opened to it, and a store plugs in through {@link
 * io.github.mlhighway.lifecycle.core.store.StoreProvider} (module path: {@code provides}; classpath:
 * {@code META-INF/services}).
 */
module io.github.mlhighway.lifecycle.core {
    // transitive: types of these modules appear in the exported API (ObjectMapper, JsonNode, KllDoublesSketch);
    // DataSketches is an automatic module (javac's requires-transitive-automatic warning is off in the parent pom
    // for that reason). Micrometer's MeterRegistry appears too, but it is optional: "static transitive" would make
    // every module that reads core need Micrometer to compile, so a Micrometer user requires it directly.
    requires transitive io.github.mlhighway.lifecycle.api;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.yaml.snakeyaml;
    requires com.google.common;
    requires com.github.benmanes.caffeine;
    requires commons.math3;
    requires transitive datasketches.java;
    requires org.apache.datasketches.memory;
    requires org.slf4j;
    requires java.net.http;
    requires static micrometer.core;

    exports io.github.mlhighway.lifecycle.core.condition;
    exports io.github.mlhighway.lifecycle.core.data;
    // core.data.csv.internal, core.evaluation.internal, core.pipeline.internal and core.slo.internal are not exported.
    exports io.github.mlhighway.lifecycle.core.data.anomaly;
    exports io.github.mlhighway.lifecycle.core.data.csv;
    exports io.github.mlhighway.lifecycle.core.data.drift;
    exports io.github.mlhighway.lifecycle.core.data.profile;
    exports io.github.mlhighway.lifecycle.core.data.quality;
    exports io.github.mlhighway.lifecycle.core.data.schema;
    exports io.github.mlhighway.lifecycle.core.evaluation;
    exports io.github.mlhighway.lifecycle.core.evaluation.gate;
    exports io.github.mlhighway.lifecycle.core.incident;
    exports io.github.mlhighway.lifecycle.core.json;
    exports io.github.mlhighway.lifecycle.core.lineage;
    exports io.github.mlhighway.lifecycle.core.micrometer;
    exports io.github.mlhighway.lifecycle.core.pipeline;
    exports io.github.mlhighway.lifecycle.core.policy;
    exports io.github.mlhighway.lifecycle.core.registry;
    exports io.github.mlhighway.lifecycle.core.release;
    exports io.github.mlhighway.lifecycle.core.release.fleet;
    exports io.github.mlhighway.lifecycle.core.release.prometheus;
    exports io.github.mlhighway.lifecycle.core.report;
    exports io.github.mlhighway.lifecycle.core.retrain;
    exports io.github.mlhighway.lifecycle.core.runtime;
    exports io.github.mlhighway.lifecycle.core.serving;
    exports io.github.mlhighway.lifecycle.core.slo;
    exports io.github.mlhighway.lifecycle.core.slo.openslo;
    exports io.github.mlhighway.lifecycle.core.slo.prometheus;
    exports io.github.mlhighway.lifecycle.core.store;
    exports io.github.mlhighway.lifecycle.core.time;

    opens io.github.mlhighway.lifecycle.core.condition to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.data.anomaly to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.data.drift to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.data.profile to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.data.quality to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.data.schema to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.evaluation to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.evaluation.gate to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.incident to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.json to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.lineage to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.pipeline to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.policy to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.registry to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.release to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.release.fleet to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.report to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.retrain to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.serving to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.slo to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.slo.openslo to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.slo.prometheus to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.core.store to com.fasterxml.jackson.databind;

    uses io.github.mlhighway.lifecycle.core.store.StoreProvider;
}
