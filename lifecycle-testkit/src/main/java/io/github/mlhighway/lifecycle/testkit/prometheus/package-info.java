/**
 * A real Prometheus server for tests: {@link io.github.mlhighway.lifecycle.testkit.prometheus.PrometheusServer}
 * starts the installed binary on a loopback port, scraping the targets a test serves.
 */
package io.github.mlhighway.lifecycle.testkit.prometheus;
