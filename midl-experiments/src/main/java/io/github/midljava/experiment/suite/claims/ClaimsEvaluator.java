package io.github.midljava.experiment.suite.claims;

import io.github.midljava.experiment.suite.claims.DatasetEvidence.Degradation;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.EfficiencyEvidence;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.MidlPoint;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.SmiEvidence;
import io.github.midljava.experiment.suite.claims.Verdict.Outcome;
import io.github.midljava.report.Fmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Judges the six claims of the MID-L paper (Shaeri and Middel, arXiv 2505.11416) on our evidence.
 * Each claim has a rule applied per dataset ({@link Outcome}), and the outcomes combine into a
 * {@link Verdict}; the rule is printed beside the verdict.
 *
 * <p>"Equal accuracy" means at most {@code margin} (absolute) below dense. Our reading; the paper
 * states no tolerance.
 */
public final class ClaimsEvaluator {

    /** "up to 55% fewer active neurons". */
    public static final double PAPER_NEURON_REDUCTION = 0.55;

    /** "1.7x fewer FLOPs". */
    public static final double PAPER_FLOPS_SAVINGS = 1.7;

    private static final double EPS = 1e-9;

    private final double margin;

    /**
     * @param margin accuracy tolerance for "equal to dense", in [0, 1)
     */
    public ClaimsEvaluator(double margin) {
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("margin must be in [0, 1), got " + margin);
        }
        this.margin = margin;
    }

    /** Returns the six claim rows, in the paper's order. */
    public List<ClaimRow> evaluate(List<DatasetEvidence> evidence) {
        return List.of(
                activeNeurons(evidence),
                flops(evidence),
                accuracy(evidence),
                smi(evidence),
                robustness(evidence),
                efficiency(evidence));
    }

    private String marginText() {
        return Fmt.fixed(100 * margin, 2) + " pp";
    }

    private boolean withinMargin(MidlPoint p) {
        return p.accuracy() >= p.denseAccuracy() - margin - EPS;
    }

    /** Claim 1: up to 55% fewer active neurons, at accuracy equal to dense. */
    ClaimRow activeNeurons(List<DatasetEvidence> evidence) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (DatasetEvidence e : evidence) {
            if (e.midlPoints() == null || e.midlPoints().isEmpty()) {
                continue;
            }
            MidlPoint best =
                    e.midlPoints().stream()
                            .filter(this::withinMargin)
                            .max(Comparator.comparingDouble(p -> 1 - p.activeRatio()))
                            .orElse(null);
            double reduction = best == null ? 0 : 1 - best.activeRatio();
            Outcome o =
                    reduction >= PAPER_NEURON_REDUCTION - EPS
                            ? Outcome.PASS
                            : reduction > EPS ? Outcome.PARTIAL : Outcome.FAIL;
            outcomes.add(o);
            if (best == null) {
                ours.add(
                        e.dataset()
                                + ": no MID-L configuration within "
                                + marginText()
                                + " of dense");
            } else {
                ours.add(
                        e.dataset()
                                + ": "
                                + Fmt.pct(reduction, 0)
                                + " fewer ("
                                + best.label()
                                + ", "
                                + Fmt.pct(best.accuracy())
                                + " vs dense "
                                + Fmt.pct(best.denseAccuracy())
                                + ")");
            }
        }
        return new ClaimRow(
                "Fewer active neurons",
                "up to 55% fewer active neurons",
                join(ours),
                "largest 1 − activeRatio among MID-L configurations (E1 default, E5 sweep) whose"
                        + " accuracy is within "
                        + marginText()
                        + " of dense on the same seeds; pass ≥ 55%, partial > 0",
                Verdict.combine(outcomes));
    }

    /** Claim 2: 1.7x fewer FLOPs, at accuracy equal to dense. */
    ClaimRow flops(List<DatasetEvidence> evidence) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (DatasetEvidence e : evidence) {
            if (e.midlPoints() == null || e.midlPoints().isEmpty()) {
                continue;
            }
            List<MidlPoint> ok = e.midlPoints().stream().filter(this::withinMargin).toList();
            MidlPoint bestHonest =
                    ok.stream()
                            .max(Comparator.comparingDouble(MidlPoint::honestSavings))
                            .orElse(null);
            double honest = bestHonest == null ? 0 : bestHonest.honestSavings();
            double paper = ok.stream().mapToDouble(MidlPoint::paperStyleSavings).max().orElse(0);
            Outcome o =
                    honest >= PAPER_FLOPS_SAVINGS - EPS
                            ? Outcome.PASS
                            : paper >= PAPER_FLOPS_SAVINGS - EPS ? Outcome.PARTIAL : Outcome.FAIL;
            outcomes.add(o);
            MidlPoint def = e.midlPoints().get(0);
            String text =
                    e.dataset()
                            + ": "
                            + def.label()
                            + " "
                            + Fmt.ratio(def.honestSavings())
                            + " honest / "
                            + Fmt.ratio(def.paperStyleSavings())
                            + " paper-style (MID-L layers), "
                            + Fmt.ratio(def.modelHonestSavings())
                            + " honest (model)";
            if (bestHonest != null && bestHonest != def) {
                text +=
                        "; best within margin "
                                + Fmt.ratio(bestHonest.honestSavings())
                                + " honest ("
                                + bestHonest.label()
                                + ")";
            } else if (bestHonest == null) {
                text += "; no configuration within " + marginText() + " of dense";
            }
            ours.add(text);
        }
        return new ClaimRow(
                "1.7x fewer FLOPs",
                "1.7x fewer FLOPs",
                join(ours),
                "best savings of the MID-L layers among configurations within "
                        + marginText()
                        + " of dense: pass if honest ≥ 1.7x, partial if only paper-style ≥ 1.7x",
                Verdict.combine(outcomes));
    }

    /** Claim 3: accuracy equal to or better than dense. */
    ClaimRow accuracy(List<DatasetEvidence> evidence) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (DatasetEvidence e : evidence) {
            if (e.denseAccuracy() == null || e.midlAccuracy() == null) {
                continue;
            }
            double diff = e.midlAccuracy().mean() - e.denseAccuracy().mean();
            outcomes.add(diff >= -margin - EPS ? Outcome.PASS : Outcome.FAIL);
            ours.add(
                    e.dataset()
                            + ": "
                            + accuracyText(e.midlAccuracy())
                            + " vs dense "
                            + accuracyText(e.denseAccuracy())
                            + " ("
                            + signedPp(diff)
                            + ")");
        }
        return new ClaimRow(
                "Accuracy ≥ dense",
                "accuracy equal to or better than the dense baseline",
                join(ours),
                "E1 default MID-L mean accuracy ≥ dense mean − "
                        + marginText()
                        + " on every dataset",
                Verdict.combine(outcomes));
    }

    /** Claim 4: more informative neurons by SMI. */
    ClaimRow smi(List<DatasetEvidence> evidence) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (DatasetEvidence e : evidence) {
            SmiEvidence s = e.smi();
            if (s == null || s.dense() == null || s.midl() == null) {
                continue;
            }
            List<Boolean> significantlyHigher = new ArrayList<>();
            boolean aboveAny = false;
            for (Estimate baseline :
                    s.dropout() == null ? List.of(s.dense()) : List.of(s.dense(), s.dropout())) {
                double diff = s.midl().mean() - baseline.mean();
                double se = Math.hypot(s.midl().spreadOrZero(), baseline.spreadOrZero());
                significantlyHigher.add(diff > 2 * se);
                aboveAny |= diff > 0;
            }
            Outcome o = Outcome.of(significantlyHigher);
            if (o == Outcome.FAIL && aboveAny) {
                o = Outcome.PARTIAL; // higher than a baseline, but within the noise
            }
            outcomes.add(o);
            String text =
                    e.dataset()
                            + ": MID-L "
                            + smiText(s.midl())
                            + " vs dense "
                            + smiText(s.dense());
            if (s.dropout() != null) {
                text += ", dropout " + smiText(s.dropout());
            }
            ours.add(text + " nats");
        }
        return new ClaimRow(
                "More informative neurons (SMI)",
                "higher sliced mutual information than dense and dropout",
                join(ours),
                "pass: MID-L SMI exceeds dense and dropout by more than 2 combined standard errors;"
                        + " partial: exceeds only some, or only within the noise",
                Verdict.combine(outcomes));
    }

    /** Claim 5: robustness to noise and overfitting. */
    ClaimRow robustness(List<DatasetEvidence> evidence) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (DatasetEvidence e : evidence) {
            if (e.robustness() == null) {
                continue;
            }
            List<Boolean> better = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            for (Degradation d :
                    new Degradation[] {
                        e.robustness().labelNoise(),
                        e.robustness().inputNoise(),
                        e.robustness().overfitting()
                    }) {
                if (d == null) {
                    continue;
                }
                better.add(d.midl() < d.dense() - margin - EPS);
                parts.add(d.condition() + " MID-L " + pp(d.midl()) + " vs dense " + pp(d.dense()));
            }
            Outcome o = Outcome.of(better);
            if (o != null) {
                outcomes.add(o);
                ours.add(e.dataset() + ": " + String.join(", ", parts));
            }
        }
        return new ClaimRow(
                "Robustness to noise and overfitting",
                "more robust to label/input noise and overfitting than dense",
                join(ours),
                "per criterion (accuracy drop under label noise, drop under input noise, train-test"
                        + " gap on little data): MID-L loses less than dense by more than "
                        + marginText()
                        + "; pass if all criteria, partial if some",
                Verdict.combine(outcomes));
    }

    /** Claim 6: lower latency and memory. */
    ClaimRow efficiency(List<DatasetEvidence> evidence) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        List<String> unmeasured = new ArrayList<>();
        for (DatasetEvidence e : evidence) {
            EfficiencyEvidence f = e.efficiency();
            if (f == null) {
                continue;
            }
            f.unmeasured().stream().filter(u -> !unmeasured.contains(u)).forEach(unmeasured::add);
            if (f.midlLatency().isEmpty() || f.denseLatency().isEmpty()) {
                continue;
            }
            List<Boolean> criteria = new ArrayList<>();
            List<String> ratios = new ArrayList<>();
            for (Map.Entry<Integer, Double> b : f.denseLatency().entrySet()) {
                double best = Double.POSITIVE_INFINITY;
                for (Map<Integer, Double> mode : f.midlLatency().values()) {
                    Double v = mode.get(b.getKey());
                    if (v != null) {
                        best = Math.min(best, v);
                    }
                }
                if (Double.isFinite(best)) {
                    criteria.add(best < b.getValue());
                    ratios.add("b=" + b.getKey() + " " + Fmt.ratio(best / b.getValue()));
                }
            }
            String memory = "";
            if (f.denseArrayBytes() != null && !f.midlArrayBytes().isEmpty()) {
                long best =
                        f.midlArrayBytes().values().stream()
                                .mapToLong(Long::longValue)
                                .min()
                                .orElseThrow();
                criteria.add(best <= f.denseArrayBytes());
                memory =
                        "; array memory per call "
                                + Fmt.bytes(best)
                                + " vs dense "
                                + Fmt.bytes(f.denseArrayBytes());
            }
            Outcome o = Outcome.of(criteria);
            if (o != null) {
                outcomes.add(o);
                ours.add(
                        e.dataset()
                                + ": MID-L/dense latency "
                                + String.join(", ", ratios)
                                + memory);
            }
        }
        String text = join(ours);
        if (!unmeasured.isEmpty()) {
            text += (text.isEmpty() ? "" : "; ") + String.join("; ", unmeasured);
        }
        return new ClaimRow(
                "Lower latency and memory",
                "favourable inference latency and memory",
                text.isEmpty() ? "not measured" : text,
                "per batch size: fastest measured MID-L compute mode faster than dense; memory:"
                        + " bytes of the arrays one call creates at the largest batch ≤ dense; pass if"
                        + " all, partial if some (unmeasured modes do not count)",
                Verdict.combine(outcomes));
    }

    private static String join(List<String> parts) {
        return parts.isEmpty() ? "not measured" : String.join("; ", parts);
    }

    private static String accuracyText(Estimate e) {
        return Double.isNaN(e.spread())
                ? Fmt.pct(e.mean())
                : Fmt.pctMeanStd(e.mean(), e.spread(), 2);
    }

    private static String smiText(Estimate e) {
        return Fmt.meanStd(e.mean(), e.spread(), 3);
    }

    private static String pp(double fraction) {
        return Fmt.fixed(100 * fraction, 2) + " pp";
    }

    private static String signedPp(double fraction) {
        return (fraction >= 0 ? "+" : "−") + Fmt.fixed(100 * Math.abs(fraction), 2) + " pp";
    }
}
