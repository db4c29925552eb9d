/**
 * Prometheus recording and alerting rules from engine {@link io.github.mlhighway.lifecycle.slo.Slo}s, in the
 * style and with the names of <a href="https://github.com/slok/sloth">Sloth</a>, so dashboards built for Sloth
 * work unchanged. Entry point: {@link io.github.mlhighway.lifecycle.core.slo.prometheus.PrometheusRules}.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.slo.prometheus;

import org.jspecify.annotations.NullMarked;
