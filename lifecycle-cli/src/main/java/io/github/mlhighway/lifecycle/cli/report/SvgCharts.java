package io.github.mlhighway.lifecycle.cli.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Charts as inline SVG, drawn here in Java so the report needs no script: a line chart (values over time with
 * reference lines), a step chart (a canary's weight over time), a bar chart (effects against thresholds), an
 * interval chart (estimates with confidence-interval error bars) and a timeline (spans with opened/closed
 * markers). Every chart is an {@code <svg class="chart">} with a {@code <title>}, a {@code data-chart} kind and
 * absolute coordinates in a fixed view box; all text is escaped. Inputs must be finite; charts with nothing to
 * draw are the caller's business (the report prints "no data recorded" instead).
 */
final class SvgCharts {

    /** Default chart width in pixels. */
    public static final int WIDTH = 640;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 240;

    private static final int LEFT = 64;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 36;
    private static final int Y_TICKS = 4;
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#17becf"};

    private SvgCharts() {
    }

    /**
     * A value at an instant.
     *
     * @param at    when
     * @param value the value, finite
     */
    public record Point(Instant at, double value) {

        /** Validates the components. */
        public Point {
            Objects.requireNonNull(at, "at");
            requireFinite(value, "point value");
        }
    }

    /**
     * A named line of points.
     *
     * @param name   legend text
     * @param points the points, in any order
     */
    public record Series(String name, List<Point> points) {

        /** Copies the points. */
        public Series {
            Objects.requireNonNull(name, "name");
            points = List.copyOf(points);
        }
    }

    /**
     * A horizontal reference line, e.g. an objective or a threshold.
     *
     * @param value where
     * @param label its text
     */
    public record Reference(double value, String label) {

        /** Validates the components. */
        public Reference {
            requireFinite(value, "reference value");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A bar from zero, with an optional threshold tick.
     *
     * @param label     the category, e.g. a column name
     * @param value     the bar's height, finite
     * @param threshold where to draw the threshold tick, or null
     * @param flagged   whether to draw the bar in the alert colour (e.g. a drifted column)
     */
    public record Bar(String label, double value, @Nullable Double threshold, boolean flagged) {

        /** Validates the components. */
        public Bar {
            Objects.requireNonNull(label, "label");
            requireFinite(value, "bar value");
        }
    }

    /**
     * A point estimate with an optional interval, for the interval chart.
     *
     * @param label legend text, e.g. {@code champion rain@1}
     * @param value the estimate
     * @param low   the interval's lower bound, or null
     * @param high  the interval's upper bound, or null
     */
    public record Estimate(String label, double value, @Nullable Double low, @Nullable Double high) {

        /** Validates the components. */
        public Estimate {
            Objects.requireNonNull(label, "label");
            requireFinite(value, "estimate");
        }

        boolean hasInterval() {
            return low != null && high != null;
        }
    }

    /**
     * A span on a timeline, e.g. an incident from opened to closed.
     *
     * @param label  the text above the span
     * @param start  when it began
     * @param end    when it ended, or when the report was made if it is still open
     * @param closed whether it ended (draws a closed marker at the end)
     */
    public record Span(String label, Instant start, Instant end, boolean closed) {

        /** Validates the components. */
        public Span {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (end.isBefore(start)) {
                end = start;
            }
        }
    }

    /**
     * Values over time, one polyline per series, with dashed reference lines.
     *
     * @param id         the element id
     * @param title      the chart title
     * @param yLabel     the y axis label
     * @param series     the series; a series with one point is drawn as a dot
     * @param references reference lines
     * @return the SVG element
     */
    public static String lineChart(String id, String title, String yLabel, List<Series> series,
                                   List<Reference> references) {
        List<Point> all = series.stream().flatMap(s -> s.points().stream()).toList();
        Frame frame = Frame.of(WIDTH, HEIGHT, times(all), values(all, references.stream()
                .mapToDouble(Reference::value).toArray()), false);
        StringBuilder svg = open(id, "line", title, WIDTH, HEIGHT);
        frame.axes(svg, yLabel);
        references(svg, frame, references);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            List<Point> points = new ArrayList<>(s.points());
            points.sort(Comparator.comparing(Point::at));
            String color = color(i);
            if (points.size() == 1) {
                Point p = points.get(0);
                svg.append("<circle class=\"series-dot\" data-series=\"").append(Html.escape(s.name()))
                        .append("\" cx=\"").append(Html.coordinate(frame.x(p.at()))).append("\" cy=\"")
                        .append(Html.coordinate(frame.y(p.value()))).append("\" r=\"3\" fill=\"").append(color)
                        .append("\"/>");
            } else if (points.size() > 1) {
                svg.append("<polyline class=\"series\" data-series=\"").append(Html.escape(s.name()))
                        .append("\" fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" points=\"");
                for (Point p : points) {
                    svg.append(Html.coordinate(frame.x(p.at()))).append(',')
                            .append(Html.coordinate(frame.y(p.value()))).append(' ');
                }
                svg.setLength(svg.length() - 1);
                svg.append("\"/>");
            }
        }
        legend(svg, series.stream().map(Series::name).toList(), WIDTH);
        return close(svg);
    }

    /**
     * A step chart of a percentage over time (a canary's candidate weight), held until {@code end}, with the
     * outcome written at the last step.
     *
     * @param id      the element id
     * @param title   the chart title
     * @param steps   the weight after each change, in percent
     * @param end     where the last step ends (at least the last change)
     * @param outcome the final outcome, e.g. {@code PROMOTED}, or empty while in progress
     * @return the SVG element
     */
    public static String stepChart(String id, String title, List<Point> steps, Instant end, String outcome) {
        List<Point> points = new ArrayList<>(steps);
        points.sort(Comparator.comparing(Point::at));
        List<Instant> times = new ArrayList<>(times(points));
        times.add(end);
        Frame frame = Frame.of(WIDTH, HEIGHT, times, new double[] {0, 100}, true);
        StringBuilder svg = open(id, "step", title, WIDTH, HEIGHT);
        frame.axes(svg, "candidate weight %");
        if (!points.isEmpty()) {
            svg.append("<polyline class=\"step\" fill=\"none\" stroke=\"").append(color(0))
                    .append("\" stroke-width=\"2\" points=\"");
            double previousY = frame.y(points.get(0).value());
            for (int i = 0; i < points.size(); i++) {
                double x = frame.x(points.get(i).at());
                double y = frame.y(points.get(i).value());
                if (i > 0) {
                    svg.append(Html.coordinate(x)).append(',').append(Html.coordinate(previousY)).append(' ');
                }
                svg.append(Html.coordinate(x)).append(',').append(Html.coordinate(y)).append(' ');
                previousY = y;
            }
            Instant last = points.get(points.size() - 1).at();
            double endX = frame.x(end.isAfter(last) ? end : last);
            svg.append(Html.coordinate(endX)).append(',').append(Html.coordinate(previousY)).append("\"/>");
            Point final_ = points.get(points.size() - 1);
            if (!outcome.isEmpty()) {
                double x = frame.x(final_.at());
                double y = frame.y(final_.value());
                String css = "outcome outcome-" + outcome.toLowerCase(Locale.ROOT).replace('_', '-');
                svg.append("<circle class=\"").append(css).append("\" cx=\"").append(Html.coordinate(x))
                        .append("\" cy=\"").append(Html.coordinate(y)).append("\" r=\"5\"/>");
                double textX = Math.min(x + 8, WIDTH - RIGHT - 4);
                svg.append("<text class=\"").append(css).append("\" x=\"").append(Html.coordinate(textX))
                        .append("\" y=\"").append(Html.coordinate(Math.max(TOP + 12, y - 14)))
                        .append("\" text-anchor=\"end\">").append(Html.escape(outcome)).append("</text>");
            }
        }
        return close(svg);
    }

    /**
     * Bars from zero, one per label, each with a threshold tick; flagged bars in the alert colour.
     *
     * @param id     the element id
     * @param title  the chart title
     * @param yLabel the y axis label
     * @param bars   the bars
     * @return the SVG element
     */
    public static String barChart(String id, String title, String yLabel, List<Bar> bars) {
        double[] values = bars.stream().flatMapToDouble(b -> b.threshold() == null
                ? java.util.stream.DoubleStream.of(b.value(), 0)
                : java.util.stream.DoubleStream.of(b.value(), b.threshold(), 0)).toArray();
        Frame frame = Frame.categorical(WIDTH, HEIGHT, bars.size(), values);
        StringBuilder svg = open(id, "bar", title, WIDTH, HEIGHT);
        frame.axes(svg, yLabel);
        double slot = frame.slot();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double center = frame.slotCenter(i);
            double width = Math.max(2, slot * 0.6);
            double y0 = frame.y(0);
            double y1 = frame.y(bar.value());
            svg.append("<rect class=\"bar").append(bar.flagged() ? " flagged" : "").append("\" data-label=\"")
                    .append(Html.escape(bar.label())).append("\" x=\"").append(Html.coordinate(center - width / 2))
                    .append("\" y=\"").append(Html.coordinate(Math.min(y0, y1))).append("\" width=\"")
                    .append(Html.coordinate(width)).append("\" height=\"")
                    .append(Html.coordinate(Math.max(0.5, Math.abs(y0 - y1)))).append("\" fill=\"")
                    .append(bar.flagged() ? "#d62728" : color(0)).append("\"><title>").append(Html.escape(bar.label()))
                    .append(": ").append(Html.number(bar.value())).append("</title></rect>");
            if (bar.threshold() != null) {
                double ty = frame.y(bar.threshold());
                svg.append("<line class=\"threshold\" x1=\"").append(Html.coordinate(center - slot * 0.45))
                        .append("\" x2=\"").append(Html.coordinate(center + slot * 0.45)).append("\" y1=\"")
                        .append(Html.coordinate(ty)).append("\" y2=\"").append(Html.coordinate(ty))
                        .append("\" stroke=\"#333\" stroke-dasharray=\"4 2\"/>");
            }
            categoryLabel(svg, frame, center, bar.label());
        }
        return close(svg);
    }

    /**
     * Estimates as dots with confidence-interval error bars (whiskers with caps), one per label, on an axis
     * zoomed to the intervals so that overlapping intervals are visible.
     *
     * @param id        the element id
     * @param title     the chart title, e.g. the metric name
     * @param estimates the estimates
     * @return the SVG element
     */
    public static String intervalChart(String id, String title, List<Estimate> estimates) {
        double[] values = estimates.stream().flatMapToDouble(e -> {
            Double low = e.low();
            Double high = e.high();
            return low != null && high != null ? java.util.stream.DoubleStream.of(e.value(), low, high)
                    : java.util.stream.DoubleStream.of(e.value());
        }).toArray();
        int width = 320;
        Frame frame = Frame.categorical(width, HEIGHT, estimates.size(), values);
        StringBuilder svg = open(id, "interval", title, width, HEIGHT);
        frame.axes(svg, title);
        for (int i = 0; i < estimates.size(); i++) {
            Estimate e = estimates.get(i);
            double center = frame.slotCenter(i);
            String color = color(i);
            Double lowValue = e.low();
            Double highValue = e.high();
            if (lowValue != null && highValue != null) {   // e.hasInterval()
                double low = frame.y(lowValue);
                double high = frame.y(highValue);
                svg.append("<g class=\"error-bar\" data-label=\"").append(Html.escape(e.label()))
                        .append("\" stroke=\"").append(color).append("\" stroke-width=\"2\">");
                line(svg, center, low, center, high);
                line(svg, center - 8, low, center + 8, low);
                line(svg, center - 8, high, center + 8, high);
                svg.append("<title>").append(Html.escape(e.label())).append(": [").append(Html.number(lowValue))
                        .append(", ").append(Html.number(highValue)).append("]</title></g>");
            }
            svg.append("<circle class=\"estimate\" data-label=\"").append(Html.escape(e.label())).append("\" cx=\"")
                    .append(Html.coordinate(center)).append("\" cy=\"").append(Html.coordinate(frame.y(e.value())))
                    .append("\" r=\"5\" fill=\"").append(color).append("\"><title>").append(Html.escape(e.label()))
                    .append(": ").append(Html.number(e.value())).append("</title></circle>");
            categoryLabel(svg, frame, center, e.label());
        }
        return close(svg);
    }

    /**
     * Spans on a time axis, one row each, with an opened marker at the start and a closed marker at the end of
     * closed spans.
     *
     * @param id    the element id
     * @param title the chart title
     * @param spans the spans
     * @return the SVG element
     */
    public static String timeline(String id, String title, List<Span> spans) {
        int rowHeight = 34;
        int height = TOP + BOTTOM + Math.max(1, spans.size()) * rowHeight;
        List<Instant> times = new ArrayList<>();
        spans.forEach(s -> {
            times.add(s.start());
            times.add(s.end());
        });
        Frame frame = Frame.of(WIDTH, height, times, new double[] {0, 1}, true);
        StringBuilder svg = open(id, "timeline", title, WIDTH, height);
        frame.timeAxis(svg);
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            double y = TOP + i * rowHeight + 22;
            double x0 = frame.x(span.start());
            double x1 = Math.max(frame.x(span.end()), x0 + 1);
            svg.append("<g class=\"span\" data-label=\"").append(Html.escape(span.label())).append("\">");
            String shown = span.label().length() > 95 ? span.label().substring(0, 94) + "…" : span.label();
            svg.append("<text x=\"").append(Html.coordinate(LEFT)).append("\" y=\"").append(Html.coordinate(y - 9))
                    .append("\" class=\"span-label\">").append(Html.escape(shown)).append("<title>")
                    .append(Html.escape(span.label())).append("</title></text>");
            svg.append("<line class=\"span-bar\" x1=\"").append(Html.coordinate(x0)).append("\" x2=\"")
                    .append(Html.coordinate(x1)).append("\" y1=\"").append(Html.coordinate(y)).append("\" y2=\"")
                    .append(Html.coordinate(y)).append("\" stroke=\"").append(span.closed() ? "#888" : "#d62728")
                    .append("\" stroke-width=\"6\"/>");
            svg.append("<circle class=\"opened\" cx=\"").append(Html.coordinate(x0)).append("\" cy=\"")
                    .append(Html.coordinate(y)).append("\" r=\"6\" fill=\"#d62728\"><title>opened ")
                    .append(Html.time(span.start())).append("</title></circle>");
            if (span.closed()) {
                svg.append("<rect class=\"closed\" x=\"").append(Html.coordinate(x1 - 5)).append("\" y=\"")
                        .append(Html.coordinate(y - 5)).append("\" width=\"10\" height=\"10\" fill=\"#2ca02c\">")
                        .append("<title>closed ").append(Html.time(span.end())).append("</title></rect>");
            }
            svg.append("</g>");
        }
        return close(svg);
    }

    // ----------------------------------------------------------------------------------------------------------

    private static StringBuilder open(String id, String kind, String title, int width, int height) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg class=\"chart\" id=\"").append(Html.escape(id)).append("\" data-chart=\"").append(kind)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(title)).append("\"><title>").append(Html.escape(title)).append("</title>")
                .append("<text class=\"chart-title\" x=\"").append(LEFT).append("\" y=\"16\">")
                .append(Html.escape(title)).append("</text>");
        return svg;
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>").toString();
    }

    private static void references(StringBuilder svg, Frame frame, List<Reference> references) {
        for (Reference reference : references) {
            double y = frame.y(reference.value());
            svg.append("<line class=\"reference\" x1=\"").append(LEFT).append("\" x2=\"")
                    .append(frame.width - RIGHT).append("\" y1=\"").append(Html.coordinate(y)).append("\" y2=\"")
                    .append(Html.coordinate(y)).append("\" stroke=\"#555\" stroke-dasharray=\"6 3\"/>")
                    .append("<text class=\"reference-label\" x=\"").append(frame.width - RIGHT - 2).append("\" y=\"")
                    .append(Html.coordinate(y - 3)).append("\" text-anchor=\"end\">")
                    .append(Html.escape(reference.label())).append("</text>");
        }
    }

    /** Draws the legend inside the plot's top-right corner, on a light background, below the title line. */
    private static void legend(StringBuilder svg, List<String> names, int width) {
        if (names.size() < 2) {
            return;
        }
        double right = width - RIGHT - 4;
        double x = right;
        for (String name : names) {
            x -= 22 + Math.min(name.length(), 24) * 6.5;
        }
        svg.append("<rect class=\"legend-background\" x=\"").append(Html.coordinate(x - 4)).append("\" y=\"")
                .append(TOP + 2).append("\" width=\"").append(Html.coordinate(right - x + 8))
                .append("\" height=\"16\" fill=\"#fff\" fill-opacity=\"0.85\"/>");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            svg.append("<rect class=\"legend\" x=\"").append(Html.coordinate(x)).append("\" y=\"").append(TOP + 5)
                    .append("\" width=\"10\" height=\"10\" fill=\"").append(color(i))
                    .append("\"/><text class=\"legend\" x=\"").append(Html.coordinate(x + 13)).append("\" y=\"")
                    .append(TOP + 14).append("\">").append(Html.escape(name)).append("</text>");
            x += 22 + Math.min(name.length(), 24) * 6.5;
        }
    }

    private static void categoryLabel(StringBuilder svg, Frame frame, double center, String label) {
        String shown = label.length() > 22 ? label.substring(0, 21) + "…" : label;
        svg.append("<text class=\"tick\" x=\"").append(Html.coordinate(center)).append("\" y=\"")
                .append(frame.height - BOTTOM + 16).append("\" text-anchor=\"middle\">").append(Html.escape(shown))
                .append("</text>");
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2) {
        svg.append("<line x1=\"").append(Html.coordinate(x1)).append("\" y1=\"").append(Html.coordinate(y1))
                .append("\" x2=\"").append(Html.coordinate(x2)).append("\" y2=\"").append(Html.coordinate(y2))
                .append("\"/>");
    }

    private static String color(int index) {
        return COLORS[Math.floorMod(index, COLORS.length)];
    }

    private static List<Instant> times(List<Point> points) {
        return points.stream().map(Point::at).toList();
    }

    private static double[] values(List<Point> points, double[] extra) {
        double[] values = new double[points.size() + extra.length];
        for (int i = 0; i < points.size(); i++) {
            values[i] = points.get(i).value();
        }
        System.arraycopy(extra, 0, values, points.size(), extra.length);
        return values;
    }

    private static void requireFinite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("A chart " + what + " must be finite, was " + value);
        }
    }

    /** The plot area and its scales. */
    private static final class Frame {

        final int width;
        final int height;
        final long x0;
        final long x1;
        final int categories;
        final double y0;
        final double y1;

        private Frame(int width, int height, long x0, long x1, int categories, double y0, double y1) {
            this.width = width;
            this.height = height;
            this.x0 = x0;
            this.x1 = x1;
            this.categories = categories;
            this.y0 = y0;
            this.y1 = y1;
        }

        static Frame of(int width, int height, List<Instant> times, double[] values, boolean exactY) {
            long min = times.stream().mapToLong(Instant::toEpochMilli).min().orElse(0);
            long max = times.stream().mapToLong(Instant::toEpochMilli).max().orElse(min);
            if (max <= min) {
                min -= Duration.ofMinutes(1).toMillis();
                max += Duration.ofMinutes(1).toMillis();
            }
            double[] range = exactY ? exactRange(values) : paddedRange(values);
            return new Frame(width, height, min, max, 0, range[0], range[1]);
        }

        static Frame categorical(int width, int height, int categories, double[] values) {
            double[] range = paddedRange(values);
            return new Frame(width, height, 0, 1, Math.max(1, categories), range[0], range[1]);
        }

        private static double[] exactRange(double[] values) {
            double lo = java.util.Arrays.stream(values).min().orElse(0);
            double hi = java.util.Arrays.stream(values).max().orElse(1);
            return hi > lo ? new double[] {lo, hi} : new double[] {lo - 1, hi + 1};
        }

        /** The data range widened to whole multiples of a 1-2-5 step, so the ticks are round numbers. */
        private static double[] paddedRange(double[] values) {
            double lo = java.util.Arrays.stream(values).min().orElse(0);
            double hi = java.util.Arrays.stream(values).max().orElse(1);
            if (!(hi > lo)) {
                double pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
                lo -= pad;
                hi += pad;
            }
            double step = niceStep((hi - lo) / Y_TICKS);
            double niceLo = Math.floor(lo / step) * step;
            double niceHi = Math.ceil(hi / step) * step;
            while ((niceHi - niceLo) / step > Y_TICKS) {
                step = niceStep(step * 1.01);
                niceLo = Math.floor(lo / step) * step;
                niceHi = Math.ceil(hi / step) * step;
            }
            niceHi = niceLo + step * Y_TICKS;
            return new double[] {niceLo, niceHi};
        }

        private static double niceStep(double raw) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double fraction = raw / magnitude;
            double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
            return nice * magnitude;
        }

        double plotWidth() {
            return width - LEFT - RIGHT;
        }

        double plotHeight() {
            return height - TOP - BOTTOM;
        }

        double x(Instant at) {
            return LEFT + (at.toEpochMilli() - x0) * plotWidth() / (double) (x1 - x0);
        }

        double y(double value) {
            return TOP + (y1 - value) * plotHeight() / (y1 - y0);
        }

        double slot() {
            return plotWidth() / categories;
        }

        double slotCenter(int index) {
            return LEFT + slot() * (index + 0.5);
        }

        void axes(StringBuilder svg, String yLabel) {
            svg.append("<g class=\"axes\" stroke=\"#999\"><line x1=\"").append(LEFT).append("\" y1=\"").append(TOP)
                    .append("\" x2=\"").append(LEFT).append("\" y2=\"").append(height - BOTTOM).append("\"/>")
                    .append("<line x1=\"").append(LEFT).append("\" y1=\"").append(height - BOTTOM).append("\" x2=\"")
                    .append(width - RIGHT).append("\" y2=\"").append(height - BOTTOM).append("\"/></g>");
            for (int i = 0; i <= Y_TICKS; i++) {
                double value = y0 + (y1 - y0) * i / Y_TICKS;
                double y = y(value);
                svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(width - RIGHT)
                        .append("\" y1=\"").append(Html.coordinate(y)).append("\" y2=\"").append(Html.coordinate(y))
                        .append("\" stroke=\"#eee\"/><text class=\"tick\" x=\"").append(LEFT - 4).append("\" y=\"")
                        .append(Html.coordinate(y + 4)).append("\" text-anchor=\"end\">")
                        .append(Html.escape(Html.number(value))).append("</text>");
            }
            svg.append("<text class=\"axis-label\" transform=\"rotate(-90)\" x=\"")
                    .append(Html.coordinate(-(TOP + plotHeight() / 2))).append("\" y=\"12\" text-anchor=\"middle\">")
                    .append(Html.escape(yLabel)).append("</text>");
            if (categories == 0) {
                timeAxis(svg);
            }
        }

        void timeAxis(StringBuilder svg) {
            if (categories == 0 && svg.indexOf("class=\"axes\"") < 0) {
                svg.append("<g class=\"axes\" stroke=\"#999\"><line x1=\"").append(LEFT).append("\" y1=\"")
                        .append(height - BOTTOM).append("\" x2=\"").append(width - RIGHT).append("\" y2=\"")
                        .append(height - BOTTOM).append("\"/></g>");
            }
            IntFunction<Instant> at = i -> Instant.ofEpochMilli(x0 + (x1 - x0) * i / 2);
            String[] anchors = {"start", "middle", "end"};
            for (int i = 0; i <= 2; i++) {
                Instant t = at.apply(i);
                svg.append("<text class=\"tick\" x=\"").append(Html.coordinate(x(t))).append("\" y=\"")
                        .append(height - BOTTOM + 16).append("\" text-anchor=\"").append(anchors[i]).append("\">")
                        .append(Html.escape(Html.shortTime(t))).append("</text>");
            }
        }
    }

    /** Distinct values in first-seen order. */
    static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
