package io.github.midljava.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG charts of the experiments with XChart, each written through {@link AtomicFiles}.
 *
 * <p>Defaults: 800 × 500 px, white background, legend inside the plot. The class sets {@code
 * java.awt.headless=true} (unless the property is already set) before any AWT class loads, so
 * charts render on servers without a display.
 */
public final class Plots {

    /** Width of every chart, in pixels. */
    public static final int WIDTH = 800;

    /** Height of every chart, in pixels. */
    public static final int HEIGHT = 500;

    static {
        // Must run before AWT initialises; XChart classes are only touched by methods below.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Plots() {}

    /**
     * One line of a line chart.
     *
     * @param name legend entry
     * @param x abscissae, {@code [m]}
     * @param y ordinates, {@code [m]}
     * @param yErr half-heights of the error bars, {@code [m]}, or null for none
     */
    public record Series(String name, double[] x, double[] y, double[] yErr) {
        public Series {
            if (name == null) {
                throw new IllegalArgumentException("series name must not be null");
            }
            if (x == null || y == null || x.length != y.length) {
                throw new IllegalArgumentException(
                        "series '"
                                + name
                                + "' needs x and y of equal length, got "
                                + (x == null ? "null" : x.length)
                                + " and "
                                + (y == null ? "null" : y.length));
            }
            if (yErr != null && yErr.length != y.length) {
                throw new IllegalArgumentException(
                        "series '"
                                + name
                                + "' needs yErr of length "
                                + y.length
                                + ", got "
                                + yErr.length);
            }
        }

        /** A series without error bars. */
        public static Series of(String name, double[] x, double[] y) {
            return new Series(name, x, y, null);
        }
    }

    /**
     * One point of a cost / quality trade-off.
     *
     * @param series group drawn in one colour (e.g. the method)
     * @param label text written beside the point (e.g. "r=0.25")
     * @param x cost, smaller is better (e.g. FLOPs)
     * @param y quality, larger is better (e.g. accuracy)
     */
    public record ParetoPoint(String series, String label, double x, double y) {}

    /**
     * Returns the Markdown that shows a plot written next to the report, followed by a blank line:
     * {@code ![alt](file)}.
     */
    public static String markdownImage(String alt, String file) {
        return "![" + alt + "](" + file + ")\n\n";
    }

    /**
     * Writes a line chart with optional error bars.
     *
     * @param png target file
     * @param title chart title
     * @param xLabel x axis title
     * @param yLabel y axis title
     * @param series the lines, at least one
     * @param logX logarithmic x axis (then every x must be &gt; 0)
     */
    public static void lineChart(
            Path png, String title, String xLabel, String yLabel, List<Series> series, boolean logX)
            throws IOException {
        lineChart(png, title, xLabel, yLabel, series, logX, false);
    }

    /**
     * Writes a line chart with optional error bars and optional logarithmic axes (e.g. latency
     * against batch size, both spanning several decades).
     *
     * @param png target file
     * @param title chart title
     * @param xLabel x axis title
     * @param yLabel y axis title
     * @param series the lines, at least one
     * @param logX logarithmic x axis (then every x must be &gt; 0)
     * @param logY logarithmic y axis (then every y must be &gt; 0)
     */
    public static void lineChart(
            Path png,
            String title,
            String xLabel,
            String yLabel,
            List<Series> series,
            boolean logX,
            boolean logY)
            throws IOException {
        requireNonEmpty(series, "series");
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        style(chart);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        for (Series s : series) {
            if (logX) {
                requirePositive(s.x(), "x of series '" + s.name() + "' (log axis)");
            }
            if (logY) {
                requirePositive(s.y(), "y of series '" + s.name() + "' (log axis)");
            }
            XYSeries added =
                    s.yErr() == null
                            ? chart.addSeries(s.name(), s.x(), s.y())
                            : chart.addSeries(s.name(), s.x(), s.y(), s.yErr());
            added.setMarker(SeriesMarkers.CIRCLE);
        }
        write(png, chart);
    }

    /**
     * Writes a grouped bar chart with optional error bars.
     *
     * @param png target file
     * @param title chart title
     * @param yLabel y axis title
     * @param categories the groups along x, {@code [c]}
     * @param valuesBySeries bar heights per series (legend order = map order), each {@code [c]}
     * @param errorsBySeries error half-heights per series, each {@code [c]}; null, or a missing
     *     key, for no error bars
     */
    public static void barChartWithErrors(
            Path png,
            String title,
            String yLabel,
            List<String> categories,
            Map<String, double[]> valuesBySeries,
            Map<String, double[]> errorsBySeries)
            throws IOException {
        barChartWithErrors(png, title, null, yLabel, categories, valuesBySeries, errorsBySeries);
    }

    /**
     * Writes a grouped bar chart with optional error bars and an x axis title (e.g. the estimator's
     * settings, which do not fit in the title).
     *
     * @param png target file
     * @param title chart title
     * @param xLabel x axis title, or null for none
     * @param yLabel y axis title
     * @param categories the groups along x, {@code [c]}
     * @param valuesBySeries bar heights per series (legend order = map order), each {@code [c]}
     * @param errorsBySeries error half-heights per series, each {@code [c]}; null, or a missing
     *     key, for no error bars
     */
    public static void barChartWithErrors(
            Path png,
            String title,
            String xLabel,
            String yLabel,
            List<String> categories,
            Map<String, double[]> valuesBySeries,
            Map<String, double[]> errorsBySeries)
            throws IOException {
        requireNonEmpty(categories, "categories");
        if (valuesBySeries == null || valuesBySeries.isEmpty()) {
            throw new IllegalArgumentException("valuesBySeries must not be empty");
        }
        CategoryChart chart = new CategoryChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        if (xLabel != null) {
            chart.setXAxisTitle(xLabel);
        }
        chart.setYAxisTitle(yLabel);
        style(chart);
        chart.getStyler().setErrorBarsColorSeriesColor(false);
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 6 ? 30 : 0);
        for (Map.Entry<String, double[]> e : valuesBySeries.entrySet()) {
            double[] values = e.getValue();
            requireLength(values, categories.size(), "values of series '" + e.getKey() + "'");
            double[] errors = errorsBySeries == null ? null : errorsBySeries.get(e.getKey());
            if (errors == null) {
                chart.addSeries(e.getKey(), categories, boxed(values));
            } else {
                requireLength(errors, categories.size(), "errors of series '" + e.getKey() + "'");
                chart.addSeries(e.getKey(), categories, boxed(values), boxed(errors));
            }
        }
        write(png, chart);
    }

    /**
     * Writes overlaid histograms (outlines) on common bins, each normalised to fractions of its own
     * sample count, so series of different sizes compare.
     *
     * @param png target file
     * @param title chart title
     * @param xLabel x axis title
     * @param samplesBySeries samples per series (legend order = map order), each non-empty and
     *     finite
     * @param bins number of equal-width bins over the range of all samples, &ge; 1
     */
    public static void histogram(
            Path png, String title, String xLabel, Map<String, double[]> samplesBySeries, int bins)
            throws IOException {
        if (samplesBySeries == null || samplesBySeries.isEmpty()) {
            throw new IllegalArgumentException("samplesBySeries must not be empty");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> e : samplesBySeries.entrySet()) {
            double[] samples = e.getValue();
            if (samples == null || samples.length == 0) {
                throw new IllegalArgumentException(
                        "samples of series '" + e.getKey() + "' must not be empty");
            }
            for (double v : samples) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(
                            "samples of series '" + e.getKey() + "' must be finite, got " + v);
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == max) { // one distinct value: give its single bar a visible width
            min -= 0.5;
            max += 0.5;
        }
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle("fraction of samples");
        style(chart);
        // XChart labels ticks at full precision otherwise (".000078912202816").
        chart.getStyler().setXAxisDecimalPattern("0.###");
        chart.getStyler().setYAxisDecimalPattern("0.###");
        for (Map.Entry<String, double[]> e : samplesBySeries.entrySet()) {
            double[] fraction = binFractions(e.getValue(), bins, min, max);
            // The outline as an explicit staircase, independent of XChart's step renderer.
            double[] sx = new double[2 * bins + 2];
            double[] sy = new double[2 * bins + 2];
            double width = (max - min) / bins;
            sx[0] = min;
            for (int b = 0; b < bins; b++) {
                sx[2 * b + 1] = min + b * width;
                sy[2 * b + 1] = fraction[b];
                sx[2 * b + 2] = b == bins - 1 ? max : min + (b + 1) * width;
                sy[2 * b + 2] = fraction[b];
            }
            sx[2 * bins + 1] = max;
            XYSeries s = chart.addSeries(e.getKey(), sx, sy);
            s.setMarker(SeriesMarkers.NONE);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setLineStyle(new BasicStroke(2f));
        }
        write(png, chart);
    }

    /**
     * Writes a labelled scatter of cost against quality with the Pareto front drawn through it.
     *
     * @param png target file
     * @param title chart title
     * @param xLabel x axis title (the cost, e.g. "FLOPs per sample")
     * @param yLabel y axis title (the quality, e.g. "test accuracy")
     * @param points the points, at least one, finite
     * @param logX logarithmic x axis (then every x must be &gt; 0)
     */
    public static void scatterPareto(
            Path png,
            String title,
            String xLabel,
            String yLabel,
            List<ParetoPoint> points,
            boolean logX)
            throws IOException {
        requireNonEmpty(points, "points");
        Map<String, List<ParetoPoint>> bySeries = new LinkedHashMap<>();
        for (ParetoPoint p : points) {
            if (!Double.isFinite(p.x()) || !Double.isFinite(p.y())) {
                throw new IllegalArgumentException("point coordinates must be finite, got " + p);
            }
            if (logX && p.x() <= 0) {
                throw new IllegalArgumentException("x must be > 0 on a log axis, got " + p);
            }
            bySeries.computeIfAbsent(String.valueOf(p.series()), k -> new ArrayList<>()).add(p);
        }
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        style(chart);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        List<ParetoPoint> front = paretoFront(points);
        XYSeries frontLine =
                chart.addSeries(
                        "Pareto front",
                        front.stream().mapToDouble(ParetoPoint::x).toArray(),
                        front.stream().mapToDouble(ParetoPoint::y).toArray());
        frontLine.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        frontLine.setMarker(SeriesMarkers.NONE);
        frontLine.setLineColor(Color.GRAY);
        frontLine.setLineStyle(
                new BasicStroke(
                        1.5f,
                        BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER,
                        10f,
                        new float[] {6f, 4f},
                        0f));
        for (Map.Entry<String, List<ParetoPoint>> e : bySeries.entrySet()) {
            XYSeries s =
                    chart.addSeries(
                            e.getKey(),
                            e.getValue().stream().mapToDouble(ParetoPoint::x).toArray(),
                            e.getValue().stream().mapToDouble(ParetoPoint::y).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        // Labels sit above their points (annotations are centred on their anchor): 4% of the
        // y range, in data units because the offset must not depend on the x scale.
        double yMin = points.stream().mapToDouble(ParetoPoint::y).min().orElseThrow();
        double yMax = points.stream().mapToDouble(ParetoPoint::y).max().orElseThrow();
        double lift = yMax > yMin ? 0.04 * (yMax - yMin) : 0.04 * Math.max(1e-9, Math.abs(yMax));
        for (ParetoPoint p : points) {
            if (p.label() != null && !p.label().isEmpty()) {
                chart.addAnnotation(new AnnotationText(p.label(), p.x(), p.y() + lift, false));
            }
        }
        write(png, chart);
    }

    /**
     * Returns the points no other point dominates, by increasing x: p dominates q when p.x &le; q.x
     * and p.y &ge; q.y with one inequality strict (lower cost, higher quality). Of exact duplicates
     * the first is kept.
     */
    public static List<ParetoPoint> paretoFront(List<ParetoPoint> points) {
        List<ParetoPoint> sorted = new ArrayList<>(points);
        // By cost, then best quality first, so one pass keeps each strict improvement in quality.
        sorted.sort(
                Comparator.comparingDouble(ParetoPoint::x)
                        .thenComparing(Comparator.comparingDouble(ParetoPoint::y).reversed()));
        List<ParetoPoint> front = new ArrayList<>();
        double bestY = Double.NEGATIVE_INFINITY;
        for (ParetoPoint p : sorted) {
            if (p.y() > bestY) {
                front.add(p);
                bestY = p.y();
            }
        }
        return front;
    }

    /** Fractions of samples in each of {@code bins} equal bins over [min, max] (max included). */
    static double[] binFractions(double[] samples, int bins, double min, double max) {
        double[] fraction = new double[bins];
        double scale = bins / (max - min);
        for (double v : samples) {
            int b = (int) ((v - min) * scale);
            fraction[Math.min(Math.max(b, 0), bins - 1)] += 1.0 / samples.length;
        }
        return fraction;
    }

    private static void style(Chart<? extends AxesChartStyler, ?> chart) {
        AxesChartStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setLegendBackgroundColor(new Color(255, 255, 255, 215));
        styler.setLegendBorderColor(new Color(200, 200, 200));
        styler.setChartTitleBoxVisible(false);
        styler.setAntiAlias(true);
    }

    private static void write(Path png, Chart<?, ?> chart) throws IOException {
        byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicFiles.writeBytes(png, bytes);
    }

    private static List<Double> boxed(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    private static void requireNonEmpty(List<?> list, String name) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    private static void requireLength(double[] values, int length, String name) {
        if (values == null || values.length != length) {
            throw new IllegalArgumentException(
                    name
                            + " must have "
                            + length
                            + " entries, got "
                            + (values == null ? "null" : values.length));
        }
    }

    private static void requirePositive(double[] values, String name) {
        for (double v : values) {
            if (!(v > 0)) {
                throw new IllegalArgumentException(name + " must be > 0, got " + v);
            }
        }
    }
}
