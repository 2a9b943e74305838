package io.github.midljava.experiment.suite.report;

import io.github.midljava.data.DatasetId;
import io.github.midljava.evaluate.SlicedMutualInformation;
import io.github.midljava.experiment.suite.AnalysisSettings;
import io.github.midljava.experiment.suite.ExperimentId;
import io.github.midljava.experiment.suite.LayerSelection;
import io.github.midljava.experiment.suite.analysis.InformationResults;
import io.github.midljava.experiment.suite.analysis.InformationRow;
import io.github.midljava.experiment.suite.analysis.ResultSet;
import io.github.midljava.experiment.suite.analysis.SelectionSummary;
import io.github.midljava.experiment.suite.analysis.SmiFigure;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * E2: sliced mutual information (SMI) of the second hidden layer with the label, the distribution
 * of per-neuron MI, and how often each MID-L unit is selected, for DENSE, DROPOUT and MIDL. All of
 * it was measured inside the E1 runs; rendered from {@link InformationResults}.
 */
public final class InformationReport implements ExperimentReport {

    private static final int BINS = 30;

    @Override
    public ExperimentId id() {
        return ExperimentId.E2;
    }

    @Override
    public ReportSection write(Path dir, SuiteAnalysis analysis) throws IOException {
        ResultSet results = analysis.results();
        InformationResults information = analysis.information();
        List<Long> seeds = information.seeds();
        List<Method> methods = results.options().baselineMethods();
        AnalysisSettings settings = information.settings();
        StringBuilder md = new StringBuilder();
        md.append(
                        "Representation: activations of the **second hidden layer after ReLU** (the"
                                + " last ")
                .append("representation before the classifier), on a fixed random subset of up to ")
                .append(settings.samples())
                .append(" test samples, the same for every method and seed. **SMI** = mean over ")
                .append(settings.directions())
                .append(
                        " random unit directions θ of I(θᵀX; Y), each estimated with the kNN"
                                + " estimator of ")
                .append("Ross (2014) with k = ")
                .append(settings.neighbours())
                .append(", in nats. Per-neuron MI uses the same estimator on each unit; a unit is ")
                .append("*informative* above ")
                .append(Fmt.fixed(settings.threshold(), 2))
                .append(" nats. The **floor** is the same SMI estimate on the same activations")
                .append(
                        " against a seeded random permutation of the labels: the true value is 0, so")
                .append(
                        " the floor is what the estimator reports for no information at all. Spread")
                .append(" over ")
                .append(ResultSet.seedText(seeds))
                .append(
                        "; the Monte-Carlo SE is that of the mean over directions. All measured"
                                + " inside the ")
                .append("E1 runs (no extra training).\n\n");

        List<String> categories = new ArrayList<>();
        Map<String, double[]> smiValues = new LinkedHashMap<>();
        Map<String, double[]> smiErrors = new LinkedHashMap<>();
        for (Method m : methods) {
            smiValues.put(m.cliName(), new double[results.options().datasets().size()]);
            smiErrors.put(m.cliName(), new double[results.options().datasets().size()]);
        }
        Table.Builder csv =
                Table.builder(
                        "dataset",
                        "method",
                        "seeds",
                        "smi_mean",
                        "smi_std_over_seeds",
                        "smi_se_over_seeds",
                        "smi_monte_carlo_se",
                        "smi_floor_shuffled_labels_mean",
                        "smi_floor_shuffled_labels_std",
                        "directions",
                        "samples",
                        "dim",
                        "k",
                        "neuron_mi_mean",
                        "neuron_mi_median",
                        "neuron_mi_fraction_above_threshold",
                        "threshold_nats");
        Table.Builder selectionCsv =
                Table.builder(
                        "dataset",
                        "seed",
                        "layer",
                        "units",
                        "k",
                        "samples",
                        "unit",
                        "count",
                        "frequency");
        int di = 0;
        boolean anySmi = false;
        String errorBarText =
                seeds.size() >= 2
                        ? "standard error over " + seeds.size() + " seeds"
                        : "Monte-Carlo standard error";
        for (DatasetId d : results.options().datasets()) {
            categories.add(d.cliName());
            md.append("### ").append(d.cliName()).append("\n\n");
            Table.Builder t =
                    Table.builder(
                            "method",
                            "seeds",
                            "SMI (nats)",
                            "floor, shuffled labels (nats)",
                            "Monte-Carlo SE",
                            "directions",
                            "samples",
                            "dim",
                            "k",
                            "per-neuron MI mean",
                            "median",
                            "informative units");
            Map<String, double[]> perNeuron = new LinkedHashMap<>();
            for (Method m : methods) {
                InformationRow row = information.row(d, m);
                if (row == null) {
                    t.addRowPadded(m.cliName(), "0", "not measured (run missing)");
                    smiValues.get(m.cliName())[di] = Double.NaN;
                    continue;
                }
                anySmi = true;
                SmiFigure s = row.smi();
                Stat over = s.smi().stat();
                Stat floor = s.floor().stat();
                perNeuron.put(m.cliName(), row.neuronMi());
                smiValues.get(m.cliName())[di] = over.mean();
                smiErrors.get(m.cliName())[di] = Double.isNaN(s.errorBar()) ? 0 : s.errorBar();
                SlicedMutualInformation.Result f = s.first();
                t.addRow(
                        m.cliName(),
                        over.n(),
                        over.fixed(4),
                        floor.isEmpty()
                                ? "not measured (run analysed before the floor)"
                                : floor.fixed(4),
                        Fmt.fixed(s.monteCarloSe(), 4),
                        f.numDirections(),
                        f.numSamples(),
                        f.dim(),
                        f.k(),
                        Fmt.fixed(row.neuronMiMean(), 4),
                        Fmt.fixed(row.neuronMiMedian(), 4),
                        Fmt.pct(row.informativeFraction(), 1)
                                + " > "
                                + Fmt.fixed(settings.threshold(), 2)
                                + " nats");
                csv.addRow(
                        d.cliName(),
                        m.cliName(),
                        over.n(),
                        over.mean(),
                        over.std(),
                        over.se(),
                        s.monteCarloSe(),
                        floor.mean(),
                        floor.std(),
                        f.numDirections(),
                        f.numSamples(),
                        f.dim(),
                        f.k(),
                        row.neuronMiMean(),
                        row.neuronMiMedian(),
                        row.informativeFraction(),
                        settings.threshold());
            }
            md.append(MarkdownTable.render(t.build())).append('\n');
            if (!perNeuron.isEmpty()) {
                String png = "neuron-mi-" + d.cliName() + ".png";
                Plots.histogram(
                        dir.resolve(png),
                        "Per-neuron MI with the label, " + d.cliName(),
                        "I(unit; label) [nats] (hidden layer 2, k="
                                + settings.neighbours()
                                + ", "
                                + samplesOf(information, d)
                                + " samples, units of all seeds)",
                        perNeuron,
                        BINS);
                md.append(Plots.markdownImage("Per-neuron MI, " + d.cliName(), png));
            }
            appendSelection(md, dir, information, d, selectionCsv);
            di++;
        }
        // A method missing on some dataset is left out of the chart rather than drawn as 0.
        Map<String, double[]> complete = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : smiValues.entrySet()) {
            if (Arrays.stream(e.getValue()).noneMatch(Double::isNaN)) {
                complete.put(e.getKey(), e.getValue());
            }
        }
        if (anySmi && !complete.isEmpty()) {
            Plots.barChartWithErrors(
                    dir.resolve("smi.png"),
                    "SMI of hidden layer 2 with the label",
                    "k="
                            + settings.neighbours()
                            + ", "
                            + settings.directions()
                            + " directions, up to "
                            + settings.samples()
                            + " samples; error bars: "
                            + errorBarText,
                    "SMI [nats]",
                    categories,
                    complete,
                    smiErrors);
            md.insert(0, "![SMI per dataset and method](smi.png)\n\n");
        }
        CsvTable.write(dir.resolve("summary.csv"), csv.build());
        CsvTable.write(dir.resolve("active-neurons.csv"), selectionCsv.build());
        return new ReportSection(id(), md.toString());
    }

    private void appendSelection(
            StringBuilder md,
            Path dir,
            InformationResults information,
            DatasetId d,
            Table.Builder csv)
            throws IOException {
        List<SelectionSummary> layers = information.selections(d);
        if (layers.isEmpty()) {
            md.append("Active-neuron histogram: not measured (no MIDL run with analysis).\n\n");
            return;
        }
        Table.Builder t =
                Table.builder(
                        "MID-L layer",
                        "units",
                        "k",
                        "seeds",
                        "samples",
                        "never selected",
                        "always selected",
                        "frequency p10",
                        "median",
                        "p90");
        Map<String, double[]> hist = new LinkedHashMap<>();
        for (SelectionSummary l : layers) {
            t.addRow(
                    l.layer(),
                    l.units(),
                    l.k(),
                    l.bySeed().size(),
                    l.samples(),
                    l.neverSelected().fixed(1),
                    l.alwaysSelected().fixed(1),
                    Fmt.fixed(l.frequencyQuantile(0.1), 3),
                    Fmt.fixed(l.frequencyQuantile(0.5), 3),
                    Fmt.fixed(l.frequencyQuantile(0.9), 3));
            hist.put(
                    "layer " + l.layer() + " (k=" + l.k() + " of " + l.units() + ")",
                    l.frequencies());
        }
        // CSV rows seed by seed, then layer by layer, as the runs were stored
        for (long seed : information.seeds()) {
            for (SelectionSummary l : layers) {
                LayerSelection s = l.bySeed().get(seed);
                if (s == null) {
                    continue;
                }
                double[] f = s.frequencies();
                for (int j = 0; j < s.counts().length; j++) {
                    csv.addRow(
                            d.cliName(),
                            seed,
                            s.layer(),
                            s.units(),
                            s.k(),
                            s.samples(),
                            j,
                            s.counts()[j],
                            f[j]);
                }
            }
        }
        String png = "active-neurons-" + d.cliName() + ".png";
        Plots.histogram(
                dir.resolve(png),
                "MID-L selection frequency per unit, " + d.cliName(),
                "fraction of test samples in which the unit is selected (units of all seeds)",
                hist,
                BINS);
        md.append(
                        "Active neurons of MID-L (how often each unit is among the k selected, over"
                                + " the whole ")
                .append("test split; a uniform selection would put every unit at k/n):\n\n")
                .append(MarkdownTable.render(t.build()))
                .append('\n')
                .append(Plots.markdownImage("Active-neuron histogram, " + d.cliName(), png));
    }

    private static int samplesOf(InformationResults information, DatasetId d) {
        return information.rows().stream()
                .filter(r -> r.dataset() == d)
                .mapToInt(r -> r.smi().first().numSamples())
                .findFirst()
                .orElse(0);
    }
}
