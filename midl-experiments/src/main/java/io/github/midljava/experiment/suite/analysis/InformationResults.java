package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.data.DatasetId;
import io.github.midljava.evaluate.PerNeuronMutualInformation;
import io.github.midljava.experiment.suite.AnalysisSettings;
import io.github.midljava.experiment.suite.LayerSelection;
import io.github.midljava.experiment.suite.RunAnalysis;
import io.github.midljava.experiment.suite.StoredRun;
import io.github.midljava.model.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * E2's numbers: SMI (with its floor) and per-neuron MI of the second hidden layer, per dataset and
 * baseline method, from the analyses stored with the E1 runs.
 *
 * @param settings how the measures were estimated
 * @param seeds the E1 seeds asked for
 * @param rows the (dataset, method) pairs with at least one analysis, in order
 * @param selections the MID-L layers' selection frequencies per dataset, in dataset and layer order
 */
public record InformationResults(
        AnalysisSettings settings,
        List<Long> seeds,
        List<InformationRow> rows,
        List<SelectionSummary> selections) {

    /** Computes E2's numbers from the stored analyses. */
    public static InformationResults of(ResultSet results) {
        AnalysisSettings settings = AnalysisSettings.of(results.options());
        List<InformationRow> rows = new ArrayList<>();
        List<SelectionSummary> selections = new ArrayList<>();
        for (DatasetId d : results.options().datasets()) {
            selections.addAll(selections(results, d));
            for (Method m : results.options().baselineMethods()) {
                List<StoredRun> runs = analysed(results, d, m);
                if (runs.isEmpty()) {
                    continue;
                }
                double[] pooled =
                        runs.stream()
                                .map(StoredRun::analysis)
                                .map(RunAnalysis::neurons)
                                .map(PerNeuronMutualInformation.Result::perUnit)
                                .flatMapToDouble(Arrays::stream)
                                .toArray();
                rows.add(
                        new InformationRow(
                                d,
                                m,
                                smi(runs),
                                runs.stream()
                                        .mapToDouble(r -> r.analysis().neurons().mean())
                                        .average()
                                        .orElse(Double.NaN),
                                quantile(pooled, 0.5),
                                fractionAbove(pooled, settings.threshold()),
                                pooled));
            }
        }
        return new InformationResults(
                settings, results.options().e1Seeds(), List.copyOf(rows), List.copyOf(selections));
    }

    /** Returns the row of a method on a dataset, or null if none of its runs has an analysis. */
    public InformationRow row(DatasetId dataset, Method method) {
        return rows.stream()
                .filter(r -> r.dataset() == dataset && r.method() == method)
                .findFirst()
                .orElse(null);
    }

    /** Returns the selection summaries of a dataset's MID-L layers, in layer order. */
    public List<SelectionSummary> selections(DatasetId dataset) {
        return selections.stream().filter(s -> s.dataset() == dataset).toList();
    }

    private static List<SelectionSummary> selections(ResultSet results, DatasetId d) {
        Map<Integer, SortedMap<Long, LayerSelection>> byLayer = new TreeMap<>();
        for (StoredRun r : analysed(results, d, Method.MIDL)) {
            for (LayerSelection s : r.analysis().selection()) {
                byLayer.computeIfAbsent(s.layer(), k -> new TreeMap<>()).put(r.result().seed(), s);
            }
        }
        return byLayer.values().stream().map(m -> SelectionSummary.of(d, m)).toList();
    }

    private static SmiFigure smi(List<StoredRun> runs) {
        PerSeed smi = PerSeed.of(runs, r -> r.analysis().smi().mean());
        PerSeed floor =
                PerSeed.of(
                        runs,
                        r ->
                                r.analysis().smiFloor() == null
                                        ? Double.NaN
                                        : r.analysis().smiFloor().mean());
        double mcSe =
                runs.stream()
                        .mapToDouble(r -> r.analysis().smi().standardError())
                        .average()
                        .orElse(Double.NaN);
        Stat over = smi.stat();
        double bar = over.n() >= 2 ? over.se() : mcSe;
        return new SmiFigure(smi, floor, mcSe, bar, runs.get(0).analysis().smi());
    }

    private static List<StoredRun> analysed(ResultSet results, DatasetId d, Method m) {
        return results.runs(d, results.catalog().e1(m), results.options().e1Seeds()).stream()
                .filter(r -> r.analysis() != null)
                .toList();
    }

    /** Linear-interpolation quantile of {@code values}; NaN if empty. */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /** Fraction of {@code values} strictly above {@code threshold}; NaN if empty. */
    static double fractionAbove(double[] values, double threshold) {
        if (values.length == 0) {
            return Double.NaN;
        }
        return (double) Arrays.stream(values).filter(v -> v > threshold).count() / values.length;
    }
}
