package io.github.mlhighway.lifecycle.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the charts back out of a rendered report, for assertions. */
final class Svg {

    private static final Pattern CHART = Pattern.compile(
            "<svg class=\"chart\" id=\"([^\"]*)\" data-chart=\"([^\"]*)\".*?</svg>", Pattern.DOTALL);
    private static final Pattern POLYLINE = Pattern.compile("<polyline class=\"([^\"]*)\"[^>]*points=\"([^\"]*)\"");

    private Svg() {
    }

    /** Every chart by id, as its SVG text. */
    static Map<String, String> charts(String html) {
        Map<String, String> charts = new LinkedHashMap<>();
        Matcher m = CHART.matcher(html);
        while (m.find()) {
            charts.put(m.group(1), m.group());
        }
        return charts;
    }

    /** The points of every polyline of a chart, as [x, y] pairs. */
    static List<List<double[]>> polylines(String svg) {
        List<List<double[]>> lines = new ArrayList<>();
        Matcher m = POLYLINE.matcher(svg);
        while (m.find()) {
            List<double[]> points = new ArrayList<>();
            for (String pair : m.group(2).trim().split("\\s+")) {
                String[] xy = pair.split(",");
                points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
            }
            lines.add(points);
        }
        return lines;
    }

    /** How often a literal occurs. */
    static int count(String text, String literal) {
        int count = 0;
        for (int i = text.indexOf(literal); i >= 0; i = text.indexOf(literal, i + literal.length())) {
            count++;
        }
        return count;
    }

    /** The numeric value of an attribute at each of its occurrences in elements of a class. */
    static List<Double> attribute(String svg, String elementClass, String attribute) {
        List<Double> values = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"" + Pattern.quote(elementClass) + "\"[^>]*?\\s" + attribute
                + "=\"([-0-9.]+)\"").matcher(svg);
        while (m.find()) {
            values.add(Double.parseDouble(m.group(1)));
        }
        return values;
    }
}
