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
            List<String> header = new ArrayList<>(List.of("method", "seeds"));
            for (double l : levels) {
                header.add("label noise " + Fmt.pct(l, 0));
            }
            header.add(
                    "drop "
                            + Fmt.pct(levels.get(0), 0)
                            + " → "
                            + Fmt.pct(levels.get(levels.size() - 1), 0));
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
                    Variant v = results.catalog().labelNoise(m, l);
                    Stat s = labelNoiseAccuracy(results, d, m, l);
                    Stat train = results.stat(d, v, ablation, r -> r.result().trainAccuracy());
                    row.add(s.pct());
                    n = Math.min(n, s.n());
                    x[i] = 100 * l;
                    y[i] = s.mean();
                    e[i] = Double.isNaN(s.std()) ? 0 : s.std();
                    complete &= !s.isEmpty();
                    csv.addRow(
                            d.cliName(),
                            m.cliName(),
                            "label_noise",
                            l,
                            s.n(),
                            s.mean(),
                            s.std(),
                            train.mean(),
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
            md.append("Test accuracy after training with label noise:\n\n")
                    .append(MarkdownTable.render(t.build()))
                    .append('\n');
            if (!series.isEmpty()) {
                String png = "label-noise-" + d.cliName() + ".png";
                Plots.lineChart(
                        dir.resolve(png),
                        "Test accuracy vs training label noise, " + d.cliName(),
                        "flipped training labels [%] ("
                                + ResultSet.seedText(ablation)
                                + "; error bars: std)",
                        "test accuracy",
                        series,
                        false);
                md.append("![Accuracy vs label noise, ")
                        .append(d.cliName())
                        .append("](")
                        .append(png)
                        .append(")\n\n");
            }
            // Input noise
            header = new ArrayList<>(List.of("method", "seeds"));
            for (double s : sigmas) {
                header.add("σ = " + Fmt.fixed(s, 2));
            }
            header.add(
                    "drop σ "
                            + Fmt.fixed(sigmas.get(0), 2)
                            + " → "
                            + Fmt.fixed(sigmas.get(sigmas.size() - 1), 2));
            t = Table.builder(header);
            series = new ArrayList<>();
            for (Method m : methods) {
                List<Object> row = new ArrayList<>(List.of(m.cliName()));
                double[] x = new double[sigmas.size()];
                double[] y = new double[sigmas.size()];
                double[] e = new double[sigmas.size()];
                int n = Integer.MAX_VALUE;
                boolean complete = true;
                for (int i = 0; i < sigmas.size(); i++) {
                    Stat s = inputNoiseAccuracy(results, d, m, sigmas.get(i));
                    row.add(s.pct());
                    n = Math.min(n, s.n());
                    x[i] = sigmas.get(i);
                    y[i] = s.mean();
                    e[i] = Double.isNaN(s.std()) ? 0 : s.std();
                    complete &= !s.isEmpty();
                    csv.addRow(
                            d.cliName(),
                            m.cliName(),
                            "input_sigma",
                            sigmas.get(i),
                            s.n(),
                            s.mean(),
                            s.std(),
                            "",
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
            md.append("Test accuracy with Gaussian noise on the test inputs (models of E1):\n\n")
                    .append(MarkdownTable.render(t.build()))
                    .append('\n');
            if (!series.isEmpty()) {
                String png = "input-noise-" + d.cliName() + ".png";
                Plots.lineChart(
                        dir.resolve(png),
                        "Test accuracy vs input noise, " + d.cliName(),
                        "σ of Gaussian noise on standardised test inputs ("
                                + ResultSet.seedText(results.options().e1Seeds())
                                + "; error bars: std)",
                        "test accuracy",
                        series,
                        false);
                md.append("![Accuracy vs input noise, ")
                        .append(d.cliName())
                        .append("](")
                        .append(png)
                        .append(")\n\n");
            }
            // Small data
            String small = Fmt.pct(results.options().smallTrainFraction(), 0);
            t =
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

    private static String gapText(Stat gap) {
        return gap.isEmpty() ? "n/a" : Fmt.meanStd(100 * gap.mean(), 100 * gap.std(), 2) + " pp";
    }

    private static double noisy(StoredRun s, double sigma) {
        var m = s.result().noisyTestAccuracy();
        Double v = m == null ? null : m.get(Double.toString(sigma));
        return v == null ? Double.NaN : v;
    }
}
