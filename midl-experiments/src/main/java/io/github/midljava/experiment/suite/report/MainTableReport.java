package io.github.midljava.experiment.suite.report;

import io.github.midljava.data.DatasetException;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.DatasetLoaders;
import io.github.midljava.experiment.suite.ExperimentId;
import io.github.midljava.experiment.suite.analysis.MainTable;
import io.github.midljava.experiment.suite.analysis.MainTableRow;
import io.github.midljava.experiment.suite.analysis.ResultSet;
import io.github.midljava.experiment.suite.analysis.Stat;
import io.github.midljava.experiment.suite.analysis.SuiteAnalysis;
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
 * and savings, parameters, training time, inference latency and peak memory, rendered from {@link
 * MainTable}.
 */
public final class MainTableReport implements ExperimentReport {

    @Override
    public ExperimentId id() {
        return ExperimentId.E1;
    }

    @Override
    public ReportSection write(Path dir, SuiteAnalysis analysis) throws IOException {
        ResultSet results = analysis.results();
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
        MainTable table = analysis.mainTable();
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
                MainTableRow r = table.row(d, m);
                if (r == null) {
                    boolean skipped = !results.options().e1Methods(d).contains(m);
                    t.addRowPadded(
                            m.cliName(),
                            "0",
                            skipped
                                    ? "not run on this dataset (not in `--ablation-datasets`)"
                                    : "not measured (run missing)");
                    continue;
                }
                model = r.model();
                Stat acc = r.testAccuracy().stat();
                t.addRow(
                        m.cliName(),
                        acc.n(),
                        acc.pct(),
                        Fmt.fixed(r.activeRatio(), 3),
                        Fmt.si(r.flops().honest()),
                        Fmt.si(r.flops().paperStyle()),
                        Fmt.ratio(r.honestSavings()),
                        Fmt.ratio(r.paperStyleSavings()),
                        Fmt.ratio(r.modelHonestSavings()),
                        Fmt.si(r.params()),
                        r.trainSecondsPerEpoch().fixed(2),
                        r.latencyBatch1Micros().isEmpty()
                                ? "not measured"
                                : Fmt.micros(r.latencyBatch1Micros().mean()),
                        r.latencyBatch256Micros().isEmpty()
                                ? "not measured"
                                : Fmt.micros(r.latencyBatch256Micros().mean()),
                        r.peakMemoryBytes().isEmpty()
                                ? "not measured"
                                : Fmt.bytes((long) r.peakMemoryBytes().mean()));
                csv.addRow(
                        d.cliName(),
                        m.cliName(),
                        acc.n(),
                        acc.mean(),
                        acc.std(),
                        r.trainAccuracy().mean(),
                        r.activeRatio(),
                        r.flops().dense(),
                        r.flops().honest(),
                        r.flops().paperStyle(),
                        r.midlLayerFlops().dense(),
                        r.midlLayerFlops().honest(),
                        r.midlLayerFlops().paperStyle(),
                        r.honestSavings(),
                        r.paperStyleSavings(),
                        r.modelHonestSavings(),
                        r.params(),
                        r.trainSecondsPerEpoch().mean(),
                        r.trainSecondsPerEpoch().std(),
                        r.latencyBatch1Micros().mean(),
                        r.latencyBatch256Micros().mean(),
                        r.peakMemoryBytes().mean());
            }
            md.append("### ").append(d.cliName());
            if (model != null) {
                md.append(" — ").append(model);
            }
            md.append("\n\n").append(MarkdownTable.render(t.build())).append('\n');
            MainTableRow midl = table.row(d, Method.MIDL);
            if (midl != null) {
                md.append("MID-L layers: `")
                        .append(midl.hiddenLayer())
                        .append("`; plan: ")
                        .append(midl.epochs())
                        .append(" epochs, preset ")
                        .append(midl.preset())
                        .append(".\n\n");
            }
        }
        appendOtherDatasets(md, results);
        CsvTable.write(dir.resolve("summary.csv"), csv.build());
        return new ReportSection(id(), md.toString());
    }

    /**
     * Says, for each of the paper's datasets that the suite did not run, whether its data is there:
     * a reader of a five-dataset report sees that SVHN is missing for lack of data, not by
     * omission. The check reads the data folder and cache only (never downloads).
     */
    private static void appendOtherDatasets(StringBuilder md, ResultSet results) {
        StringBuilder lines = new StringBuilder();
        for (DatasetId d : DatasetId.values()) {
            if (results.options().datasets().contains(d)) {
                continue;
            }
            String state;
            try {
                DatasetLoaders.checkFiles(d, results.options().data().withDownload(false));
                state = "its data is present; not selected (`--datasets`)";
            } catch (DatasetException e) {
                state = "not run: data absent. " + e.getMessage();
            }
            lines.append("- ").append(d.cliName()).append(": ").append(state).append('\n');
        }
        if (!lines.isEmpty()) {
            md.append("### Datasets of the paper not in this suite\n\n").append(lines).append('\n');
        }
    }
}
