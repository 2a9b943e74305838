package io.github.midljava.experiment.suite.report;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.suite.ExperimentId;
import io.github.midljava.experiment.suite.analysis.CurvePoint;
import io.github.midljava.experiment.suite.analysis.CurvePoint.NoiseCondition;
import io.github.midljava.experiment.suite.analysis.ResultSet;
import io.github.midljava.experiment.suite.analysis.RobustnessResults;
import io.github.midljava.experiment.suite.analysis.SmallDataRow;
import io.github.midljava.experiment.suite.analysis.Stat;
import io.github.midljava.experiment.suite.analysis.SuiteAnalysis;
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
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;

/**
 * E3: test accuracy under symmetric label noise, under Gaussian input noise at test time (measured
 * inside the E1 runs), and the train-test gap when training on a small fraction of the data; for
 * DENSE, DROPOUT and MIDL; rendered from {@link RobustnessResults}.
 */
public final class RobustnessReport implements ExperimentReport {

    @Override
    public ExperimentId id() {
        return ExperimentId.E3;
    }

    @Override
    public ReportSection write(Path dir, SuiteAnalysis analysis) throws IOException {
        ResultSet results = analysis.results();
        RobustnessResults robustness = analysis.robustness();
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
            boolean own = results.options().ablates(d);
            if (own) {
                // Label noise
                appendCurve(
                        md,
                        csv,
                        dir,
                        d,
                        methods,
                        robustness,
                        new Curve(
                                NoiseCondition.LABEL_NOISE,
                                l -> "label noise " + Fmt.pct(l, 0),
                                "drop "
                                        + Fmt.pct(levels.get(0), 0)
                                        + " → "
                                        + Fmt.pct(levels.get(levels.size() - 1), 0),
                                l -> 100 * l,
                                "Test accuracy after training with label noise",
                                "label-noise-",
                                "Test accuracy vs training label noise, ",
                                "flipped training labels [%] (" + ResultSet.seedText(ablation),
                                "Accuracy vs label noise, "));
            }
            // Input noise
            appendCurve(
                    md,
                    csv,
                    dir,
                    d,
                    methods,
                    robustness,
                    new Curve(
                            NoiseCondition.INPUT_NOISE,
                            sigma -> "σ = " + Fmt.fixed(sigma, 2),
                            "drop σ "
                                    + Fmt.fixed(sigmas.get(0), 2)
                                    + " → "
                                    + Fmt.fixed(sigmas.get(sigmas.size() - 1), 2),
                            sigma -> sigma,
                            "Test accuracy with Gaussian noise on the test inputs (models of E1)",
                            "input-noise-",
                            "Test accuracy vs input noise, ",
                            "σ of Gaussian noise on standardised test inputs ("
                                    + ResultSet.seedText(results.options().e1Seeds()),
                            "Accuracy vs input noise, "));
            if (!own) {
                md.append(
                        "Label noise and small data: not run on this dataset (not in"
                                + " `--ablation-datasets`).\n\n");
                continue;
            }
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
                SmallDataRow row = robustness.smallData(d, m);
                Stat trainFull = row.trainFull();
                Stat testFull = row.testFull();
                Stat gapFull = row.gapFull().stat();
                Stat trainPart = row.trainSmall();
                Stat testPart = row.testSmall();
                Stat gapPart = row.gapSmall().stat();
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
     * How to label and plot one accuracy-vs-noise curve.
     *
     * @param condition what is varied (and the {@code condition} column of summary.csv)
     * @param column the table header of a level
     * @param dropHeader the header of the first-minus-last column
     * @param plotX a level's x coordinate in the plot
     * @param caption the sentence above the table (without the colon)
     * @param pngPrefix the plot's file name before the dataset name
     * @param title the plot title before the dataset name
     * @param xLabel the x-axis label up to the seed list (closed by "; error bars: std)")
     * @param alt the plot's alt text before the dataset name
     */
    private record Curve(
            NoiseCondition condition,
            DoubleFunction<String> column,
            String dropHeader,
            DoubleUnaryOperator plotX,
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
            RobustnessResults robustness,
            Curve c)
            throws IOException {
        List<CurvePoint> first = robustness.curve(d, methods.get(0), c.condition());
        List<String> header = new ArrayList<>(List.of("method", "seeds"));
        for (CurvePoint p : first) {
            header.add(c.column().apply(p.level()));
        }
        header.add(c.dropHeader());
        Table.Builder t = Table.builder(header);
        List<Plots.Series> series = new ArrayList<>();
        for (Method m : methods) {
            List<CurvePoint> points = robustness.curve(d, m, c.condition());
            List<Object> row = new ArrayList<>(List.of(m.cliName()));
            double[] x = new double[points.size()];
            double[] y = new double[points.size()];
            double[] e = new double[points.size()];
            int n = Integer.MAX_VALUE;
            boolean complete = true;
            for (int i = 0; i < points.size(); i++) {
                CurvePoint p = points.get(i);
                Stat s = p.testAccuracy().stat();
                row.add(s.pct());
                n = Math.min(n, s.n());
                x[i] = c.plotX().applyAsDouble(p.level());
                y[i] = s.mean();
                e[i] = Double.isNaN(s.std()) ? 0 : s.std();
                complete &= !s.isEmpty();
                csv.addRow(
                        d.cliName(),
                        m.cliName(),
                        c.condition().csvName(),
                        p.level(),
                        s.n(),
                        s.mean(),
                        s.std(),
                        c.condition() == NoiseCondition.LABEL_NOISE ? p.trainAccuracyMean() : "",
                        "",
                        "");
            }
            row.add(1, n == Integer.MAX_VALUE ? 0 : n);
            double drop = RobustnessResults.meanDrop(points);
            row.add(Double.isNaN(drop) ? "n/a" : Fmt.fixed(100 * drop, 2) + " pp");
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
}
