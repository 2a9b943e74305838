package io.github.midljava.experiment.suite.report;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.suite.ExperimentId;
import io.github.midljava.experiment.suite.StoredRun;
import io.github.midljava.experiment.suite.Variant;
import io.github.midljava.model.Method;
import io.github.midljava.report.CsvTable;
import io.github.midljava.report.Fmt;
import io.github.midljava.report.MarkdownTable;
import io.github.midljava.report.Plots;
import io.github.midljava.report.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;

/**
 * E3: test accuracy under symmetric label noise, under Gaussian input noise at test time (measured
 * inside the E1 runs), and the train-test gap when training on a small fraction of the data; for
 * DENSE, DROPOUT and MIDL.
 */
public final class RobustnessReport implements ExperimentReport {

    @Override
    public ExperimentId id() {
        return ExperimentId.E3;
    }

    /**
     * Test accuracy of {@code m} trained with label noise {@code level}, over the ablation seeds.
     */
    public static Stat labelNoiseAccuracy(ResultSet results, DatasetId d, Method m, double level) {
        Variant v = results.catalog().labelNoise(m, level);
        return results.stat(
                d, v, results.options().ablationSeedList(), s -> s.result().testAccuracy());
    }

    /**
     * Test accuracy of the E1 runs of {@code m} with input noise {@code sigma}, over the E1 seeds.
     */
    public static Stat inputNoiseAccuracy(ResultSet results, DatasetId d, Method m, double sigma) {
        return results.stat(
                d, results.catalog().e1(m), results.options().e1Seeds(), s -> noisy(s, sigma));
    }

    /** Train minus test accuracy of {@code v} over the ablation seeds. */
    public static Stat gap(ResultSet results, DatasetId d, Variant v) {
        return results.stat(
                d,
                v,
                results.options().ablationSeedList(),
                s -> s.result().trainAccuracy() - s.result().testAccuracy());
    }

    @Override
    public ReportSection write(Path dir, ResultSet results) throws IOException {
        List<Method> methods = results.options().baselineMethods();
        List<Double> levels = results.options().labelNoiseLevels();
        List<Double> sigmas = results.options().inputSigmas();
        List<Long> ablation = results.options().ablationSeedList();
        Table.Builder csv =
                Table.builder(
                        "dataset",
                        "method",
                        "condition",
                        "level",
                        "seeds",
                        "test_accuracy_mean",
                        "test_accuracy_std",
                        "train_accuracy_mean",
                        "train_test_gap_mean",
                        "train_test_gap_std");
        StringBuilder md = new StringBuilder();
        md.append(
                        "**Label noise**: a fraction of the training labels is flipped to another"
                                + " class, ")
                .append("uniformly (symmetric); test labels are clean. ")
                .append(ResultSet.seedText(ablation))
                .append(
                        " (option `--ablation-seeds`); the 0% point is the E1 run of the same"
                                + " seeds. ")
                .append("**Input noise**: Gaussian noise of standard deviation σ is added to the ")
                .append("standardised test inputs of the trained E1 models (")
                .append(ResultSet.seedText(results.options().e1Seeds()))
                .append("; Adult's one-hot columns get noise too). **Small data**: training on ")
                .append(Fmt.pct(results.options().smallTrainFraction(), 0))
                .append(
                        " of the training split (a seeded random subset); the train-test gap is"
                                + " train ")
                .append("accuracy minus test accuracy. Accuracies are mean ± std over seeds.\n\n");
        for (DatasetId d : results.options().datasets()) {
            md.append("### ").append(d.cliName()).append("\n\n");
            // Label noise
            appendCurve(
                    md,
                    csv,
                    dir,
                    d,
                    methods,
                    new Curve(
                            "label_noise",
                            levels,
                            l -> "label noise " + Fmt.pct(l, 0),
                            "drop "
                                    + Fmt.pct(levels.get(0), 0)
                                    + " → "
                                    + Fmt.pct(levels.get(levels.size() - 1), 0),
                            l -> 100 * l,
                            (m, l) -> labelNoiseAccuracy(results, d, m, l),
                            (m, l) ->
                                    results.stat(
                                                    d,
                                                    results.catalog().labelNoise(m, l),
                                                    ablation,
                                                    r -> r.result().trainAccuracy())
                                            .mean(),
                            "Test accuracy after training with label noise",
                            "label-noise-",
                            "Test accuracy vs training label noise, ",
                            "flipped training labels [%] (" + ResultSet.seedText(ablation),
                            "Accuracy vs label noise, "));
            // Input noise
            appendCurve(
                    md,
                    csv,
                    dir,
                    d,
                    methods,
                    new Curve(
                            "input_sigma",
                            sigmas,
                            sigma -> "σ = " + Fmt.fixed(sigma, 2),
                            "drop σ "
                                    + Fmt.fixed(sigmas.get(0), 2)
                                    + " → "
                                    + Fmt.fixed(sigmas.get(sigmas.size() - 1), 2),
                            sigma -> sigma,
                            (m, sigma) -> inputNoiseAccuracy(results, d, m, sigma),
                            null,
                            "Test accuracy with Gaussian noise on the test inputs (models of E1)",
                            "input-noise-",
                            "Test accuracy vs input noise, ",
                            "σ of Gaussian noise on standardised test inputs ("
                                    + ResultSet.seedText(results.options().e1Seeds()),
                            "Accuracy vs input noise, "));
            // Small data
            String small = Fmt.pct(results.options().smallTrainFraction(), 0);
            Table.Builder t =
                    Table.builder(
                            "method",
                            "seeds",
                            "train acc (100%)",
                            "test acc (100%)",
                            "gap (100%)",
                            "train acc (" + small + ")",
                            "test acc (" + small + ")",
                            "gap (" + small + ")");
            for (Method m : methods) {
                Variant full = results.catalog().e1(m);
                Variant part = results.catalog().smallData(m);
                Stat trainFull = results.stat(d, full, ablation, r -> r.result().trainAccuracy());
                Stat testFull = results.stat(d, full, ablation, r -> r.result().testAccuracy());
                Stat gapFull = gap(results, d, full);
                Stat trainPart = results.stat(d, part, ablation, r -> r.result().trainAccuracy());
                Stat testPart = results.stat(d, part, ablation, r -> r.result().testAccuracy());
                Stat gapPart = gap(results, d, part);
                t.addRow(
                        m.cliName(),
                        Math.min(gapFull.n(), gapPart.n()),
                        trainFull.pct(),
                        testFull.pct(),
                        gapText(gapFull),
                        trainPart.pct(),
                        testPart.pct(),
                        gapText(gapPart));
                csv.addRow(
                        d.cliName(),
                        m.cliName(),
                        "train_fraction",
                        1.0,
                        testFull.n(),
                        testFull.mean(),
                        testFull.std(),
                        trainFull.mean(),
                        gapFull.mean(),
                        gapFull.std());
                csv.addRow(
                        d.cliName(),
                        m.cliName(),
                        "train_fraction",
                        results.options().smallTrainFraction(),
                        testPart.n(),
                        testPart.mean(),
                        testPart.std(),
                        trainPart.mean(),
                        gapPart.mean(),
                        gapPart.std());
            }
            md.append("Overfitting regime (train-test gap in percentage points):\n\n")
                    .append(MarkdownTable.render(t.build()))
                    .append('\n');
        }
        CsvTable.write(dir.resolve("summary.csv"), csv.build());
        return new ReportSection(id(), md.toString());
    }

    /**
     * One accuracy-vs-noise curve per method: how to label, measure and plot it.
     *
     * @param condition the {@code condition} column of summary.csv
     * @param levels the noise levels, first = the clean reference
     * @param column the table header of a level
     * @param dropHeader the header of the first-minus-last column
     * @param plotX a level's x coordinate in the plot
     * @param accuracy test accuracy of a method at a level
     * @param trainMean mean train accuracy of a method at a level, or null if not measured
     * @param caption the sentence above the table (without the colon)
     * @param pngPrefix the plot's file name before the dataset name
     * @param title the plot title before the dataset name
     * @param xLabel the x-axis label up to the seed list (closed by "; error bars: std)")
     * @param alt the plot's alt text before the dataset name
     */
    private record Curve(
            String condition,
            List<Double> levels,
            DoubleFunction<String> column,
            String dropHeader,
            DoubleUnaryOperator plotX,
            BiFunction<Method, Double, Stat> accuracy,
            BiFunction<Method, Double, Double> trainMean,
            String caption,
            String pngPrefix,
            String title,
            String xLabel,
            String alt) {}

    /** Appends a curve's table (and plot, when every point is measured) for dataset d. */
    private static void appendCurve(
            StringBuilder md,
            Table.Builder csv,
            Path dir,
            DatasetId d,
            List<Method> methods,
            Curve c)
            throws IOException {
        List<Double> levels = c.levels();
        List<String> header = new ArrayList<>(List.of("method", "seeds"));
        for (double l : levels) {
            header.add(c.column().apply(l));
        }
        header.add(c.dropHeader());
        Table.Builder t = Table.builder(header);
        List<Plots.Series> series = new ArrayList<>();
        for (Method m : methods) {
            List<Object> row = new ArrayList<>(List.of(m.cliName()));
            double[] x = new double[levels.size()];
            double[] y = new double[levels.size()];
            double[] e = new double[levels.size()];
            int n = Integer.MAX_VALUE;
            boolean complete = true;
            for (int i = 0; i < levels.size(); i++) {
                double l = levels.get(i);
                Stat s = c.accuracy().apply(m, l);
                row.add(s.pct());
                n = Math.min(n, s.n());
                x[i] = c.plotX().applyAsDouble(l);
                y[i] = s.mean();
                e[i] = Double.isNaN(s.std()) ? 0 : s.std();
                complete &= !s.isEmpty();
                csv.addRow(
                        d.cliName(),
                        m.cliName(),
                        c.condition(),
                        l,
                        s.n(),
                        s.mean(),
                        s.std(),
                        c.trainMean() == null ? "" : c.trainMean().apply(m, l),
                        "",
                        "");
            }
            row.add(1, n == Integer.MAX_VALUE ? 0 : n);
            row.add(complete ? Fmt.fixed(100 * (y[0] - y[y.length - 1]), 2) + " pp" : "n/a");
            t.addRow(row);
            if (complete) {
                series.add(new Plots.Series(m.cliName(), x, y, e));
            }
        }
        md.append(c.caption()).append(":\n\n").append(MarkdownTable.render(t.build())).append('\n');
        if (!series.isEmpty()) {
            String png = c.pngPrefix() + d.cliName() + ".png";
            Plots.lineChart(
                    dir.resolve(png),
                    c.title() + d.cliName(),
                    c.xLabel() + "; error bars: std)",
                    "test accuracy",
                    series,
                    false);
            md.append(Plots.markdownImage(c.alt() + d.cliName(), png));
        }
    }

    private static String gapText(Stat gap) {
        return gap.isEmpty() ? "n/a" : Fmt.meanStd(100 * gap.mean(), 100 * gap.std(), 2) + " pp";
    }

    private static double noisy(StoredRun s, double sigma) {
        var m = s.result().noisyTestAccuracy();
        Double v = m == null ? null : m.get(Double.toString(sigma));
        return v == null ? Double.NaN : v;
    }
}
