/**
 * OpenSLO v1 (and the v1alpha form Sloth uses) for Lifecycle: a lossless document model, a reader that
 * collects every problem with its YAML path, a writer, and the conversion into engine {@link
 * io.github.mlhighway.lifecycle.slo.Slo}s.
 *
 * <p>Entry points: {@link io.github.mlhighway.lifecycle.core.slo.openslo.OpenSlo} (load files into SLOs),
 * {@link io.github.mlhighway.lifecycle.core.slo.openslo.OpenSloReader}, {@link
 * io.github.mlhighway.lifecycle.core.slo.openslo.OpenSloWriter} and {@link
 * io.github.mlhighway.lifecycle.core.slo.openslo.OpenSloConverter}.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>Kinds SLO, SLI, AlertPolicy and AlertCondition are modelled field by field; DataSource, Service and
 *       AlertNotificationTarget documents are kept whole as {@link
 *       io.github.mlhighway.lifecycle.core.slo.openslo.OtherDocument} (a DataSource's {@code spec.type} is used
 *       when an SLI names it by {@code metricSourceRef}). Any other kind is a problem.</li>
 *   <li>Unknown fields are problems (OpenSLO's schema is closed), so everything accepted is in the model and
 *       a written document reads back equal.</li>
 *   <li>SLO names: see {@link io.github.mlhighway.lifecycle.core.slo.openslo.SloNaming}.</li>
 *   <li>Windows: a rolling window in months, quarters or years is rejected (its length is ambiguous; write
 *       {@code 30d} or use a calendar window). In a calendar window, {@code m} is read as a month with a
 *       warning, because calendar-aligned minutes mean nothing and the OpenSLO examples write {@code 1m} for
 *       a month; {@code s} and {@code h} are rejected there.</li>
 *   <li>Burn-rate conditions become {@link io.github.mlhighway.lifecycle.slo.BurnRateTier}s: {@code threshold}
 *       is the factor, {@code lookbackWindow} the long window, and the short window is a twelfth of it as in the
 *       SRE Workbook (1h/5m, 6h/30m, 3d/6h). Severity {@code page} or {@code ticket} (any case) is taken as
 *       written; any other value is read by the long window, page up to 6 hours and ticket above, with a
 *       warning. {@code alertAfter} stays in the document only, with a warning naming the short window used
 *       instead (a tier has no {@code for} duration: its short window confirms the burn).
 *       {@code alertWhenResolved}, {@code alertWhenBreaching} and notification targets stay in the document
 *       only, silently: they are about delivering notifications, which Alertmanager does, not about when an
 *       alert fires; {@code alertWhenNoData: true} maps to
 *       {@link io.github.mlhighway.lifecycle.slo.NoDataPolicy#ALERT}.</li>
 *   <li>An SLO without alert policies gets {@link io.github.mlhighway.lifecycle.slo.AlertPolicy#sreWorkbook}
 *       for its period (or Sloth's tiers, see {@link
 *       io.github.mlhighway.lifecycle.core.slo.openslo.ConversionOptions}), tiers that cannot fire disabled.</li>
 *   <li>{@code compositeWeight} stays in the document only, with a warning: every objective becomes an SLO of
 *       its own.</li>
 *   <li>{@code ratioMetric.raw} (a pre-computed ratio) is kept in the model but not converted: the engine's
 *       ratio indicator needs good or bad events and a total.</li>
 * </ul>
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.slo.openslo;

import org.jspecify.annotations.NullMarked;
