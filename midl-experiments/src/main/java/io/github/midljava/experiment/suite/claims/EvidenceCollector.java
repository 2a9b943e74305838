package io.github.midljava.experiment.suite.claims;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.RunResult;
import io.github.midljava.experiment.suite.StoredRun;
import io.github.midljava.experiment.suite.Variant;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.Degradation;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.EfficiencyEvidence;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.MidlPoint;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.RobustnessEvidence;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.SmiEvidence;
import io.github.midljava.experiment.suite.efficiency.ComputeModes;
import io.github.midljava.experiment.suite.efficiency.EfficiencyResult;
import io.github.midljava.experiment.suite.efficiency.ModeMeasurement;
import io.github.midljava.experiment.suite.report.InformationReport;
import io.github.midljava.experiment.suite.report.ResultSet;
import io.github.midljava.experiment.suite.report.RobustnessReport;
import io.github.midljava.experiment.suite.report.Stat;
import io.github.midljava.model.Method;
import io.github.midljava.report.Fmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the claims' evidence per dataset from a suite's stored runs. */
public final class EvidenceCollector {

    private EvidenceCollector() {}

    /** Returns the evidence of every dataset of the suite, in order. */
    public static List<DatasetEvidence> collect(ResultSet results) {
        List<DatasetEvidence> out = new ArrayList<>();
        for (DatasetId d : results.options().datasets()) {
            out.add(
                    new DatasetEvidence(
                            d.cliName(),
                            accuracy(results, d, Method.DENSE),
                            accuracy(results, d, Method.MIDL),
                            midlPoints(results, d),
                            smi(results, d),
                            robustness(results, d),
                            efficiency(results, d)));
        }
        return out;
    }

    private static Estimate accuracy(ResultSet results, DatasetId d, Method m) {
        Stat s =
                results.stat(
                        d,
                        results.catalog().e1(m),
                        results.options().e1Seeds(),
                        r -> r.result().testAccuracy());
        return estimate(s, s.std());
    }

    /** The E1 default first (E1 seeds), then the activeRatio sweep (ablation seeds). */
    private static List<MidlPoint> midlPoints(ResultSet results, DatasetId d) {
        List<MidlPoint> points = new ArrayList<>();
        Variant def = results.catalog().e1(Method.MIDL);
        addPoint(
                points,
                results,
                d,
                def,
                results.options().e1Seeds(),
                "default (activeRatio " + Fmt.fixed(def.model().midl().activeRatio(), 2) + ")");
        for (double r : results.options().activeRatios()) {
            Variant v = results.catalog().activeRatio(r);
            if (!v.primary()) {
                addPoint(
                        points,
                        results,
                        d,
                        v,
                        results.options().ablationSeedList(),
                        "activeRatio " + Fmt.fixed(r, 2));
            }
        }
        return points;
    }

    private static void addPoint(
            List<MidlPoint> points,
            ResultSet results,
            DatasetId d,
            Variant v,
            List<Long> seeds,
            String label) {
        List<StoredRun> runs = results.runs(d, v, seeds);
        if (runs.isEmpty()) {
            return;
        }
        // The dense reference uses exactly the seeds this configuration has.
        List<Long> have = runs.stream().map(r -> r.result().seed()).toList();
        Stat dense =
                results.stat(
                        d,
                        results.catalog().e1(Method.DENSE),
                        have,
                        r -> r.result().testAccuracy());
        if (dense.isEmpty()) {
            return;
        }
        Stat acc = Stat.of(runs.stream().mapToDouble(r -> r.result().testAccuracy()).toArray());
        RunResult r = runs.get(0).result();
        points.add(
                new MidlPoint(
                        label,
                        r.activeRatio(),
                        acc.mean(),
                        dense.mean(),
                        r.honestSavings(),
                        r.paperStyleSavings(),
                        r.flops().honestSavings()));
    }

    private static SmiEvidence smi(ResultSet results, DatasetId d) {
        InformationReport.SmiSummary dense = InformationReport.smi(results, d, Method.DENSE);
        InformationReport.SmiSummary midl = InformationReport.smi(results, d, Method.MIDL);
        if (dense == null || midl == null) {
            return null;
        }
        InformationReport.SmiSummary dropout = InformationReport.smi(results, d, Method.DROPOUT);
        return new SmiEvidence(
                smiEstimate(dense),
                dropout == null ? null : smiEstimate(dropout),
                smiEstimate(midl));
    }

    private static Estimate smiEstimate(InformationReport.SmiSummary s) {
        return new Estimate(s.over().mean(), s.errorBar(), s.over().n());
    }

    private static RobustnessEvidence robustness(ResultSet results, DatasetId d) {
        if (!results.plan()
                .experiments()
                .contains(io.github.midljava.experiment.suite.ExperimentId.E3)) {
            return null;
        }
        List<Double> levels = results.options().labelNoiseLevels();
        Degradation label = null;
        if (levels.size() >= 2) {
            double lo = levels.get(0);
            double hi = levels.get(levels.size() - 1);
            label =
                    degradation(
                            "label noise " + Fmt.pct(lo, 0) + " → " + Fmt.pct(hi, 0) + " drop",
                            RobustnessReport.labelNoiseAccuracy(results, d, Method.DENSE, lo),
                            RobustnessReport.labelNoiseAccuracy(results, d, Method.DENSE, hi),
                            RobustnessReport.labelNoiseAccuracy(results, d, Method.MIDL, lo),
                            RobustnessReport.labelNoiseAccuracy(results, d, Method.MIDL, hi));
        }
        List<Double> sigmas = results.options().inputSigmas();
        Degradation input = null;
        if (sigmas.size() >= 2) {
            double lo = sigmas.get(0);
            double hi = sigmas.get(sigmas.size() - 1);
            input =
                    degradation(
                            "input noise σ "
                                    + Fmt.fixed(lo, 2)
                                    + " → "
                                    + Fmt.fixed(hi, 2)
                                    + " drop",
                            RobustnessReport.inputNoiseAccuracy(results, d, Method.DENSE, lo),
                            RobustnessReport.inputNoiseAccuracy(results, d, Method.DENSE, hi),
                            RobustnessReport.inputNoiseAccuracy(results, d, Method.MIDL, lo),
                            RobustnessReport.inputNoiseAccuracy(results, d, Method.MIDL, hi));
        }
        Stat denseGap = RobustnessReport.gap(results, d, results.catalog().smallData(Method.DENSE));
        Stat midlGap = RobustnessReport.gap(results, d, results.catalog().smallData(Method.MIDL));
        Degradation gap =
                denseGap.isEmpty() || midlGap.isEmpty()
                        ? null
                        : new Degradation(
                                "train-test gap at "
                                        + Fmt.pct(results.options().smallTrainFraction(), 0)
                                        + " data",
                                denseGap.mean(),
                                midlGap.mean());
        if (label == null && input == null && gap == null) {
            return null;
        }
        return new RobustnessEvidence(label, input, gap);
    }

    private static Degradation degradation(
            String what, Stat denseLo, Stat denseHi, Stat midlLo, Stat midlHi) {
        if (denseLo.isEmpty() || denseHi.isEmpty() || midlLo.isEmpty() || midlHi.isEmpty()) {
            return null;
        }
        return new Degradation(
                what, denseLo.mean() - denseHi.mean(), midlLo.mean() - midlHi.mean());
    }

    private static EfficiencyEvidence efficiency(ResultSet results, DatasetId d) {
        EfficiencyResult r = results.efficiency(d);
        if (r == null) {
            return null;
        }
        ModeMeasurement dense = r.mode(ComputeModes.DENSE);
        if (dense == null || !dense.measured()) {
            return null;
        }
        String largest = Integer.toString(r.batchSizes().get(r.batchSizes().size() - 1));
        Map<String, Map<Integer, Double>> midl = new LinkedHashMap<>();
        Map<String, Long> midlBytes = new LinkedHashMap<>();
        List<String> unmeasured = new ArrayList<>();
        for (ModeMeasurement m : r.modes()) {
            if (!m.method().equals(Method.MIDL.cliName())) {
                continue;
            }
            if (!m.measured()) {
                unmeasured.add(m.note());
                continue;
            }
            midl.put(m.name(), byBatch(m.latencyMicros()));
            Long b = m.arrayBytes().get(largest);
            if (b != null) {
                midlBytes.put(m.name(), b);
            }
        }
        // The fastest dense computation (engine or pure-Java kernels) per batch: MID-L is judged
        // against the best dense baseline, not only the one of its own runtime.
        Map<Integer, Double> denseBest = new LinkedHashMap<>();
        for (ModeMeasurement m : r.modes()) {
            if (m.method().equals(Method.DENSE.cliName()) && m.measured()) {
                byBatch(m.latencyMicros()).forEach((b, v) -> denseBest.merge(b, v, Math::min));
            }
        }
        return new EfficiencyEvidence(
                denseBest, midl, dense.arrayBytes().get(largest), midlBytes, unmeasured);
    }

    private static Map<Integer, Double> byBatch(Map<String, Double> latency) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        latency.forEach((k, v) -> out.put(Integer.parseInt(k), v));
        return out;
    }

    private static Estimate estimate(Stat s, double spread) {
        return s.isEmpty() ? null : new Estimate(s.mean(), spread, s.n());
    }
}
