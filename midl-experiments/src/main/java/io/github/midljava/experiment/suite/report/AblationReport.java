package io.github.midljava.experiment.suite.report;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.RunResult;
import io.github.midljava.experiment.suite.ExperimentId;
import io.github.midljava.experiment.suite.StoredRun;
import io.github.midljava.experiment.suite.Variant;
import io.github.midljava.experiment.suite.VariantCatalog;
import io.github.midljava.model.Method;
import io.github.midljava.nn.GradientMode;
import io.github.midljava.nn.LightPath;
import io.github.midljava.report.CsvTable;
import io.github.midljava.report.Fmt;
import io.github.midljava.report.MarkdownTable;
import io.github.midljava.report.Plots;
import io.github.midljava.report.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * E5: ablations of MID-L on every dataset: the activeRatio sweep (accuracy against honest FLOPs,
 * with the dense model as reference), gradient mode, light path, gate rank and temperature. The
 * point equal to the default configuration is the E1 MIDL run of the same seeds.
 */
public final class AblationReport implements ExperimentReport {

    @Override
    public ExperimentId id() {
        return ExperimentId.E5;
    }

    /** Returns the ablation groups: title and (setting, variant) pairs, in report order. */
    static Map<String, Map<String, Variant>> groups(ResultSet results) {
        VariantCatalog c = results.catalog();
        Map<String, Map<String, Variant>> g = new LinkedHashMap<>();
        Map<String, Variant> ratio = new LinkedHashMap<>();
        for (double r : results.options().activeRatios()) {
            ratio.put(Fmt.fixed(r, 2), c.activeRatio(r));
        }
        g.put("activeRatio", ratio);
        Map<String, Variant> grad = new LinkedHashMap<>();
        for (GradientMode m : results.options().gradientModes()) {
            grad.put(m.name(), c.gradientMode(m));
        }
        g.put("gradient mode", grad);
        Map<String, Variant> light = new LinkedHashMap<>();
        for (LightPath p : results.options().lightPaths()) {
            light.put(p.name(), c.lightPath(p));
        }
        g.put("light path", light);
        Map<String, Variant> rank = new LinkedHashMap<>();
        for (int r : results.options().gateRanks()) {
            rank.put(Integer.toString(r), c.gateRank(r));
        }
        g.put("gate rank", rank);
        Map<String, Variant> tau = new LinkedHashMap<>();
        for (double t : results.options().temperatures()) {
            tau.put(Fmt.fixed(t, 2), c.temperature(t));
        }
        g.put("temperature", tau);
        return g;
    }

    @Override
    public ReportSection write(Path dir, ResultSet results) throws IOException {
        List<Long> seeds = results.options().ablationSeedList();
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
            Variant denseVariant = results.catalog().e1(Method.DENSE);
            Stat denseAcc = results.stat(d, denseVariant, seeds, s -> s.result().testAccuracy());
            StoredRun dense = results.first(d, denseVariant, seeds);
            List<Plots.ParetoPoint> points = new ArrayList<>();
            if (dense != null) {
                points.add(
                        new Plots.ParetoPoint(
                                "dense",
                                "dense",
                                dense.result().flops().honest(),
                                denseAcc.mean()));
            }
            for (Map.Entry<String, Map<String, Variant>> group : groups(results).entrySet()) {
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
                boolean sweep = group.getKey().equals("activeRatio");
                if (sweep && dense != null) {
                    RunResult r = dense.result();
                    t.addRow(
                            "dense (reference)",
                            denseAcc.n(),
                            denseAcc.pct(),
                            Fmt.fixed(r.activeRatio(), 3),
                            Fmt.si(r.flops().honest()),
                            Fmt.si(r.flops().paperStyle()),
                            Fmt.ratio(1),
                            Fmt.ratio(1),
                            results.stat(
                                            d,
                                            denseVariant,
                                            seeds,
                                            s -> s.result().trainSecondsPerEpoch())
                                    .fixed(2));
                }
                for (Map.Entry<String, Variant> e : group.getValue().entrySet()) {
                    Variant v = e.getValue();
                    String setting = e.getKey() + (v.primary() ? " (default)" : "");
                    List<StoredRun> runs = results.runs(d, v, seeds);
                    if (runs.isEmpty()) {
                        t.addRowPadded(setting, 0, "not measured (run missing)");
                        continue;
                    }
                    RunResult r = runs.get(0).result();
                    Stat acc = results.stat(d, v, seeds, s -> s.result().testAccuracy());
                    Stat time = results.stat(d, v, seeds, s -> s.result().trainSecondsPerEpoch());
                    t.addRow(
                            setting,
                            runs.size(),
                            acc.pct(),
                            Fmt.fixed(r.activeRatio(), 3),
                            Fmt.si(r.flops().honest()),
                            Fmt.si(r.flops().paperStyle()),
                            Fmt.ratio(r.honestSavings()),
                            Fmt.ratio(r.paperStyleSavings()),
                            time.fixed(2));
                    csv.addRow(
                            d.cliName(),
                            group.getKey(),
                            e.getKey(),
                            v.name(),
                            runs.size(),
                            acc.mean(),
                            acc.std(),
                            r.activeRatio(),
                            r.flops().honest(),
                            r.flops().paperStyle(),
                            r.honestSavings(),
                            r.paperStyleSavings(),
                            time.mean());
                    if (sweep) {
                        points.add(
                                new Plots.ParetoPoint(
                                        "MID-L",
                                        "r=" + e.getKey(),
                                        r.flops().honest(),
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
