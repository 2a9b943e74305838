package io.github.midljava.experiment.suite.report;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.Provenance;
import io.github.midljava.experiment.RunResult;
import io.github.midljava.experiment.suite.ExperimentId;
import io.github.midljava.experiment.suite.OverallProgress;
import io.github.midljava.experiment.suite.StoredRun;
import io.github.midljava.experiment.suite.SuiteOptions;
import io.github.midljava.experiment.suite.analysis.MidlText;
import io.github.midljava.experiment.suite.analysis.PairedDifference;
import io.github.midljava.experiment.suite.analysis.ResultSet;
import io.github.midljava.experiment.suite.analysis.SuiteAnalysis;
import io.github.midljava.experiment.suite.claims.ClaimRow;
import io.github.midljava.experiment.suite.claims.ClaimsEvaluator;
import io.github.midljava.experiment.suite.claims.EvidenceCollector;
import io.github.midljava.model.Method;
import io.github.midljava.model.ModelFactory;
import io.github.midljava.report.AtomicFiles;
import io.github.midljava.report.Fmt;
import io.github.midljava.report.MarkdownTable;
import io.github.midljava.report.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The joined report of {@code midl experiment all}: command line, the claims-vs-numbers table,
 * setup, provenance, then every experiment's section with its images under its folder.
 */
public final class SuiteReport {

    /** The claims table alone, for quoting (the README links it): {@code <out>/claims.md}. */
    public static final String CLAIMS_FILE = "claims.md";

    private SuiteReport() {}

    /** Writes {@code <out>/report.md} and returns the claims it judged. */
    public static List<ClaimRow> write(
            Path out,
            SuiteAnalysis analysis,
            ReportContext context,
            Map<ExperimentId, ReportSection> sections)
            throws IOException {
        ResultSet results = analysis.results();
        List<ClaimRow> claims = claims(analysis);
        StringBuilder md = new StringBuilder();
        md.append("# MID-L for Java: experiment report (E1–E5)\n\n");
        md.append(
                        "Reproduction of Shaeri and Middel, *MID-L: Matrix-Interpolated Dropout"
                                + " Layer with Layer-wise ")
                .append(
                        "Neuron Selection*, arXiv 2505.11416 (2025), with DJL and PyTorch on CPU."
                                + " Command line:\n\n");
        md.append("```\n").append(context.commandLine()).append("\n```\n\n");
        md.append("Generated ")
                .append(context.generatedAt())
                .append(". ")
                .append(wallTimeLine(results))
                .append("\n\n");
        md.append("## Claims vs our numbers\n\n");
        md.append(claimsTable(claims)).append('\n');
        md.append(claimsNote(results)).append("\n\n");
        md.append("## Setup\n\n").append(setup(results)).append('\n');
        md.append("## Provenance\n\n").append(provenance(results)).append('\n');
        for (ReportSection s : sections.values()) {
            md.append("## ").append(s.title()).append("\n\n");
            md.append("Files: `")
                    .append(s.id().cliName())
                    .append("/report.md`, `")
                    .append(s.id().cliName())
                    .append("/summary.csv`.\n\n");
            md.append(s.body(s.id().cliName() + "/"));
        }
        ExperimentReports.appendFailures(md, results.outcome());
        AtomicFiles.writeString(out.resolve("report.md"), md.toString());
        AtomicFiles.writeString(out.resolve(CLAIMS_FILE), claimsPage(results, context, claims));
        return claims;
    }

    /** Judges the paper's claims at the suite's default configuration. */
    static List<ClaimRow> claims(SuiteAnalysis analysis) {
        SuiteOptions o = analysis.results().options();
        String configuration =
                "MID-L default ("
                        + MidlText.template(o.base().midl())
                        + ") vs DENSE, preset "
                        + o.preset().cliName()
                        + (o.epochs() > 0 ? ", " + o.epochs() + " epoch(s)" : "");
        return new ClaimsEvaluator(o.accuracyMargin(), configuration)
                .evaluate(EvidenceCollector.collect(analysis));
    }

    /**
     * Returns the claims table: the verdict and our numbers first, then what they rest on, the
     * numbers of other configurations (never deciding), and the rule.
     */
    public static String claimsTable(List<ClaimRow> claims) {
        Table.Builder t =
                Table.builder(
                        "claim",
                        "paper",
                        "verdict",
                        "ours (default configuration, paired by seed)",
                        "datasets, seeds, configuration",
                        "other configurations (E5 sweep; shown, not deciding)",
                        "rule");
        for (ClaimRow c : claims) {
            t.addRow(
                    c.claim(),
                    c.paper(),
                    "**" + c.verdict().label() + "**",
                    c.ours(),
                    c.scope(),
                    c.sweep(),
                    c.rule());
        }
        return MarkdownTable.render(t.build(), false);
    }

    private static String claimsNote(ResultSet results) {
        SuiteOptions o = results.options();
        return "Verdicts are computed from the numbers below by the stated rules, at the default"
                + " configuration only: per dataset, then combined (supported if every dataset"
                + " passes, not supported if none does, partly otherwise). Each comparison pairs"
                + " DENSE and MID-L runs of the same seed and decides by the 95% Student t"
                + " interval of the mean difference over seeds, never by the means alone; with"
                + " fewer than "
                + PairedDifference.MIN_SEEDS
                + " seed pairs in any comparison the verdict is \"not enough seeds\" (E3's label"
                + " noise and small-data runs use the "
                + o.ablationSeeds()
                + " ablation seed(s) of `--ablation-seeds`). \"Equal accuracy\" tolerates "
                + Fmt.fixed(100 * o.accuracyMargin(), 2)
                + " percentage points below dense (option `--accuracy-margin`, a non-inferiority"
                + " margin; the paper states no tolerance); \"more\" (SMI, robustness) needs the"
                + " whole interval above 0. Numbers of other configurations (E5 sweep) are shown"
                + " in their own column with their seed count and decide nothing. The runs use"
                + " the `"
                + o.preset().cliName()
                + "` preset (epochs under Setup): the verdicts hold for this training length.";
    }

    /**
     * The claims table with where it came from (commit, command, time), so that it can be quoted
     * without copying numbers by hand.
     */
    private static String claimsPage(
            ResultSet results, ReportContext context, List<ClaimRow> claims) {
        return "# MID-L claims vs our numbers\n\n"
                + "Generated "
                + context.generatedAt()
                + " at git commit `"
                + Provenance.currentGitCommit()
                + "` with the full report (`report.md` beside this file) by:\n\n```\n"
                + context.commandLine()
                + "\n```\n\n"
                + claimsTable(claims)
                + "\n"
                + claimsNote(results)
                + "\n";
    }

    /** One line on run length and seeds, for the top of each experiment's report. */
    static String setupLine(ResultSet results) {
        SuiteOptions o = results.options();
        return "Preset "
                + o.preset().cliName()
                + (o.epochs() > 0 ? ", " + o.epochs() + " epoch(s) per run" : "")
                + "; E1/E2/E4 and E3 input noise on "
                + ResultSet.seedText(o.e1Seeds())
                + ", E3 label noise / small data and E5 on "
                + ResultSet.seedText(o.ablationSeedList())
                + (o.data().trainLimit() > 0
                        ? "; training split limited to " + o.data().trainLimit() + " samples"
                        : "")
                + (o.testLimit() > 0 ? "; test split limited to " + o.testLimit() + " samples" : "")
                + ".";
    }

    private static String wallTimeLine(ResultSet results) {
        double runSeconds = results.all().stream().mapToDouble(r -> r.record().wallSeconds()).sum();
        var o = results.outcome();
        StringBuilder sb =
                new StringBuilder("This invocation: ")
                        .append(OverallProgress.duration(o.wallSeconds()))
                        .append(" wall time, ")
                        .append(o.executedRuns())
                        .append(" training runs executed, ")
                        .append(o.reusedRuns())
                        .append(" reused from earlier invocations, ")
                        .append(o.executedBenchmarks())
                        .append(" E4 benchmarks measured. The ")
                        .append(results.all().size())
                        .append(" stored runs took ")
                        .append(OverallProgress.duration(runSeconds))
                        .append(" of wall time when executed");
        // Start = finish - duration of each run: the span survives resumed invocations.
        Instant first = null;
        Instant last = null;
        for (StoredRun r : results.all()) {
            try {
                Instant end = Instant.parse(r.record().finishedAt());
                Instant start = end.minusMillis(Math.round(1000 * r.record().wallSeconds()));
                first = first == null || start.isBefore(first) ? start : first;
                last = last == null || end.isAfter(last) ? end : last;
            } catch (RuntimeException e) {
                // a record without a parsable time only leaves the span out
            }
        }
        if (first != null) {
            sb.append(", between ")
                    .append(first.truncatedTo(ChronoUnit.SECONDS))
                    .append(" and ")
                    .append(last.truncatedTo(ChronoUnit.SECONDS))
                    .append(" (")
                    .append(
                            OverallProgress.duration(
                                    Duration.between(first, last).toMillis() / 1e3))
                    .append(")");
        }
        return sb.append('.').toString();
    }

    private static String setup(ResultSet results) {
        SuiteOptions o = results.options();
        StringBuilder sb = new StringBuilder();
        sb.append("- Datasets and models (our choice; the paper fixes none):\n");
        for (DatasetId d : o.datasets()) {
            StoredRun any = anyRun(results, d);
            sb.append("  - **").append(d.cliName()).append("**: ");
            if (any == null) {
                sb.append("no stored run\n");
                continue;
            }
            RunResult r = any.result();
            sb.append(r.model())
                    .append(" (hidden width ")
                    .append(ModelFactory.hiddenUnits(d))
                    .append("); ")
                    .append(r.provenance().config().getOrDefault("plan", ""))
                    .append("; data: ")
                    .append(r.provenance().dataDescription())
                    .append('\n');
        }
        sb.append("- ").append(setupLine(results)).append('\n');
        sb.append("- E1 methods: ")
                .append(String.join(", ", o.methods().stream().map(Method::cliName).toList()))
                .append("; E2/E3 methods: ")
                .append(
                        String.join(
                                ", ", o.baselineMethods().stream().map(Method::cliName).toList()))
                .append(".\n");
        if (!o.ablatedDatasets().equals(o.datasets())) {
            List<String> others =
                    o.datasets().stream()
                            .filter(d -> !o.ablates(d))
                            .map(DatasetId::cliName)
                            .toList();
            sb.append("- Ablation datasets (`--ablation-datasets`): E3 label noise and small data,")
                    .append(" E5 and E1's gate ablations (random_k, static_k) ran on ")
                    .append(
                            String.join(
                                    ", ",
                                    o.ablatedDatasets().stream().map(DatasetId::cliName).toList()))
                    .append(" only; ")
                    .append(String.join(", ", others))
                    .append(" have E1 dense, dropout and midl, E2, E3 input noise and E4.\n");
        }
        sb.append("- MID-L default: ")
                .append(MidlText.template(o.base().midl()))
                .append("; dropout rate ")
                .append(o.base().dropoutRate())
                .append(".\n");
        sb.append(
                        "- Shared runs: E2 (SMI, per-neuron MI, active neurons) and E3 input noise"
                                + " are measured inside ")
                .append(
                        "the E1 runs; E3 at 0% label noise and the E5 point equal to the default"
                                + " are the E1 runs ")
                .append(
                        "of the same seeds; E4 times the weights of the first E1 seed's DENSE and"
                                + " MIDL runs. ")
                .append(
                        "E3 and E5 use fewer seeds (`--ablation-seeds`) to keep `all` within"
                                + " hours.\n");
        sb.append(
                        "- Each run is stored in `runs/<dataset>/<variant>/seed-<s>/`"
                                + " (`result.json` written last and ")
                .append("atomically); a stored run is never recomputed.\n");
        return sb.toString();
    }

    private static String provenance(ResultSet results) {
        StringBuilder sb = new StringBuilder();
        TreeSet<String> commits = new TreeSet<>();
        Map<String, String> checksums = new TreeMap<>();
        Provenance p = null;
        for (StoredRun r : results.all()) {
            Provenance q = r.result().provenance();
            if (q == null) {
                continue;
            }
            p = q;
            commits.add(q.gitCommit());
            checksums.putAll(q.dataChecksums());
        }
        sb.append("- Report written at git commit `")
                .append(Provenance.currentGitCommit())
                .append("`; ")
                .append("runs computed at ")
                .append(commits.isEmpty() ? "n/a" : "`" + String.join("`, `", commits) + "`")
                .append(".\n");
        if (p != null) {
            sb.append("- Libraries: DJL ")
                    .append(p.djlVersion())
                    .append(", ")
                    .append(p.engine())
                    .append(", Java ")
                    .append(p.javaVersion())
                    .append(".\n");
            sb.append("- Hardware: ")
                    .append(p.cpu())
                    .append(", ")
                    .append(p.availableProcessors())
                    .append(" cores visible, engine intra-op threads ")
                    .append(p.engineThreads())
                    .append(", ")
                    .append(p.os())
                    .append(".\n");
            sb.append("- ").append(loadLine(results, p.availableProcessors())).append('\n');
        }
        SuiteOptions o = results.options();
        sb.append("- Configuration: datasets ")
                .append(o.datasets())
                .append(", preset ")
                .append(o.preset().cliName())
                .append(", epochs ")
                .append(o.epochs() == 0 ? "preset" : o.epochs())
                .append(", seeds ")
                .append(o.seeds())
                .append(", ablation seeds ")
                .append(o.ablationSeeds())
                .append(", ablation datasets ")
                .append(o.ablatedDatasets().stream().map(DatasetId::cliName).toList())
                .append(", label noise ")
                .append(o.labelNoiseLevels())
                .append(", input σ ")
                .append(o.inputSigmas())
                .append(", small train fraction ")
                .append(o.smallTrainFraction())
                .append(", activeRatios ")
                .append(o.activeRatios())
                .append(", gradient modes ")
                .append(o.gradientModes())
                .append(", light paths ")
                .append(o.lightPaths())
                .append(", gate ranks ")
                .append(o.gateRanks())
                .append(", temperatures ")
                .append(o.temperatures())
                .append(", batch sizes ")
                .append(o.batchSizes())
                .append(", SMI samples ")
                .append(o.smiSamples())
                .append(", SMI directions ")
                .append(o.smiDirections())
                .append(", kNN k ")
                .append(o.miNeighbours())
                .append(", MI threshold ")
                .append(o.miThreshold())
                .append(" nats, accuracy margin ")
                .append(o.accuracyMargin())
                .append(o.data().trainLimit() > 0 ? ", train limit " + o.data().trainLimit() : "")
                .append(o.testLimit() > 0 ? ", test limit " + o.testLimit() : "")
                .append(".\n");
        if (!checksums.isEmpty()) {
            sb.append("- Data files (SHA-256):\n");
            checksums.forEach(
                    (k, v) -> sb.append("  - `").append(k).append("`: `").append(v).append("`\n"));
        }
        List<String> env = new java.util.ArrayList<>();
        for (String var : List.of("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "GOMP_SPINCOUNT")) {
            String v = System.getenv(var);
            env.add(var + "=" + (v == null ? "(unset)" : v));
        }
        sb.append("- Environment of this invocation: ")
                .append(String.join(", ", env))
                .append(".\n");
        sb.append(
                "- Every run's `result.json` carries its own full provenance (config, seed,"
                        + " checksums, versions).\n");
        return sb.toString();
    }

    /** The machine's load during the runs, measured at each run's start and end. */
    private static String loadLine(ResultSet results, int cores) {
        double[] loads =
                results.all().stream()
                        .filter(r -> r.record().loadAverage() != null)
                        .flatMap(r -> r.record().loadAverage().stream())
                        .mapToDouble(Double::doubleValue)
                        .filter(v -> !Double.isNaN(v))
                        .sorted()
                        .toArray();
        if (loads.length == 0) {
            return "Machine load during the runs: not measured.";
        }
        double median = loads[loads.length / 2];
        double max = loads[loads.length - 1];
        String verdict =
                median > cores
                        ? "above the "
                                + cores
                                + " cores most of the time: other jobs shared the CPU, so times and"
                                + " latencies are noisy and slower than on an idle machine (compare"
                                + " methods, not absolute numbers)"
                        : "mostly within the " + cores + " cores";
        return "Machine load (1-minute load average at the start and end of each run): median "
                + Fmt.fixed(median, 1)
                + ", max "
                + Fmt.fixed(max, 1)
                + "; "
                + verdict
                + ".";
    }

    private static StoredRun anyRun(ResultSet results, DatasetId d) {
        for (Method m : List.of(Method.MIDL, Method.DENSE)) {
            StoredRun r = results.first(d, results.catalog().e1(m), results.options().e1Seeds());
            if (r != null) {
                return r;
            }
        }
        return results.outcome().runs().entrySet().stream()
                .filter(e -> e.getKey().dataset() == d)
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
