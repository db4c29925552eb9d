/**
 * The test kit: a JUnit 5 extension, the test clock, AssertJ-style assertions, jqwik arbitraries, a scenario
 * simulator and conformance kits for SPI implementers.
 */
module io.github.mlhighway.lifecycle.testkit {
    requires transitive io.github.mlhighway.lifecycle.core;
    requires transitive org.junit.jupiter.api;
    requires transitive net.jqwik.api;
    requires transitive org.assertj.core;
    requires jdk.management;
    requires java.sql;
    requires java.net.http;

    exports io.github.mlhighway.lifecycle.testkit;
    exports io.github.mlhighway.lifecycle.testkit.arbitraries;
    exports io.github.mlhighway.lifecycle.testkit.assertions;
    exports io.github.mlhighway.lifecycle.testkit.behaviour;
    exports io.github.mlhighway.lifecycle.testkit.conformance;
    exports io.github.mlhighway.lifecycle.testkit.docs;
    exports io.github.mlhighway.lifecycle.testkit.junit;
    exports io.github.mlhighway.lifecycle.testkit.postgres;
    exports io.github.mlhighway.lifecycle.testkit.prometheus;
    exports io.github.mlhighway.lifecycle.testkit.scenario;

    opens io.github.mlhighway.lifecycle.testkit.arbitraries to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.testkit.behaviour to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.testkit.conformance to com.fasterxml.jackson.databind;
    opens io.github.mlhighway.lifecycle.testkit.scenario to com.fasterxml.jackson.databind;
}
