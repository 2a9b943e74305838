package io.github.midljava.experiment.suite.report;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.RunResult;
import io.github.midljava.experiment.suite.ExperimentId;
import io.github.midljava.experiment.suite.StoredRun;
import io.github.midljava.experiment.suite.Variant;
import io.github.midljava.model.Method;
import io.github.midljava.report.CsvTable;
import io.github.midljava.report.Fmt;
import io.github.midljava.report.MarkdownTable;
import io.github.midljava.report.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * E1: per dataset and method, test accuracy over seeds, active ratio, honest and paper-style FLOPs
 * and savings, parameters, training time, inference latency and peak memory.
 */
public final class MainTableReport implements ExperimentReport {

    @Override
    public ExperimentId id() {
        return ExperimentId.E1;
    }

    @Override
    public ReportSection write(Path dir, ResultSet results) throws IOException {
        List<Long> seeds = results.options().e1Seeds();
        Table.Builder csv =
                Table.builder(
                        "dataset",
                        "method",
                        "seeds",
                        "test_accuracy_mean",
                        "test_accuracy_std",
                        "train_accuracy_mean",
                        "active_ratio",
                        "model_flops_dense",
                        "model_flops_honest",
                        "model_flops_paper_style",
                        "midl_layer_flops_dense",
                        "midl_layer_flops_honest",
                        "midl_layer_flops_paper_style",
                        "honest_savings_midl_layers",
                        "paper_style_savings_midl_layers",
                        "honest_savings_model",
                        "params",
                        "train_seconds_per_epoch_mean",
                        "train_seconds_per_epoch_std",
                        "latency_batch1_us_mean",
                        "latency_batch256_us_mean",
                        "peak_memory_bytes_mean");
        StringBuilder md = new StringBuilder();
        md.append("Test accuracy is the mean ± standard deviation over ")
                .append(ResultSet.seedText(seeds))
                .append(
                        ". FLOPs are per sample (multiply-adds × 2). **Honest** counts everything"
                                + " MID-L ")
                .append("computes (gate, full path of the k selected units, light path, blend); ")
                .append(
                        "**paper-style** counts the full path only (2·k·d per MID-L layer), as"
                                + " active-neuron ")
                .append(
                        "savings are usually quoted. Savings = dense-equivalent FLOPs / counted"
                                + " FLOPs, for ")
                .append(
                        "the MID-L layers alone and for the whole model. Latency is the median wall"
                                + " time of ")
                .append(
                        "one inference call of the DJL forward (copy-in, forward, one value read),"
                                + " measured ")
                .append(
                        "in each run after training and averaged over seeds; peak memory is the"
                                + " process's ")
                .append(
                        "peak resident size during that probe (JVM heap and loaded dataset"
                                + " included). ")
                .append("E4 times the models round-robin at more batch sizes.\n\n");
        for (DatasetId d : results.options().datasets()) {
            Table.Builder t =
                    Table.builder(
                            "method",
                            "seeds",
                            "test accuracy",
                            "active ratio",
                            "FLOPs honest",
                            "FLOPs paper-style",
                            "savings honest (MID-L layers)",
                            "savings paper-style (MID-L layers)",
                            "savings honest (model)",
                            "params",
                            "train s/epoch",
                            "latency b=1",
                            "latency b=256",
                            "peak memory");
            String model = null;
            for (Method m : results.options().methods()) {
                Variant v = results.catalog().e1(m);
                List<StoredRun> runs = results.runs(d, v, seeds);
                if (runs.isEmpty()) {
                    t.addRowPadded(m.cliName(), "0", "not measured (run missing)");
                    continue;
                }
                RunResult r = runs.get(0).result();
                model = r.model();
                Stat acc = results.stat(d, v, seeds, s -> s.result().testAccuracy());
                Stat train = results.stat(d, v, seeds, s -> s.result().trainAccuracy());
                Stat time = results.stat(d, v, seeds, s -> s.result().trainSecondsPerEpoch());
                Stat lat1 = results.stat(d, v, seeds, s -> latency(s, "1"));
                Stat lat256 = results.stat(d, v, seeds, s -> latency(s, "256"));
                Stat peak = results.stat(d, v, seeds, MainTableReport::peak);
                double modelSavings = r.flops().honestSavings();
                t.addRow(
                        m.cliName(),
                        runs.size(),
                        acc.pct(),
                        Fmt.fixed(r.activeRatio(), 3),
                        Fmt.si(r.flops().honest()),
                        Fmt.si(r.flops().paperStyle()),
                        Fmt.ratio(r.honestSavings()),
                        Fmt.ratio(r.paperStyleSavings()),
                        Fmt.ratio(modelSavings),
                        Fmt.si(r.params()),
                        time.fixed(2),
                        lat1.isEmpty() ? "not measured" : Fmt.micros(lat1.mean()),
                        lat256.isEmpty() ? "not measured" : Fmt.micros(lat256.mean()),
                        peak.isEmpty() ? "not measured" : Fmt.bytes((long) peak.mean()));
                csv.addRow(
                        d.cliName(),
                        m.cliName(),
                        runs.size(),
                        acc.mean(),
                        acc.std(),
                        train.mean(),
                        r.activeRatio(),
                        r.flops().dense(),
                        r.flops().honest(),
                        r.flops().paperStyle(),
                        r.midlLayerFlops().dense(),
                        r.midlLayerFlops().honest(),
                        r.midlLayerFlops().paperStyle(),
                        r.honestSavings(),
                        r.paperStyleSavings(),
                        modelSavings,
                        r.params(),
                        time.mean(),
                        time.std(),
                        lat1.mean(),
                        lat256.mean(),
                        peak.mean());
            }
            md.append("### ").append(d.cliName());
            if (model != null) {
                md.append(" — ").append(model);
            }
            md.append("\n\n").append(MarkdownTable.render(t.build())).append('\n');
            StoredRun midl = results.first(d, results.catalog().e1(Method.MIDL), seeds);
            if (midl != null) {
                md.append("MID-L layers: `")
                        .append(midl.result().hiddenLayer())
                        .append("`; plan: ")
                        .append(midl.result().epochs())
                        .append(" epochs, preset ")
                        .append(midl.result().preset())
                        .append(".\n\n");
            }
        }
        CsvTable.write(dir.resolve("summary.csv"), csv.build());
        return new ReportSection(id(), md.toString());
    }

    private static double latency(StoredRun s, String batch) {
        var l = s.result().latencyMicros();
        Double v = l == null ? null : l.get(batch);
        return v == null ? Double.NaN : v;
    }

    private static double peak(StoredRun s) {
        Long p = s.result().peakMemoryBytes();
        return p == null ? Double.NaN : p;
    }
}
