package io.github.midljava.experiment.suite.claims;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.suite.ExperimentId;
import io.github.midljava.experiment.suite.Variant;
import io.github.midljava.experiment.suite.analysis.AblationPoint;
import io.github.midljava.experiment.suite.analysis.AblationResults;
import io.github.midljava.experiment.suite.analysis.AblationResults.DenseReference;
import io.github.midljava.experiment.suite.analysis.InformationResults;
import io.github.midljava.experiment.suite.analysis.InformationRow;
import io.github.midljava.experiment.suite.analysis.MainTable;
import io.github.midljava.experiment.suite.analysis.MainTableRow;
import io.github.midljava.experiment.suite.analysis.PerSeed;
import io.github.midljava.experiment.suite.analysis.ResultSet;
import io.github.midljava.experiment.suite.analysis.SuiteAnalysis;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.DefaultPoint;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.EfficiencyEvidence;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.SmiEvidence;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.SweepPoint;
import io.github.midljava.experiment.suite.efficiency.ComputeModes;
import io.github.midljava.experiment.suite.efficiency.EfficiencyResult;
import io.github.midljava.experiment.suite.efficiency.ModeMeasurement;
import io.github.midljava.model.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the claims' evidence per dataset from the suite's analysis: it selects and pairs the
 * numbers {@link SuiteAnalysis} computed, and computes none of its own (E4's latency and memory are
 * read from the benchmark's result).
 */
public final class EvidenceCollector {

    private EvidenceCollector() {}

    /** Returns the evidence of every dataset of the suite, in order. */
    public static List<DatasetEvidence> collect(SuiteAnalysis analysis) {
        ResultSet results = analysis.results();
        List<DatasetEvidence> out = new ArrayList<>();
        for (DatasetId d : results.options().datasets()) {
            out.add(
                    new DatasetEvidence(
                            d.cliName(),
                            midl(analysis.mainTable(), d),
                            sweep(analysis.ablations(), d),
                            smi(analysis.information(), d),
                            results.plan().experiments().contains(ExperimentId.E3)
                                    ? analysis.robustness().deltas(d).measured()
                                    : null,
                            efficiency(results, d)));
        }
        return out;
    }

    /** The E1 default MID-L configuration and DENSE, by seed; null if either is missing. */
    private static DefaultPoint midl(MainTable table, DatasetId d) {
        MainTableRow midl = table.row(d, Method.MIDL);
        MainTableRow dense = table.row(d, Method.DENSE);
        if (midl == null || dense == null) {
            return null;
        }
        return new DefaultPoint(
                midl.activeRatio(),
                midl.honestSavings(),
                midl.paperStyleSavings(),
                midl.modelHonestSavings(),
                midl.testAccuracy(),
                dense.testAccuracy());
    }

    /**
     * The activeRatio sweep's points other than the default, each with the dense accuracy of the
     * seeds it has.
     */
    private static List<SweepPoint> sweep(AblationResults ablations, DatasetId d) {
        List<SweepPoint> out = new ArrayList<>();
        DenseReference dense = ablations.dense().get(d);
        Map<String, Variant> ratios = ablations.groups().get(AblationResults.ACTIVE_RATIO);
        if (dense == null || ratios == null) {
            return out;
        }
        for (Map.Entry<String, Variant> e : ratios.entrySet()) {
            AblationPoint p = ablations.point(d, AblationResults.ACTIVE_RATIO, e.getKey());
            if (p == null || e.getValue().primary()) {
                continue;
            }
            PerSeed denseSame = dense.testAccuracy().restrictTo(p.testAccuracy().seeds());
            if (denseSame.isEmpty()) {
                continue;
            }
            out.add(
                    new SweepPoint(
                            e.getValue().model().midl().activeRatio(),
                            p.testAccuracy().n(),
                            p.testAccuracy().mean(),
                            denseSame.mean(),
                            p.honestSavings(),
                            p.paperStyleSavings()));
        }
        return out;
    }

    private static SmiEvidence smi(InformationResults information, DatasetId d) {
        InformationRow dense = information.row(d, Method.DENSE);
        InformationRow midl = information.row(d, Method.MIDL);
        if (dense == null || midl == null) {
            return null;
        }
        InformationRow dropout = information.row(d, Method.DROPOUT);
        return new SmiEvidence(dense.smi(), dropout == null ? null : dropout.smi(), midl.smi());
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
}
