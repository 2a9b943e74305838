package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.RunResult;
import io.github.midljava.experiment.suite.StoredRun;
import io.github.midljava.experiment.suite.Variant;
import io.github.midljava.experiment.suite.VariantCatalog;
import io.github.midljava.flops.Flops;
import io.github.midljava.model.Method;
import io.github.midljava.nn.GradientMode;
import io.github.midljava.nn.LightPath;
import io.github.midljava.report.Fmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * E5's numbers: every ablation of MID-L per dataset, with the dense model of the same seeds as
 * reference, over the ablation seeds.
 *
 * @param seeds the ablation seeds
 * @param groups the option varied and its (setting, variant) pairs, in report order
 * @param dense the dense reference per dataset (absent if not stored)
 * @param points every measured (dataset, group, setting), in order
 */
public record AblationResults(
        List<Long> seeds,
        Map<String, Map<String, Variant>> groups,
        Map<DatasetId, DenseReference> dense,
        List<AblationPoint> points) {

    /** The group of the activeRatio sweep. */
    public static final String ACTIVE_RATIO = "activeRatio";

    /**
     * The dense model on the ablation seeds.
     *
     * @param testAccuracy test accuracy (fraction) by seed
     * @param activeRatio measured active ratio (1)
     * @param flops FLOPs per sample of the whole model
     * @param trainSecondsPerEpoch wall seconds per epoch over seeds
     */
    public record DenseReference(
            PerSeed testAccuracy, double activeRatio, Flops flops, Stat trainSecondsPerEpoch) {}

    /** Computes E5's numbers from the stored runs. */
    public static AblationResults of(ResultSet results) {
        List<Long> seeds = results.options().ablationSeedList();
        Map<String, Map<String, Variant>> groups = groups(results);
        Map<DatasetId, DenseReference> dense = new LinkedHashMap<>();
        List<AblationPoint> points = new ArrayList<>();
        for (DatasetId d : results.options().datasets()) {
            List<StoredRun> denseRuns = results.runs(d, results.catalog().e1(Method.DENSE), seeds);
            if (!denseRuns.isEmpty()) {
                RunResult r = denseRuns.get(0).result();
                dense.put(
                        d,
                        new DenseReference(
                                PerSeed.of(denseRuns, s -> s.result().testAccuracy()),
                                r.activeRatio(),
                                r.flops(),
                                seconds(denseRuns)));
            }
            for (Map.Entry<String, Map<String, Variant>> g : groups.entrySet()) {
                for (Map.Entry<String, Variant> e : g.getValue().entrySet()) {
                    List<StoredRun> runs = results.runs(d, e.getValue(), seeds);
                    if (runs.isEmpty()) {
                        continue;
                    }
                    RunResult r = runs.get(0).result();
                    points.add(
                            new AblationPoint(
                                    d,
                                    g.getKey(),
                                    e.getKey(),
                                    e.getValue(),
                                    PerSeed.of(runs, s -> s.result().testAccuracy()),
                                    r.activeRatio(),
                                    r.flops(),
                                    r.honestSavings(),
                                    r.paperStyleSavings(),
                                    r.flops().honestSavings(),
                                    seconds(runs)));
                }
            }
        }
        return new AblationResults(seeds, groups, dense, List.copyOf(points));
    }

    /** Returns the measured point of a setting of a group on a dataset, or null. */
    public AblationPoint point(DatasetId d, String group, String setting) {
        return points.stream()
                .filter(
                        p ->
                                p.dataset() == d
                                        && p.group().equals(group)
                                        && p.setting().equals(setting))
                .findFirst()
                .orElse(null);
    }

    /** Returns the ablation groups: title and (setting, variant) pairs, in report order. */
    static Map<String, Map<String, Variant>> groups(ResultSet results) {
        VariantCatalog c = results.catalog();
        Map<String, Map<String, Variant>> g = new LinkedHashMap<>();
        Map<String, Variant> ratio = new LinkedHashMap<>();
        for (double r : results.options().activeRatios()) {
            ratio.put(Fmt.fixed(r, 2), c.activeRatio(r));
        }
        g.put(ACTIVE_RATIO, ratio);
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

    private static Stat seconds(List<StoredRun> runs) {
        return Stat.of(runs.stream().mapToDouble(s -> s.result().trainSecondsPerEpoch()).toArray());
    }
}
