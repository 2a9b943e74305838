package io.github.midljava.experiment.suite.report;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.suite.ExperimentId;
import io.github.midljava.experiment.suite.Variant;
import io.github.midljava.experiment.suite.analysis.AblationPoint;
import io.github.midljava.experiment.suite.analysis.AblationResults;
import io.github.midljava.experiment.suite.analysis.AblationResults.DenseReference;
import io.github.midljava.experiment.suite.analysis.MidlText;
import io.github.midljava.experiment.suite.analysis.ResultSet;
import io.github.midljava.experiment.suite.analysis.Stat;
import io.github.midljava.experiment.suite.analysis.SuiteAnalysis;
import io.github.midljava.report.CsvTable;
import io.github.midljava.report.Fmt;
import io.github.midljava.report.MarkdownTable;
import io.github.midljava.report.Plots;
import io.github.midljava.report.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * E5: ablations of MID-L on every dataset: the activeRatio sweep (accuracy against honest FLOPs,
 * with the dense model as reference), gradient mode, light path, gate rank and temperature. The
 * point equal to the default configuration is the E1 MIDL run of the same seeds. Rendered from
 * {@link AblationResults}.
 */
public final class AblationReport implements ExperimentReport {

    @Override
    public ExperimentId id() {
        return ExperimentId.E5;
    }

    @Override
    public ReportSection write(Path dir, SuiteAnalysis analysis) throws IOException {
        ResultSet results = analysis.results();
        AblationResults ablations = analysis.ablations();
        List<Long> seeds = ablations.seeds();
        Table.Builder csv =
                Table.builder(
                        "dataset",
                        "group",
                        "setting",
                        "variant",
                        "seeds",
                        "test_accuracy_mean",
                        "test_accuracy_std",
                        "active_ratio",
                        "model_flops_honest",
                        "model_flops_paper_style",
                        "honest_savings_midl_layers",
                        "paper_style_savings_midl_layers",
                        "train_seconds_per_epoch_mean");
        StringBuilder md = new StringBuilder();
        md.append("Each MID-L option is varied alone from the default configuration (")
                .append(MidlText.template(results.options().base().midl()))
                .append("), ")
                .append(ResultSet.seedText(seeds))
                .append(
                        " (option `--ablation-seeds`). The row marked *default* is the E1 MIDL run"
                                + " of the ")
                .append(
                        "same seeds. FLOPs are per sample, whole model; savings are for the MID-L"
                                + " layers ")
                .append(
                        "(dense-equivalent / counted). The Pareto plot puts test accuracy against"
                                + " honest ")
                .append("FLOPs, with the dense model of the same seeds as reference.\n\n");
        for (DatasetId d : results.options().datasets()) {
            md.append("### ").append(d.cliName()).append("\n\n");
            if (!results.options().ablates(d)) {
                md.append("Not run on this dataset (not in `--ablation-datasets`).\n\n");
                continue;
            }
            DenseReference dense = ablations.dense().get(d);
            Stat denseAcc = dense == null ? Stat.EMPTY : dense.testAccuracy().stat();
            List<Plots.ParetoPoint> points = new ArrayList<>();
            if (dense != null) {
                points.add(
                        new Plots.ParetoPoint(
                                "dense", "dense", dense.flops().honest(), denseAcc.mean()));
            }
            for (Map.Entry<String, Map<String, Variant>> group : ablations.groups().entrySet()) {
                Table.Builder t =
                        Table.builder(
                                group.getKey(),
                                "seeds",
                                "test accuracy",
                                "active ratio",
                                "FLOPs honest",
                                "FLOPs paper-style",
                                "savings honest",
                                "savings paper-style",
                                "train s/epoch");
                boolean sweep = group.getKey().equals(AblationResults.ACTIVE_RATIO);
                if (sweep && dense != null) {
                    t.addRow(
                            "dense (reference)",
                            denseAcc.n(),
                            denseAcc.pct(),
                            Fmt.fixed(dense.activeRatio(), 3),
                            Fmt.si(dense.flops().honest()),
                            Fmt.si(dense.flops().paperStyle()),
                            Fmt.ratio(1),
                            Fmt.ratio(1),
                            dense.trainSecondsPerEpoch().fixed(2));
                }
                for (Map.Entry<String, Variant> e : group.getValue().entrySet()) {
                    Variant v = e.getValue();
                    String setting = e.getKey() + (v.primary() ? " (default)" : "");
                    AblationPoint p = ablations.point(d, group.getKey(), e.getKey());
                    if (p == null) {
                        t.addRowPadded(setting, 0, "not measured (run missing)");
                        continue;
                    }
                    Stat acc = p.testAccuracy().stat();
                    Stat time = p.trainSecondsPerEpoch();
                    t.addRow(
                            setting,
                            acc.n(),
                            acc.pct(),
                            Fmt.fixed(p.activeRatio(), 3),
                            Fmt.si(p.flops().honest()),
                            Fmt.si(p.flops().paperStyle()),
                            Fmt.ratio(p.honestSavings()),
                            Fmt.ratio(p.paperStyleSavings()),
                            time.fixed(2));
                    csv.addRow(
                            d.cliName(),
                            group.getKey(),
                            e.getKey(),
                            v.name(),
                            acc.n(),
                            acc.mean(),
                            acc.std(),
                            p.activeRatio(),
                            p.flops().honest(),
                            p.flops().paperStyle(),
                            p.honestSavings(),
                            p.paperStyleSavings(),
                            time.mean());
                    if (sweep) {
                        points.add(
                                new Plots.ParetoPoint(
                                        "MID-L",
                                        "r=" + e.getKey(),
                                        p.flops().honest(),
                                        acc.mean()));
                    }
                }
                md.append("**")
                        .append(group.getKey())
                        .append("**\n\n")
                        .append(MarkdownTable.render(t.build()))
                        .append('\n');
                if (sweep && points.size() > 1) {
                    String png = "pareto-" + d.cliName() + ".png";
                    Plots.scatterPareto(
                            dir.resolve(png),
                            "Accuracy vs honest FLOPs, " + d.cliName() + " (activeRatio sweep)",
                            "honest FLOPs per sample, whole model ("
                                    + ResultSet.seedText(seeds)
                                    + ")",
                            "test accuracy",
                            points,
                            false);
                    md.append(Plots.markdownImage("Pareto curve, " + d.cliName(), png));
                }
            }
        }
        CsvTable.write(dir.resolve("summary.csv"), csv.build());
        return new ReportSection(id(), md.toString());
    }
}
