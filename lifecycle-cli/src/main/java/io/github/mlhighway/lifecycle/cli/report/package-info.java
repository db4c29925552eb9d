/**
 * The lifecycle report: one self-contained HTML file (inline CSS, inline SVG drawn here, no script, no external
 * asset) showing what a store recorded. {@link io.github.mlhighway.lifecycle.cli.report.ReportInputs} reads a store
 * (the recorder's series, release journals, incidents, the registry), {@link
 * io.github.mlhighway.lifecycle.cli.report.HtmlReport} lays out the page, and {@link
 * io.github.mlhighway.lifecycle.cli.report.SvgCharts} draws the line, step, bar and timeline charts.
 */
@NullMarked
package io.github.mlhighway.lifecycle.cli.report;

import org.jspecify.annotations.NullMarked;
