package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.suite.StoredRun;
import io.github.midljava.experiment.suite.Variant;
import io.github.midljava.experiment.suite.analysis.CurvePoint.NoiseCondition;
import io.github.midljava.model.Method;
import io.github.midljava.report.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * E3's numbers: accuracy against label noise (ablation seeds) and test-input noise (E1 seeds), the
 * small-data regime (ablation seeds), and, per dataset, the losses of DENSE and MIDL that the
 * robustness claim compares.
 *
 * @param e1Seeds the E1 seeds (input noise)
 * @param ablationSeeds the ablation seeds (label noise, small data)
 * @param curves every (dataset, method, condition, level) point, in order
 * @param smallData every (dataset, method) row, in order
 * @param deltas per dataset, the measured losses: label-noise drop, input-noise drop, train-test
 *     gap on little data (each present only if both DENSE and MIDL have it)
 */
public record RobustnessResults(
        List<Long> e1Seeds,
        List<Long> ablationSeeds,
        List<CurvePoint> curves,
        List<SmallDataRow> smallData,
        List<DatasetDeltas> deltas) {

    /**
     * The robustness comparisons of one dataset.
     *
     * @param dataset the dataset
     * @param labelNoise drop from the lowest to the highest label-noise level, or null
     * @param inputNoise drop from the lowest to the highest input σ, or null
     * @param overfitting train-test gap on the small training fraction, or null
     */
    public record DatasetDeltas(
            DatasetId dataset,
            RobustnessDelta labelNoise,
            RobustnessDelta inputNoise,
            RobustnessDelta overfitting) {

        /** Returns the measured comparisons, in the order above. */
        public List<RobustnessDelta> measured() {
            List<RobustnessDelta> out = new ArrayList<>();
            for (RobustnessDelta d : new RobustnessDelta[] {labelNoise, inputNoise, overfitting}) {
                if (d != null) {
                    out.add(d);
                }
            }
            return out;
        }
    }

    /** Computes E3's numbers from the stored runs. */
    public static RobustnessResults of(ResultSet results) {
        List<Long> e1 = results.options().e1Seeds();
        List<Long> ablation = results.options().ablationSeedList();
        List<CurvePoint> curves = new ArrayList<>();
        List<SmallDataRow> small = new ArrayList<>();
        List<DatasetDeltas> deltas = new ArrayList<>();
        for (DatasetId d : results.options().datasets()) {
            for (Method m : results.options().baselineMethods()) {
                for (double l : results.options().labelNoiseLevels()) {
                    List<StoredRun> runs =
                            results.runs(d, results.catalog().labelNoise(m, l), ablation);
                    curves.add(
                            new CurvePoint(
                                    d,
                                    m,
                                    NoiseCondition.LABEL_NOISE,
                                    l,
                                    PerSeed.of(runs, r -> r.result().testAccuracy()),
                                    Stat.of(
                                                    runs.stream()
                                                            .mapToDouble(
                                                                    r -> r.result().trainAccuracy())
                                                            .toArray())
                                            .mean()));
                }
                List<StoredRun> e1Runs = results.runs(d, results.catalog().e1(m), e1);
                for (double sigma : results.options().inputSigmas()) {
                    curves.add(
                            new CurvePoint(
                                    d,
                                    m,
                                    NoiseCondition.INPUT_NOISE,
                                    sigma,
                                    PerSeed.of(e1Runs, r -> noisy(r, sigma)),
                                    Double.NaN));
                }
                small.add(smallData(results, d, m, ablation));
            }
            deltas.add(deltas(results, d, curves, small));
        }
        return new RobustnessResults(
                e1, ablation, List.copyOf(curves), List.copyOf(small), List.copyOf(deltas));
    }

    /** Returns the points of one curve, in level order. */
    public List<CurvePoint> curve(DatasetId d, Method m, NoiseCondition c) {
        return curve(curves, d, m, c);
    }

    /**
     * Returns the mean accuracy at a curve's first level minus the mean at its last (fraction), as
     * the E3 tables show it; NaN unless every level is measured.
     */
    public static double meanDrop(List<CurvePoint> curve) {
        if (curve.size() < 2 || curve.stream().anyMatch(p -> p.testAccuracy().isEmpty())) {
            return Double.NaN;
        }
        return curve.get(0).testAccuracy().mean()
                - curve.get(curve.size() - 1).testAccuracy().mean();
    }

    /** Returns the small-data row of a method on a dataset. */
    public SmallDataRow smallData(DatasetId d, Method m) {
        return smallData.stream()
                .filter(r -> r.dataset() == d && r.method() == m)
                .findFirst()
                .orElseThrow();
    }

    /** Returns the robustness comparisons of a dataset. */
    public DatasetDeltas deltas(DatasetId d) {
        return deltas.stream().filter(r -> r.dataset() == d).findFirst().orElseThrow();
    }

    private static List<CurvePoint> curve(
            List<CurvePoint> curves, DatasetId d, Method m, NoiseCondition c) {
        return curves.stream()
                .filter(p -> p.dataset() == d && p.method() == m && p.condition() == c)
                .toList();
    }

    private static SmallDataRow smallData(
            ResultSet results, DatasetId d, Method m, List<Long> seeds) {
        Variant full = results.catalog().e1(m);
        Variant part = results.catalog().smallData(m);
        List<StoredRun> fullRuns = results.runs(d, full, seeds);
        List<StoredRun> partRuns = results.runs(d, part, seeds);
        return new SmallDataRow(
                d,
                m,
                results.stat(d, full, seeds, r -> r.result().trainAccuracy()),
                results.stat(d, full, seeds, r -> r.result().testAccuracy()),
                PerSeed.of(fullRuns, RobustnessResults::gap),
                results.stat(d, part, seeds, r -> r.result().trainAccuracy()),
                results.stat(d, part, seeds, r -> r.result().testAccuracy()),
                PerSeed.of(partRuns, RobustnessResults::gap));
    }

    private static DatasetDeltas deltas(
            ResultSet results, DatasetId d, List<CurvePoint> curves, List<SmallDataRow> small) {
        RobustnessDelta label =
                drop(
                        curves,
                        d,
                        NoiseCondition.LABEL_NOISE,
                        results.options().labelNoiseLevels(),
                        results.options().ablationSeedList(),
                        l -> Fmt.pct(l, 0),
                        "label noise ");
        RobustnessDelta input =
                drop(
                        curves,
                        d,
                        NoiseCondition.INPUT_NOISE,
                        results.options().inputSigmas(),
                        results.options().e1Seeds(),
                        sigma -> Fmt.fixed(sigma, 2),
                        "input noise σ ");
        PerSeed denseGap = gapSmall(small, d, Method.DENSE);
        PerSeed midlGap = gapSmall(small, d, Method.MIDL);
        RobustnessDelta gap =
                denseGap.isEmpty() || midlGap.isEmpty()
                        ? null
                        : new RobustnessDelta(
                                "train-test gap at "
                                        + Fmt.pct(results.options().smallTrainFraction(), 0)
                                        + " data",
                                results.options().ablationSeedList(),
                                denseGap,
                                midlGap);
        return new DatasetDeltas(d, label, input, gap);
    }

    /**
     * Accuracy at the first level minus accuracy at the last, by seed, for DENSE and MIDL; null
     * with fewer than two levels or without both methods.
     */
    private static RobustnessDelta drop(
            List<CurvePoint> curves,
            DatasetId d,
            NoiseCondition c,
            List<Double> levels,
            List<Long> seeds,
            DoubleFunction<String> level,
            String prefix) {
        if (levels.size() < 2) {
            return null;
        }
        PerSeed dense = drop(curve(curves, d, Method.DENSE, c));
        PerSeed midl = drop(curve(curves, d, Method.MIDL, c));
        String condition =
                prefix
                        + level.apply(levels.get(0))
                        + " → "
                        + level.apply(levels.get(levels.size() - 1))
                        + " drop";
        return dense.isEmpty() || midl.isEmpty()
                ? null
                : new RobustnessDelta(condition, seeds, dense, midl);
    }

    private static PerSeed drop(List<CurvePoint> curve) {
        if (curve.size() < 2) {
            return PerSeed.EMPTY;
        }
        return curve.get(0).testAccuracy().minus(curve.get(curve.size() - 1).testAccuracy());
    }

    private static PerSeed gapSmall(List<SmallDataRow> small, DatasetId d, Method m) {
        return small.stream()
                .filter(r -> r.dataset() == d && r.method() == m)
                .map(SmallDataRow::gapSmall)
                .findFirst()
                .orElse(PerSeed.EMPTY);
    }

    private static double gap(StoredRun r) {
        return r.result().trainAccuracy() - r.result().testAccuracy();
    }

    private static double noisy(StoredRun s, double sigma) {
        var m = s.result().noisyTestAccuracy();
        Double v = m == null ? null : m.get(Double.toString(sigma));
        return v == null ? Double.NaN : v;
    }
}
