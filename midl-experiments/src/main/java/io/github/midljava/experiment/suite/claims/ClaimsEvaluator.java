package io.github.midljava.experiment.suite.claims;

import io.github.midljava.experiment.suite.analysis.PairedDifference;
import io.github.midljava.experiment.suite.analysis.PerSeed;
import io.github.midljava.experiment.suite.analysis.RobustnessDelta;
import io.github.midljava.experiment.suite.analysis.SmiFigure;
import io.github.midljava.experiment.suite.analysis.Stat;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.DefaultPoint;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.EfficiencyEvidence;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.SmiEvidence;
import io.github.midljava.experiment.suite.claims.DatasetEvidence.SweepPoint;
import io.github.midljava.experiment.suite.claims.Verdict.Outcome;
import io.github.midljava.report.Fmt;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Judges the six claims of the MID-L paper (Shaeri and Middel, arXiv 2505.11416) on our evidence.
 * Each claim has a rule applied per dataset ({@link Outcome}), and the outcomes combine into a
 * {@link Verdict}; the rule is printed beside the verdict.
 *
 * <p>Every verdict is taken at the default configuration and rests on comparisons paired by seed
 * (DENSE and MIDL trained with the same seed s, which sets their data order and initialisation):
 * the mean difference over seeds with its 95% Student t interval ({@link PairedDifference})
 * decides, never the point estimate alone. A comparison with fewer than {@link
 * PairedDifference#MIN_SEEDS} pairs gives no verdict ({@link Verdict#NOT_ENOUGH_SEEDS}). Numbers of
 * other configurations (the E5 activeRatio sweep, usually one seed) are shown in their own column
 * and decide nothing.
 *
 * <p>"Equal accuracy" means the interval of MID-L − dense lies above −{@code margin}
 * (non-inferiority); "more" (SMI, robustness) means the interval of the advantage lies above 0
 * (superiority). Our reading; the paper states no tolerance and no test.
 */
public final class ClaimsEvaluator {

    /** "up to 55% fewer active neurons". */
    public static final double PAPER_NEURON_REDUCTION = 0.55;

    /** "1.7x fewer FLOPs". */
    public static final double PAPER_FLOPS_SAVINGS = 1.7;

    private static final double EPS = 1e-9;
    private static final String NO_SWEEP = "—";
    private static final String PAIRED_E1 = "E1, MIDL and DENSE paired by seed";

    private final double margin;
    private final String configuration;

    /**
     * @param margin accuracy tolerance for "equal to dense", in [0, 1)
     * @param configuration the default configuration the verdicts are taken at, as stated in every
     *     row, e.g. "MID-L activeRatio 0.45, gate LOW_RANK/16, ...; preset quick"
     */
    public ClaimsEvaluator(double margin, String configuration) {
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("margin must be in [0, 1), got " + margin);
        }
        this.margin = margin;
        this.configuration = configuration;
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

    /**
     * The accuracy test every cost claim is conditioned on: INSUFFICIENT below the minimum of
     * pairs, PASS if the lower end of MID-L − dense is above −margin, else FAIL.
     */
    Outcome accuracyKept(PairedDifference d) {
        return above(d, -margin);
    }

    /**
     * The one decision rule of every comparison: INSUFFICIENT below the minimum of pairs, PASS if
     * the interval's lower end is above {@code threshold}, else FAIL.
     */
    static Outcome above(PairedDifference d, double threshold) {
        if (!d.enoughSeeds()) {
            return Outcome.INSUFFICIENT;
        }
        return d.lowerAbove(threshold - EPS) ? Outcome.PASS : Outcome.FAIL;
    }

    /** Claim 1: up to 55% fewer active neurons, at accuracy equal to dense. */
    ClaimRow activeNeurons(List<DatasetEvidence> evidence) {
        return atDefault(
                        evidence,
                        p -> {
                            double reduction = 1 - p.activeRatio();
                            return reduction >= PAPER_NEURON_REDUCTION - EPS
                                    ? Outcome.PASS
                                    : reduction > EPS ? Outcome.PARTIAL : Outcome.FAIL;
                        },
                        (p, d) ->
                                Fmt.pct(1 - p.activeRatio(), 0)
                                        + " fewer (activeRatio "
                                        + Fmt.fixed(p.activeRatio(), 3)
                                        + "); accuracy "
                                        + accuracyPair(p)
                                        + ", "
                                        + intervalPp(d),
                        s -> Fmt.pct(1 - s.activeRatio(), 0) + " fewer")
                .row(
                        "Fewer active neurons",
                        "up to 55% fewer active neurons",
                        PAIRED_E1,
                        "at the default configuration: accuracy kept (lower end of the 95% interval"
                                + " of MID-L − dense above −"
                                + marginText()
                                + ") and 1 − activeRatio ≥ 55% passes, > 0 partial; accuracy not"
                                + " kept fails; fewer than 3 seed pairs: not enough seeds");
    }

    /** Claim 2: 1.7x fewer FLOPs, at accuracy equal to dense. */
    ClaimRow flops(List<DatasetEvidence> evidence) {
        return atDefault(
                        evidence,
                        p ->
                                p.honestSavings() >= PAPER_FLOPS_SAVINGS - EPS
                                        ? Outcome.PASS
                                        : p.paperStyleSavings() >= PAPER_FLOPS_SAVINGS - EPS
                                                ? Outcome.PARTIAL
                                                : Outcome.FAIL,
                        (p, d) ->
                                Fmt.ratio(p.honestSavings())
                                        + " honest / "
                                        + Fmt.ratio(p.paperStyleSavings())
                                        + " paper-style (MID-L layers), "
                                        + Fmt.ratio(p.modelHonestSavings())
                                        + " honest (model); accuracy "
                                        + intervalPp(d),
                        s ->
                                Fmt.ratio(s.honestSavings())
                                        + " honest / "
                                        + Fmt.ratio(s.paperStyleSavings())
                                        + " paper-style")
                .row(
                        "1.7x fewer FLOPs",
                        "1.7x fewer FLOPs",
                        PAIRED_E1,
                        "at the default configuration, with accuracy kept (as in the row above):"
                                + " pass if the MID-L layers' honest savings ≥ 1.7x, partial if"
                                + " only paper-style ≥ 1.7x; accuracy not kept fails; fewer than 3"
                                + " seed pairs: not enough seeds");
    }

    /** Claim 3: accuracy equal to or better than dense. */
    ClaimRow accuracy(List<DatasetEvidence> evidence) {
        return atDefault(
                        evidence,
                        p -> Outcome.PASS,
                        (p, d) -> accuracyPair(p) + ", " + intervalPp(d),
                        null)
                .row(
                        "Accuracy ≥ dense",
                        "accuracy equal to or better than the dense baseline",
                        PAIRED_E1,
                        "per dataset: lower end of the 95% Student t interval of MID-L − dense"
                                + " accuracy (paired by seed) above −"
                                + marginText()
                                + " (non-inferiority margin); fewer than 3 seed pairs: not enough"
                                + " seeds");
    }

    /**
     * A claim on the default configuration's cost, conditioned on its accuracy: per dataset, the
     * accuracy test's outcome unless it passes, then {@code cost}'s.
     *
     * @param cost the claim's own rule, applied once the accuracy is kept
     * @param text our numbers of a dataset (without its name)
     * @param sweepWhat what a sweep point shows, or null for no sweep column
     */
    private Tally atDefault(
            List<DatasetEvidence> evidence,
            Function<DefaultPoint, Outcome> cost,
            BiFunction<DefaultPoint, PairedDifference, String> text,
            Function<SweepPoint, String> sweepWhat) {
        Tally t = new Tally();
        for (DatasetEvidence e : evidence) {
            DefaultPoint p = e.midl();
            if (p == null) {
                continue;
            }
            PairedDifference d = p.accuracyDifference();
            Outcome kept = accuracyKept(d);
            t.add(e.dataset(), kept != Outcome.PASS ? kept : cost.apply(p), text.apply(p, d), d);
            if (sweepWhat != null) {
                sweepText(e, t.sweep, sweepWhat);
            }
        }
        return t;
    }

    /** What one claim collects over the datasets, and its row. */
    private final class Tally {
        final List<Outcome> outcomes = new ArrayList<>();
        final List<String> ours = new ArrayList<>();
        final List<String> sweep = new ArrayList<>();
        final List<String> datasets = new ArrayList<>();
        final List<PairedDifference> diffs = new ArrayList<>();

        void add(String dataset, Outcome o, String text, PairedDifference... compared) {
            outcomes.add(o);
            datasets.add(dataset);
            ours.add(dataset + ": " + text);
            diffs.addAll(List.of(compared));
        }

        ClaimRow row(String claim, String paper, String how, String rule) {
            return new ClaimRow(
                    claim,
                    paper,
                    scope(datasets, diffs, how),
                    join(ours),
                    sweep.isEmpty() ? NO_SWEEP : String.join("; ", sweep),
                    rule,
                    Verdict.combine(outcomes));
        }
    }

    /** Claim 4: more informative neurons by SMI. */
    ClaimRow smi(List<DatasetEvidence> evidence) {
        Tally t = new Tally();
        for (DatasetEvidence e : evidence) {
            SmiEvidence s = e.smi();
            if (s == null || s.dense() == null || s.midl() == null) {
                continue;
            }
            List<Outcome> criteria = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            List<PairedDifference> diffs = new ArrayList<>();
            parts.add("MID-L " + smiText(s.midl()));
            for (Map.Entry<String, SmiFigure> b : baselines(s)) {
                PairedDifference d = PairedDifference.of(s.midl().smi(), b.getValue().smi());
                diffs.add(d);
                criteria.add(above(d, 0));
                parts.add(
                        b.getKey()
                                + " "
                                + smiText(b.getValue())
                                + " (MID-L − "
                                + b.getKey()
                                + " "
                                + interval(d, 4, "")
                                + ")");
            }
            t.add(
                    e.dataset(),
                    Outcome.combine(criteria),
                    String.join(", ", parts) + " nats",
                    diffs.toArray(PairedDifference[]::new));
        }
        return t.row(
                "More informative neurons (SMI)",
                "higher sliced mutual information than dense and dropout",
                "E1 runs' hidden layer 2, paired by seed",
                "per baseline (dense, dropout): lower end of the 95% interval of MID-L − baseline"
                        + " SMI (paired by seed) above 0; pass if above both, partial if above one,"
                        + " fail if above none; fewer than 3 seed pairs: not enough seeds. Each"
                        + " figure is mean ± std over seeds, with the estimator's floor (same"
                        + " activations, shuffled labels)");
    }

    /** Claim 5: robustness to noise and overfitting. */
    ClaimRow robustness(List<DatasetEvidence> evidence) {
        Tally t = new Tally();
        for (DatasetEvidence e : evidence) {
            if (e.robustness() == null || e.robustness().isEmpty()) {
                continue;
            }
            List<Outcome> criteria = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            List<PairedDifference> diffs = new ArrayList<>();
            for (RobustnessDelta r : e.robustness()) {
                PairedDifference d = r.advantage();
                diffs.add(d);
                criteria.add(above(d, 0));
                parts.add(
                        r.condition()
                                + " MID-L "
                                + pp(r.midlLoss().mean())
                                + " vs dense "
                                + pp(r.denseLoss().mean())
                                + " (dense − MID-L "
                                + intervalPp(d)
                                + ")");
            }
            t.add(
                    e.dataset(),
                    Outcome.combine(criteria),
                    String.join(", ", parts),
                    diffs.toArray(PairedDifference[]::new));
        }
        return t.row(
                "Robustness to noise and overfitting",
                "more robust to label/input noise and overfitting than dense",
                "E3 (label noise and small data on the ablation seeds and the datasets of"
                        + " --ablation-datasets, input noise on the E1 models), paired by seed",
                "per criterion (accuracy drop under label noise, drop under input noise, train-test"
                        + " gap on little data): lower end of the 95% interval of dense loss − MID-L"
                        + " loss (paired by seed) above 0; pass if all measured criteria, partial if some,"
                        + " fail if none; any criterion with fewer than 3 seed pairs: not enough"
                        + " seeds");
    }

    /** Claim 6: lower latency and memory. */
    ClaimRow efficiency(List<DatasetEvidence> evidence) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        List<String> unmeasured = new ArrayList<>();
        List<String> datasets = new ArrayList<>();
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
                datasets.add(e.dataset());
                ours.add(
                        e.dataset()
                                + ": MID-L/dense latency "
                                + String.join(", ", ratios)
                                + memory);
            }
        }
        String text = join(ours);
        if (!unmeasured.isEmpty()) {
            text += (text.equals("not measured") ? "" : "; ") + String.join("; ", unmeasured);
        }
        return new ClaimRow(
                "Lower latency and memory",
                "favourable inference latency and memory",
                datasets.isEmpty()
                        ? "not measured"
                        : "datasets "
                                + String.join(", ", datasets)
                                + "; E4: the models of the first E1 seed, latency the median of"
                                + " repeated rounds (the work per call does not depend on the"
                                + " seed); configuration: "
                                + configuration,
                text,
                NO_SWEEP,
                "per batch size: fastest measured MID-L compute mode faster than dense; memory:"
                        + " bytes of the arrays one call creates at the largest batch ≤ dense; pass if"
                        + " all, partial if some (unmeasured modes do not count)",
                Verdict.combine(outcomes));
    }

    /** The baselines of the SMI claim that were measured, with their names. */
    private static List<Map.Entry<String, SmiFigure>> baselines(SmiEvidence s) {
        List<Map.Entry<String, SmiFigure>> out = new ArrayList<>();
        out.add(Map.entry("dense", s.dense()));
        if (s.dropout() != null) {
            out.add(Map.entry("dropout", s.dropout()));
        }
        return out;
    }

    /** Appends "dataset: r=0.10 (1 seed) <what>, accuracy a vs dense b" per sweep point. */
    private static void sweepText(
            DatasetEvidence e, List<String> out, Function<SweepPoint, String> what) {
        if (e.sweep() == null || e.sweep().isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (SweepPoint s : e.sweep()) {
            parts.add(
                    "activeRatio "
                            + Fmt.fixed(s.activeRatio(), 2)
                            + " ("
                            + s.seeds()
                            + (s.seeds() == 1 ? " seed" : " seeds")
                            + "): "
                            + what.apply(s)
                            + ", "
                            + Fmt.pct(s.accuracy())
                            + " vs dense "
                            + Fmt.pct(s.denseAccuracy()));
        }
        out.add(e.dataset() + ": " + String.join("; ", parts));
    }

    /** "datasets a, b; seeds 1-3 (how); configuration: ...". */
    private String scope(List<String> datasets, List<PairedDifference> diffs, String how) {
        if (datasets.isEmpty()) {
            return "not measured";
        }
        TreeSet<Long> seeds = new TreeSet<>();
        int fewest = Integer.MAX_VALUE;
        for (PairedDifference d : diffs) {
            seeds.addAll(d.seeds());
            fewest = Math.min(fewest, d.n());
        }
        return "datasets "
                + String.join(", ", datasets)
                + "; seeds "
                + seedsText(seeds)
                + " ("
                + how
                + (diffs.isEmpty() ? "" : "; fewest pairs in a comparison: " + fewest)
                + "); configuration: "
                + configuration;
    }

    /** "1-3" for a run of consecutive seeds, else "1, 2, 5"; "none" for none. */
    static String seedsText(Collection<Long> seeds) {
        if (seeds.isEmpty()) {
            return "none";
        }
        List<Long> s = new ArrayList<>(new TreeSet<>(seeds));
        long first = s.get(0);
        long last = s.get(s.size() - 1);
        if (s.size() > 1 && last - first + 1 == s.size()) {
            return first + "-" + last;
        }
        return String.join(", ", s.stream().map(String::valueOf).toList());
    }

    private static String join(List<String> parts) {
        return parts.isEmpty() ? "not measured" : String.join("; ", parts);
    }

    private static String accuracyPair(DefaultPoint p) {
        return accuracyText(p.midlAccuracy()) + " vs dense " + accuracyText(p.denseAccuracy());
    }

    private static String accuracyText(PerSeed values) {
        Stat s = values.stat();
        return s.n() < 2 ? Fmt.pct(s.mean()) : Fmt.pctMeanStd(s.mean(), s.std(), 2);
    }

    private static String smiText(SmiFigure f) {
        Stat s = f.smi().stat();
        Stat floor = f.floor().stat();
        return Fmt.meanStd(s.mean(), s.std(), 3)
                + " (floor "
                + (floor.isEmpty() ? "not measured" : Fmt.fixed(floor.mean(), 3))
                + ")";
    }

    /** "Δ −0.20 pp, 95% CI [−0.51, +0.11] pp, 3 pairs" (or "not enough seeds" below 3 pairs). */
    static String intervalPp(PairedDifference d) {
        return "Δ " + interval(scaled(d, 100), 2, " pp");
    }

    private static String interval(PairedDifference d, int digits, String unit) {
        if (d.n() == 0) {
            return "no paired seeds";
        }
        String mean = signed(d.mean(), digits) + unit;
        if (!d.enoughSeeds()) {
            return mean
                    + " ("
                    + d.n()
                    + (d.n() == 1 ? " pair" : " pairs")
                    + ": not enough seeds for an interval)";
        }
        return mean
                + ", "
                + Math.round(100 * d.level())
                + "% CI ["
                + signed(d.lower(), digits)
                + ", "
                + signed(d.upper(), digits)
                + "]"
                + unit
                + ", "
                + d.n()
                + " pairs";
    }

    private static PairedDifference scaled(PairedDifference d, double f) {
        return new PairedDifference(
                d.differences(),
                d.level(),
                f * d.mean(),
                f * d.std(),
                f * d.lower(),
                f * d.upper());
    }

    private static String signed(double v, int digits) {
        return (v >= 0 ? "+" : "−") + Fmt.fixed(Math.abs(v), digits);
    }

    private static String pp(double fraction) {
        return Fmt.fixed(100 * fraction, 2) + " pp";
    }
}
