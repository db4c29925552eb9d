package io.github.mlhighway.lifecycle.cli.report;

import io.github.mlhighway.lifecycle.core.incident.PostmortemWriter;
import io.github.mlhighway.lifecycle.core.release.JournalEntry;
import io.github.mlhighway.lifecycle.core.report.BurnRatePoint;
import io.github.mlhighway.lifecycle.core.report.ColumnDriftPoint;
import io.github.mlhighway.lifecycle.core.report.DriftPoint;
import io.github.mlhighway.lifecycle.core.report.DriftSeries;
import io.github.mlhighway.lifecycle.core.report.EvaluationPoint;
import io.github.mlhighway.lifecycle.core.report.EventPoint;
import io.github.mlhighway.lifecycle.core.report.MetricEstimate;
import io.github.mlhighway.lifecycle.core.report.ReportData;
import io.github.mlhighway.lifecycle.core.report.SloPoint;
import io.github.mlhighway.lifecycle.core.report.SloSeries;
import io.github.mlhighway.lifecycle.core.store.AtomicFiles;
import io.github.mlhighway.lifecycle.incident.Incident;
import io.github.mlhighway.lifecycle.registry.ModelVersion;
import io.github.mlhighway.lifecycle.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Lays out the lifecycle report: one self-contained HTML page (inline CSS, inline SVG from {@link SvgCharts}, no
 * script, no external reference) with a header and "what happened" list, then the SLOs, drift, evaluations,
 * releases, incidents and registry. A section with nothing recorded says so. Every piece of text is escaped.
 *
 * <pre>{@code
 * Path page = HtmlReport.write(storeDirectory, storeDirectory.resolve("report.html"), clock);   // absolute path
 * }</pre>
 *
 * @since 0.1
 */
public final class HtmlReport {

    /** What a section with nothing recorded says. */
    public static final String NO_DATA = "no data recorded";
    /** What the report shows for a number that was recorded as null because it was not finite. */
    public static final String NOT_AVAILABLE = "n/a";
    /** The most "what happened" lines listed in the header. */
    public static final int MAX_HAPPENINGS = 60;

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1000px;\
            padding:16px 24px;color:#222}
            h1{font-size:22px;margin:8px 0}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px;\
            margin-top:32px}h3{font-size:15px;margin:18px 0 6px}
            table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}td,th{border:1px solid #ddd;\
            padding:3px 8px;text-align:left;vertical-align:top}th{background:#f5f5f5}
            .meta{color:#555}.empty{color:#888;font-style:italic}.problem{color:#b00}
            .charts{display:flex;flex-wrap:wrap;gap:8px}svg.chart{background:#fff;border:1px solid #eee;\
            max-width:100%;height:auto}
            svg text{font-size:11px;fill:#333}svg .chart-title{font-size:13px;font-weight:600}\
            svg .outcome-promoted{fill:#2ca02c}svg .outcome-rolled-back{fill:#d62728}\
            svg .outcome-aborted{fill:#d62728}
            .drifted{color:#d62728;font-weight:600}.firing{color:#d62728}
            pre{background:#f8f8f8;padding:8px;overflow-x:auto;font-size:12px;white-space:pre-wrap}
            """;

    private HtmlReport() {
    }

    /**
     * Reads a store directory and writes its report (atomically: a temporary file renamed over the target),
     * stamped with the system clock. On a POSIX file system the file is {@code rw-r--r--}. The store is only read,
     * so it may be read-only.
     *
     * @param storeDirectory the store directory
     * @param out            the HTML file to write; its parent directories are created
     * @return the file written
     * @throws IllegalArgumentException if the directory is missing or not a store
     * @throws UncheckedIOException     if the file cannot be written
     * @throws StoreException           if the store cannot be opened
     */
    public static Path write(Path storeDirectory, Path out) {
        return write(storeDirectory, out, Clock.systemUTC());
    }

    /**
     * Reads a store directory and writes its report, stamped with the given clock. On a POSIX file system the file
     * is {@code rw-r--r--}. The store is only read, so it may be read-only.
     *
     * @param storeDirectory the store directory
     * @param out            the HTML file to write; its parent directories are created
     * @param clock          the generation time source
     * @return the file written
     * @throws IllegalArgumentException if the directory is missing or not a store
     * @throws UncheckedIOException     if the file cannot be written
     * @throws StoreException           if the store cannot be opened
     */
    public static Path write(Path storeDirectory, Path out, Clock clock) {
        Objects.requireNonNull(out, "out");
        String html = render(ReportInputs.load(storeDirectory, clock), clock.instant());
        Path target = out.toAbsolutePath().normalize();
        try {
            AtomicFiles.writeString(target, html);
        } catch (UncheckedIOException e) {
            IOException cause = Objects.requireNonNull(e.getCause(), "an UncheckedIOException has a cause");
            throw new UncheckedIOException("Cannot write the report to " + target + ": " + cause.getMessage(), cause);
        }
        return target;
    }

    /**
     * Renders only the recorder's series (no releases, incidents or registry).
     *
     * @param data        the series
     * @param storeLabel  how the store is named in the header
     * @param generatedAt the generation time
     * @return the HTML page
     */
    public static String render(ReportData data, String storeLabel, Instant generatedAt) {
        return render(new ReportInputs(storeLabel, data, List.of(), List.of(), List.of(), List.of()), generatedAt);
    }

    /**
     * Renders the report.
     *
     * @param inputs      what the store holds
     * @param generatedAt the generation time
     * @return the HTML page
     */
    public static String render(ReportInputs inputs, Instant generatedAt) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(generatedAt, "generatedAt");
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Lifecycle report: ").append(Html.escape(inputs.storeLabel())).append("</title>")
                .append("<style>").append(CSS).append("</style></head>\n<body>\n");
        header(html, inputs, generatedAt);
        slos(html, inputs.data().slos());
        drift(html, inputs.data().drift());
        evaluations(html, inputs.data().evaluations());
        releases(html, inputs.releases());
        incidents(html, inputs.incidents(), generatedAt);
        registry(html, inputs.models());
        html.append("</body></html>\n");
        return html.toString();
    }

    // ------------------------------------------------------------------------------------------------ header

    private static void header(StringBuilder html, ReportInputs inputs, Instant generatedAt) {
        html.append("<header id=\"header\"><h1>Lifecycle report</h1><p class=\"meta\">Store <code>")
                .append(Html.escape(inputs.storeLabel())).append("</code> &middot; generated ")
                .append(Html.escape(Html.time(generatedAt))).append("</p>\n");
        for (String problem : inputs.problems()) {
            html.append("<p class=\"problem\">Could not read ").append(Html.escape(problem)).append("</p>\n");
        }
        html.append("<h2>What happened</h2>\n");
        List<Happening> happenings = happenings(inputs);
        if (happenings.isEmpty()) {
            empty(html);
        } else {
            html.append("<ul class=\"happenings\">\n");
            happenings.stream().limit(MAX_HAPPENINGS).forEach(h -> html.append("<li><time>")
                    .append(Html.escape(Html.time(h.at()))).append("</time> <b>").append(Html.escape(h.kind()))
                    .append("</b> ").append(Html.escape(h.text())).append("</li>\n"));
            if (happenings.size() > MAX_HAPPENINGS) {
                html.append("<li class=\"meta\">… and ").append(happenings.size() - MAX_HAPPENINGS)
                        .append(" more</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("</header>\n");
    }

    private record Happening(Instant at, String kind, String text) {
    }

    private static List<Happening> happenings(ReportInputs inputs) {
        List<Happening> list = new ArrayList<>();
        for (EventPoint event : inputs.data().events()) {
            list.add(new Happening(event.at(), event.kind(), event.message()));
        }
        for (ReportInputs.Release release : inputs.releases()) {
            if (!release.entries().isEmpty()) {
                JournalEntry first = release.entries().get(0);
                list.add(new Happening(first.at(), "release", release.releaseId() + " started: "
                        + release.state().baselineVersion() + " → " + release.state().candidateVersion()));
                if (release.state().phase().isTerminal()) {
                    JournalEntry last = release.entries().get(release.entries().size() - 1);
                    list.add(new Happening(last.at(), "release", release.releaseId() + " "
                            + release.state().phase() + ": " + last.message()));
                }
            }
        }
        for (Incident incident : inputs.incidents()) {
            list.add(new Happening(incident.openedAt(), "incident", "opened " + incident.id() + ": "
                    + incident.title()));
            incident.closedAt().ifPresent(at -> list.add(new Happening(at, "incident", "closed " + incident.id())));
        }
        list.sort(Comparator.comparing(Happening::at));
        return list;
    }

    // ------------------------------------------------------------------------------------------------ SLOs

    private static void slos(StringBuilder html, List<SloSeries> slos) {
        html.append("<section id=\"slos\"><h2>SLOs: error budgets and burn rates</h2>\n");
        if (slos.isEmpty()) {
            empty(html);
        }
        for (SloSeries series : slos) {
            String name = series.slo();
            html.append("<h3>").append(Html.escape(name)).append("</h3>\n");
            SloPoint latest = series.latest().orElseThrow();
            html.append("<table><tr><th>objective</th><th>SLI</th><th>budget remaining</th><th>budget consumed</th>")
                    .append("<th>eligible</th><th>alerting now</th><th>points</th></tr><tr><td>")
                    .append(Html.escape(Html.percent(latest.objective()))).append("</td><td>")
                    .append(Html.escape(Html.percent(latest.sli()))).append("</td><td>")
                    .append(Html.escape(Html.percent(latest.budgetRemaining()))).append("</td><td>")
                    .append(Html.escape(Html.percent(latest.budgetConsumed()))).append("</td><td>")
                    .append(latest.eligible()).append("</td><td").append(latest.alerts().isEmpty() ? ""
                            : " class=\"firing\"").append('>')
                    .append(Html.escape(latest.alerts().isEmpty() ? "none" : latest.alerts().stream()
                            .map(a -> a.id() + " (" + a.severity().label() + ")").collect(Collectors.joining(", "))))
                    .append("</td><td>").append(series.points().size()).append("</td></tr></table>\n");
            html.append("<div class=\"charts\">");
            List<SvgCharts.Point> budget = points(series.points(), SloPoint::at, SloPoint::budgetRemaining);
            List<SvgCharts.Point> sli = points(series.points(), SloPoint::at, SloPoint::sli);
            if (budget.isEmpty()) {
                empty(html);
            } else {
                html.append(SvgCharts.lineChart("slo-budget-" + name, name + ": error budget remaining",
                        "budget remaining", List.of(new SvgCharts.Series("budget remaining", budget)),
                        List.of(new SvgCharts.Reference(0, "exhausted"))));
            }
            if (!sli.isEmpty()) {
                html.append(SvgCharts.lineChart("slo-sli-" + name, name + ": SLI against the objective", "SLI",
                        List.of(new SvgCharts.Series("SLI", sli)),
                        List.of(new SvgCharts.Reference(latest.objective(),
                                "objective " + Html.percent(latest.objective())))));
            }
            Map<Duration, List<SvgCharts.Point>> burns = new TreeMap<>();
            for (SloPoint point : series.points()) {
                for (BurnRatePoint burn : point.burnRates()) {
                    if (burn.burnRate() != null) {
                        burns.computeIfAbsent(burn.window(), w -> new ArrayList<>())
                                .add(new SvgCharts.Point(point.at(), burn.burnRate()));
                    }
                }
            }
            if (!burns.isEmpty()) {
                List<SvgCharts.Series> lines = new ArrayList<>();
                burns.forEach((window, pts) -> lines.add(new SvgCharts.Series(duration(window), pts)));
                html.append(SvgCharts.lineChart("slo-burn-" + name, name + ": burn rate per window", "burn rate",
                        lines, List.of(new SvgCharts.Reference(1, "1x: spending exactly the budget"))));
            }
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }

    // ------------------------------------------------------------------------------------------------ drift

    /** A drift share as a percentage, or {@value #NOT_AVAILABLE} when it was not finite and recorded as null. */
    private static String share(@Nullable Double fraction) {
        return fraction == null ? NOT_AVAILABLE : Html.percent(fraction);
    }

    private static void drift(StringBuilder html, List<DriftSeries> drift) {
        html.append("<section id=\"drift\"><h2>Drift per feature</h2>\n");
        if (drift.isEmpty()) {
            empty(html);
        }
        for (DriftSeries series : drift) {
            DriftPoint latest = series.latest().orElseThrow();
            html.append("<h3>").append(Html.escape(series.subject())).append("</h3>\n<p>")
                    .append(Html.escape(Html.time(latest.at()))).append(": <span class=\"")
                    .append(latest.status().name().equals("DRIFTED") ? "drifted" : "").append("\">")
                    .append(Html.escape(latest.status().name())).append("</span>, ")
                    .append(Html.escape(share(latest.driftedShare()))).append(" of tested columns drifted "
                            + "(data-set threshold ").append(Html.escape(share(latest.driftShare())))
                    .append("). ").append(Html.escape(latest.message())).append("</p>\n");
            for (String note : latest.notes()) {
                html.append("<p class=\"meta\">").append(Html.escape(note)).append("</p>\n");
            }
            html.append("<div class=\"charts\">");
            List<SvgCharts.Bar> bars = latest.columns().stream().filter(c -> c.effect() != null)
                    .map(c -> new SvgCharts.Bar(c.column(), c.effect(), c.threshold(), c.drifted())).toList();
            if (bars.isEmpty()) {
                empty(html);
            } else {
                html.append(SvgCharts.barChart("drift-latest-" + series.subject(), series.subject()
                        + ": effect per column (dashed: threshold)", "effect", bars));
            }
            if (series.points().size() > 1) {
                Map<String, List<SvgCharts.Point>> byColumn = new LinkedHashMap<>();
                TreeSet<Double> thresholds = new TreeSet<>();
                for (DriftPoint point : series.points()) {
                    for (ColumnDriftPoint column : point.columns()) {
                        if (column.effect() != null) {
                            byColumn.computeIfAbsent(column.column(), c -> new ArrayList<>())
                                    .add(new SvgCharts.Point(point.at(), column.effect()));
                        }
                        if (column.threshold() != null) {
                            thresholds.add(column.threshold());
                        }
                    }
                }
                if (!byColumn.isEmpty()) {
                    List<SvgCharts.Series> lines = new ArrayList<>();
                    byColumn.forEach((column, pts) -> lines.add(new SvgCharts.Series(column, pts)));
                    html.append(SvgCharts.lineChart("drift-history-" + series.subject(), series.subject()
                            + ": effect over time", "effect", lines, thresholds.size() == 1
                            ? List.of(new SvgCharts.Reference(thresholds.first(), "threshold")) : List.of()));
                }
            }
            html.append("</div>\n<table><tr><th>column</th><th>test</th><th>statistic</th><th>p-value</th>")
                    .append("<th>effect</th><th>measure</th><th>threshold</th><th>decision</th></tr>\n");
            for (ColumnDriftPoint c : latest.columns()) {
                html.append("<tr><td>").append(Html.escape(c.column())).append("</td><td>")
                        .append(Html.escape(c.test() == null ? "-" : c.test())).append("</td><td>")
                        .append(Html.escape(Html.number(c.statistic()))).append("</td><td>")
                        .append(Html.escape(Html.number(c.pValue()))).append("</td><td>")
                        .append(Html.escape(Html.number(c.effect()))).append("</td><td>")
                        .append(Html.escape(c.effectMeasure() == null ? "-" : c.effectMeasure())).append("</td><td>")
                        .append(Html.escape(Html.number(c.threshold()))).append("</td><td class=\"")
                        .append(c.drifted() ? "drifted" : "").append("\">").append(Html.escape(c.status().name()))
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("</section>\n");
    }

    // ------------------------------------------------------------------------------------------------ evaluations

    private static void evaluations(StringBuilder html, List<EvaluationPoint> evaluations) {
        html.append("<section id=\"evaluations\"><h2>Champion and challenger: metrics with confidence intervals</h2>\n");
        if (evaluations.isEmpty()) {
            empty(html);
        }
        Map<String, Map<String, EvaluationPoint>> latestByDataset = new LinkedHashMap<>();
        for (EvaluationPoint evaluation : evaluations) {   // oldest first: later ones replace earlier ones
            latestByDataset.computeIfAbsent(evaluation.dataset(), d -> new LinkedHashMap<>())
                    .put(evaluation.label(), evaluation);
        }
        latestByDataset.forEach((dataset, byLabel) -> {
            html.append("<h3>").append(Html.escape(dataset)).append("</h3>\n<div class=\"charts\">");
            TreeSet<String> metrics = new TreeSet<>();
            byLabel.values().forEach(e -> e.metrics().forEach(m -> metrics.add(m.name())));
            for (String metric : metrics) {
                List<SvgCharts.Estimate> estimates = new ArrayList<>();
                byLabel.values().forEach(e -> e.metrics().stream().filter(m -> m.name().equals(metric)).findFirst()
                        .ifPresent(m -> estimates.add(new SvgCharts.Estimate(e.label() + " " + e.modelVersion(),
                                m.value(), m.low(), m.high()))));
                html.append(SvgCharts.intervalChart("eval-" + dataset + "-" + metric, metric, estimates));
            }
            html.append("</div>\n<table><tr><th>metric</th>");
            byLabel.values().forEach(e -> html.append("<th>").append(Html.escape(e.label())).append(' ')
                    .append(Html.escape(e.modelVersion())).append("<br><span class=\"meta\">")
                    .append(Html.escape(Html.time(e.at()))).append(", ").append(e.rows()).append(" rows</span></th>"));
            html.append("</tr>\n");
            for (String metric : metrics) {
                html.append("<tr><td>").append(Html.escape(metric)).append("</td>");
                for (EvaluationPoint e : byLabel.values()) {
                    MetricEstimate m = e.metrics().stream().filter(x -> x.name().equals(metric)).findFirst()
                            .orElse(null);
                    html.append("<td>").append(m == null ? "-" : Html.escape(Html.number(m.value())
                            + (m.hasInterval() ? " [" + Html.number(m.low()) + ", " + Html.number(m.high()) + "]"
                            : "") + (m.note().isEmpty() ? "" : " (" + m.note() + ")"))).append("</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        });
        html.append("</section>\n");
    }

    // ------------------------------------------------------------------------------------------------ releases

    private static void releases(StringBuilder html, List<ReportInputs.Release> releases) {
        html.append("<section id=\"releases\"><h2>Releases: canary weight over time</h2>\n");
        if (releases.isEmpty()) {
            empty(html);
        }
        for (ReportInputs.Release release : releases) {
            var state = release.state();
            String outcome = state.phase().isTerminal() ? state.phase().name() : "";
            html.append("<h3>").append(Html.escape(release.releaseId())).append("</h3>\n<p>")
                    .append(Html.escape(state.strategy().toString())).append(": ")
                    .append(Html.escape(state.baselineVersion())).append(" → ")
                    .append(Html.escape(state.candidateVersion())).append(", <b class=\"outcome\">")
                    .append(Html.escape(state.phase().name())).append("</b>")
                    .append(state.reason() == null ? "" : ": " + Html.escape(state.reason())).append("</p>\n");
            if (release.entries().isEmpty()) {
                empty(html);
                continue;
            }
            List<SvgCharts.Point> steps = new ArrayList<>(release.entries().stream()
                    .map(e -> new SvgCharts.Point(e.at(), e.candidateWeight())).toList());
            Instant end = release.entries().get(release.entries().size() - 1).at();
            // The journal keeps the weight of the last step; once terminal, traffic has moved as a whole.
            switch (state.phase()) {
                case PROMOTED -> steps.add(new SvgCharts.Point(end, 100));
                case ROLLED_BACK, ABORTED -> steps.add(new SvgCharts.Point(end, 0));
                default -> {
                }
            }
            html.append("<div class=\"charts\">").append(SvgCharts.stepChart("release-" + release.releaseId(),
                    release.releaseId() + ": candidate weight" + (outcome.isEmpty() ? "" : " until " + outcome),
                    steps, end, outcome)).append("</div>\n");
            html.append("<table><tr><th>at</th><th>event</th><th>phase</th><th>weight</th><th>why</th></tr>\n");
            for (JournalEntry entry : release.entries()) {
                html.append("<tr><td>").append(Html.escape(Html.time(entry.at()))).append("</td><td>")
                        .append(Html.escape(entry.type().name())).append("</td><td>")
                        .append(Html.escape(entry.phase().name())).append("</td><td>").append(entry.candidateWeight())
                        .append("%</td><td>").append(Html.escape(entry.message())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("</section>\n");
    }

    // ------------------------------------------------------------------------------------------------ incidents

    private static void incidents(StringBuilder html, List<Incident> incidents, Instant generatedAt) {
        html.append("<section id=\"incidents\"><h2>Incidents</h2>\n");
        if (incidents.isEmpty()) {
            empty(html);
            html.append("</section>\n");
            return;
        }
        List<SvgCharts.Span> spans = incidents.stream().map(i -> new SvgCharts.Span(i.title(), i.openedAt(),
                i.closedAt().orElse(generatedAt), i.closedAt().isPresent())).toList();
        html.append("<div class=\"charts\">").append(SvgCharts.timeline("incident-timeline", "Incident timeline "
                + "(circle: opened, square: closed)", spans)).append("</div>\n");
        html.append("<table><tr><th>incident</th><th>status</th><th>opened</th><th>mitigated</th><th>closed</th>")
                .append("</tr>\n");
        for (Incident incident : incidents) {
            html.append("<tr><td><a href=\"#postmortem-").append(Html.escape(incident.id())).append("\">")
                    .append(Html.escape(incident.title())).append("</a></td><td>")
                    .append(Html.escape(incident.status().name())).append("</td><td>")
                    .append(Html.escape(Html.time(incident.openedAt()))).append("</td><td>")
                    .append(Html.escape(incident.mitigatedAt().map(Html::time).orElse("-"))).append("</td><td>")
                    .append(Html.escape(incident.closedAt().map(Html::time).orElse("open"))).append("</td></tr>\n");
        }
        html.append("</table>\n");
        for (Incident incident : incidents) {
            html.append("<details class=\"postmortem\" id=\"postmortem-").append(Html.escape(incident.id()))
                    .append("\"><summary>Postmortem draft: ").append(Html.escape(incident.title()))
                    .append("</summary><pre>").append(Html.escape(PostmortemWriter.markdown(incident, generatedAt)))
                    .append("</pre></details>\n");
        }
        html.append("</section>\n");
    }

    // ------------------------------------------------------------------------------------------------ registry

    private static void registry(StringBuilder html, List<ReportInputs.ModelSummary> models) {
        html.append("<section id=\"registry\"><h2>Model registry</h2>\n");
        if (models.isEmpty()) {
            empty(html);
        }
        for (ReportInputs.ModelSummary model : models) {
            html.append("<h3>").append(Html.escape(model.model())).append("</h3>\n<p>aliases: ")
                    .append(Html.escape(model.aliases().isEmpty() ? "none" : new TreeMap<>(model.aliases()).entrySet()
                            .stream().map(e -> e.getKey() + " → v" + e.getValue()).collect(Collectors.joining(", "))))
                    .append("</p>\n<table><tr><th>version</th><th>created</th><th>metrics</th><th>aliases</th></tr>\n");
            for (ModelVersion version : model.versions()) {
                String aliases = model.aliases().entrySet().stream().filter(e -> e.getValue() == version.version())
                        .map(Map.Entry::getKey).sorted().collect(Collectors.joining(", "));
                html.append("<tr><td>v").append(version.version()).append("</td><td>")
                        .append(Html.escape(Html.time(version.createdAt()))).append("</td><td>")
                        .append(Html.escape(new TreeMap<>(version.metrics()).entrySet().stream()
                                .map(e -> e.getKey() + "=" + Html.number(e.getValue()))
                                .collect(Collectors.joining(", ")))).append("</td><td>")
                        .append(Html.escape(aliases)).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("</section>\n");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void empty(StringBuilder html) {
        html.append("<p class=\"empty\">").append(NO_DATA).append("</p>\n");
    }

    private static <T> List<SvgCharts.Point> points(List<T> items, Function<T, Instant> at, Function<T, Double> value) {
        List<SvgCharts.Point> points = new ArrayList<>();
        for (T item : items) {
            Double v = value.apply(item);
            if (v != null && Double.isFinite(v)) {
                points.add(new SvgCharts.Point(at.apply(item), v));
            }
        }
        return points;
    }

    /** A window as people write it: 5m, 1h, 3d. */
    static String duration(Duration window) {
        long seconds = window.getSeconds();
        if (seconds > 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds > 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
