/**
 * Time series for the lifecycle report: {@link io.github.mlhighway.lifecycle.core.report.ReportRecorder} writes
 * SLO budget and burn-rate points, drift reports, evaluations and timeline events into a
 * {@link io.github.mlhighway.lifecycle.store.Store} (collection
 * {@value io.github.mlhighway.lifecycle.core.report.ReportRecorder#COLLECTION}, one document per series per UTC
 * day), and {@link io.github.mlhighway.lifecycle.core.report.ReportData#read} reads them back as immutable
 * records. Recording is idempotent by series and instant, so a resumed run that replays a day adds no duplicates.
 */
@NullMarked
package io.github.mlhighway.lifecycle.core.report;

import org.jspecify.annotations.NullMarked;
