package io.github.midljava.cli;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.suite.DatasetCache;
import io.github.midljava.experiment.suite.ExperimentId;
import io.github.midljava.experiment.suite.OverallProgress;
import io.github.midljava.experiment.suite.RunStore;
import io.github.midljava.experiment.suite.SuiteOptions;
import io.github.midljava.experiment.suite.SuiteOutcome;
import io.github.midljava.experiment.suite.SuitePlan;
import io.github.midljava.experiment.suite.SuiteRunner;
import io.github.midljava.experiment.suite.TrainingExecutor;
import io.github.midljava.experiment.suite.analysis.ResultSet;
import io.github.midljava.experiment.suite.analysis.SuiteAnalysis;
import io.github.midljava.experiment.suite.claims.ClaimRow;
import io.github.midljava.experiment.suite.efficiency.ComputeModes;
import io.github.midljava.experiment.suite.report.ExperimentReports;
import io.github.midljava.experiment.suite.report.ReportContext;
import io.github.midljava.experiment.suite.report.ReportSection;
import io.github.midljava.experiment.suite.report.SuiteReport;
import io.github.midljava.experiment.suite.spark.SparkMaster;
import io.github.midljava.experiment.suite.spark.SparkRunExecutor;
import io.github.midljava.experiment.suite.spark.SparkSettings;
import io.github.midljava.model.Method;
import io.github.midljava.nn.GradientMode;
import io.github.midljava.nn.LightPath;
import io.github.midljava.report.OutputDirectory;
import io.github.midljava.train.Preset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.spark.network.util.JavaUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code midl experiment {e1,e2,e3,e4,e5,all}}: runs the experiment suite of our spec, resumable,
 * and writes {@code DIR/<exp>/report.md}, {@code summary.csv} and plots (and for {@code all} the
 * joined {@code DIR/report.md}).
 */
@Command(
        name = "experiment",
        mixinStandardHelpOptions = true,
        description = {
            "Run experiments E1-E5 (or all) and write their reports. Resumable: every run is stored"
                    + " in DIR/runs/<dataset>/<variant>/seed-<s>/ and never recomputed; run the same"
                    + " command again after an interruption.",
            "E1 main table, E2 SMI / per-neuron MI / active neurons, E3 robustness, E4 latency and"
                    + " memory, E5 ablations."
        })
public final class ExperimentCommand implements Callable<Integer> {

    private static final Pattern PLAIN_ARG = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    @Parameters(
            index = "0",
            paramLabel = "EXPERIMENT",
            description = "e1, e2, e3, e4, e5, a comma-separated list, or all.")
    String experiment;

    @Option(
            names = "--datasets",
            split = ",",
            paramLabel = "LIST",
            description = "Datasets, comma-separated. Default: ${DEFAULT-VALUE}.")
    List<String> datasets = new ArrayList<>(List.of("mnist", "adult"));

    @Option(
            names = "--seeds",
            paramLabel = "N",
            description =
                    "E1 seeds (1..N), also used by E2, E3 input noise and E4. Default:"
                            + " ${DEFAULT-VALUE}.")
    int seeds = 3;

    @Option(
            names = "--ablation-seeds",
            paramLabel = "M",
            description =
                    "Seeds (1..M) of E3 label noise / small data and of E5. Default:"
                            + " ${DEFAULT-VALUE}.")
    int ablationSeeds = 1;

    @Option(
            names = "--ablation-datasets",
            split = ",",
            paramLabel = "LIST",
            description =
                    "Datasets (among --datasets) on which E3 label noise / small data, E5 and"
                            + " E1's random_k / static_k run; the others get E1 dense, dropout,"
                            + " midl, E2, E3 input noise and E4 (a time budget for expensive"
                            + " datasets). Default: every dataset.")
    List<String> ablationDatasets;

    @Option(
            names = "--preset",
            description = "quick, standard or paper. Default: ${DEFAULT-VALUE}.")
    Preset preset = Preset.QUICK;

    @Option(
            names = "--epochs",
            description = "Override the preset's epochs for every run (0 = preset).")
    int epochs = 0;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Output directory (reused to resume).")
    Path out;

    @Option(
            names = "--methods",
            split = ",",
            paramLabel = "LIST",
            description = "E1 methods. Default: ${DEFAULT-VALUE}.")
    List<String> methods =
            new ArrayList<>(List.of("dense", "dropout", "midl", "random_k", "static_k"));

    @Option(
            names = "--label-noise",
            split = ",",
            paramLabel = "LIST",
            description = "E3 label-noise fractions. Default: ${DEFAULT-VALUE}.")
    List<Double> labelNoise = new ArrayList<>(SuiteOptions.DEFAULT_LABEL_NOISE);

    @Option(
            names = "--sigmas",
            split = ",",
            paramLabel = "LIST",
            description = "E3 test-input noise sigmas. Default: ${DEFAULT-VALUE}.")
    List<Double> sigmas = new ArrayList<>(SuiteOptions.DEFAULT_SIGMAS);

    @Option(
            names = "--small-fraction",
            description = "E3 overfitting regime: training fraction. Default: ${DEFAULT-VALUE}.")
    double smallFraction = 0.1;

    @Option(
            names = "--ratios",
            split = ",",
            paramLabel = "LIST",
            description = "E5 activeRatio sweep. Default: ${DEFAULT-VALUE}.")
    List<Double> ratios = new ArrayList<>(SuiteOptions.DEFAULT_RATIOS);

    @Option(
            names = "--gradient-modes",
            split = ",",
            paramLabel = "LIST",
            description = "E5 gradient modes. Default: ${DEFAULT-VALUE}.")
    List<GradientMode> gradientModes = new ArrayList<>(List.of(GradientMode.values()));

    @Option(
            names = "--light-paths",
            split = ",",
            paramLabel = "LIST",
            description = "E5 light paths. Default: ${DEFAULT-VALUE}.")
    List<LightPath> lightPaths =
            new ArrayList<>(List.of(LightPath.LOW_RANK, LightPath.DENSE, LightPath.ZERO));

    @Option(
            names = "--gate-ranks",
            split = ",",
            paramLabel = "LIST",
            description = "E5 gate ranks. Default: ${DEFAULT-VALUE}.")
    List<Integer> gateRanks = new ArrayList<>(SuiteOptions.DEFAULT_GATE_RANKS);

    @Option(
            names = "--temperatures",
            split = ",",
            paramLabel = "LIST",
            description = "E5 gate temperatures. Default: ${DEFAULT-VALUE}.")
    List<Double> temperatures = new ArrayList<>(SuiteOptions.DEFAULT_TEMPERATURES);

    @Option(
            names = "--batch-sizes",
            split = ",",
            paramLabel = "LIST",
            description = "E4 batch sizes. Default: ${DEFAULT-VALUE}.")
    List<Integer> batchSizes = new ArrayList<>(SuiteOptions.DEFAULT_BATCH_SIZES);

    @Option(
            names = "--smi-samples",
            description = "E2 test samples for SMI and per-neuron MI. Default: ${DEFAULT-VALUE}.")
    int smiSamples = 2000;

    @Option(
            names = "--smi-directions",
            description = "E2 random directions of SMI. Default: ${DEFAULT-VALUE}.")
    int smiDirections = 1000;

    @Option(
            names = "--mi-k",
            description = "E2 kNN neighbours of the MI estimator. Default: ${DEFAULT-VALUE}.")
    int miK = 3;

    @Option(
            names = "--mi-threshold",
            description =
                    "E2 per-neuron MI (nats) of an informative unit. Default: ${DEFAULT-VALUE}.")
    double miThreshold = 0.1;

    @Option(
            names = "--accuracy-margin",
            description =
                    "Claims: accuracy below dense still counted equal. Default: ${DEFAULT-VALUE}.")
    double accuracyMargin = 0.005;

    @Mixin SampleLimits limits;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description =
                    "Run the training runs on Apache Spark: local[N] (embedded: N concurrent runs,"
                            + " one executor JVM each, nothing to install), spark://HOST:PORT (a"
                            + " standalone cluster), yarn or k8s://URL. Default: none, the runs"
                            + " execute one after another in this JVM. The driver writes the"
                            + " store and runs E4.")
    String master;

    @Option(
            names = "--threads-per-run",
            paramLabel = "T",
            description =
                    "With --master: engine intra-op threads (and Spark cores) of each run, so N"
                            + " runs need N x T cores. Default: ${DEFAULT-VALUE}.")
    int threadsPerRun = SparkSettings.DEFAULT_THREADS_PER_RUN;

    @Option(
            names = "--executor-memory",
            paramLabel = "SIZE",
            description =
                    "With --master: heap of each executor JVM, e.g. 2g or 1536m. Default:"
                            + " ${DEFAULT-VALUE}.")
    String executorMemory = SparkSettings.DEFAULT_EXECUTOR_MEMORY_MB + "m";

    @Option(
            names = "--master-timeout",
            paramLabel = "SECONDS",
            description =
                    "With --master: how long to wait for the master and the first executor."
                            + " Default: ${DEFAULT-VALUE}.")
    long masterTimeout = SparkSettings.DEFAULT_TIMEOUT.toSeconds();

    @Option(
            names = "--conf",
            paramLabel = "KEY=VALUE",
            description =
                    "With --master: a Spark setting, repeatable, e.g. --conf"
                            + " spark.executorEnv.MIDL_DATA_DIR=/data on the workers.")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    @Mixin MidlOptions midl;

    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    private SuiteOutcome outcome;
    private List<ClaimRow> claims = List.of();

    @Override
    public Integer call() throws Exception {
        // Parse and validate everything before the engine starts, so a typo fails in milliseconds.
        Set<ExperimentId> selection = ExperimentId.parseSelection(experiment);
        SuiteOptions options = options();
        SparkSettings spark = sparkSettings();
        // Resuming is the point of reusing DIR, so stored runs are no "previous result" here: they
        // are reused, never replaced. The lock keeps a second suite out while this one runs.
        try (OutputDirectory dir = OutputDirectory.claim(out, true, List.of())) {
            return run(selection, options, spark);
        }
    }

    private int run(Set<ExperimentId> selection, SuiteOptions options, SparkSettings spark)
            throws Exception {
        common.configureEngine();
        SuitePlan plan = SuitePlan.of(options, selection);
        DatasetCache data = new DatasetCache(options.data(), options.testLimit());
        if (spark == null) {
            outcome =
                    new SuiteRunner(
                                    new RunStore(out),
                                    new TrainingExecutor(),
                                    data,
                                    ComputeModes.defaults(),
                                    System.err)
                            .run(plan);
        } else {
            try (SparkRunExecutor executor = new SparkRunExecutor(spark, data, System.err)) {
                outcome =
                        new SuiteRunner(
                                        new RunStore(out),
                                        executor,
                                        data,
                                        ComputeModes.defaults(),
                                        System.err)
                                .run(plan);
            }
        }
        SuiteAnalysis analysis = SuiteAnalysis.of(new ResultSet(plan, outcome));
        ReportContext context = new ReportContext(commandLine(), Instant.now().toString());
        Map<ExperimentId, ReportSection> sections = ExperimentReports.write(out, analysis, context);
        System.out.println();
        System.out.printf(
                "experiment %s: %d runs executed, %d reused, %d benchmarks measured in %s%n",
                String.join(",", ExperimentId.cliNames(selection)),
                outcome.executedRuns(),
                outcome.reusedRuns(),
                outcome.executedBenchmarks(),
                OverallProgress.duration(outcome.wallSeconds()));
        for (ExperimentId id : sections.keySet()) {
            System.out.println("  " + out.resolve(id.cliName()).resolve("report.md"));
        }
        if (selection.size() == ExperimentId.values().length) {
            claims = SuiteReport.write(out, analysis, context, sections);
            System.out.println("  " + out.resolve("report.md"));
            System.out.println("  " + out.resolve(SuiteReport.CLAIMS_FILE));
            System.out.println();
            for (ClaimRow c : claims) {
                System.out.printf("  %-38s %s%n", c.claim(), c.verdict().label());
            }
        }
        if (!outcome.failures().isEmpty()) {
            System.err.println(
                    "midl: "
                            + outcome.failures().size()
                            + " runs failed; run the same command again to retry:");
            outcome.failures()
                    .forEach(f -> System.err.println("  " + f.label() + ": " + f.message()));
            return 1;
        }
        return 0;
    }

    /** Returns the outcome of the last call (tests), or null before. */
    public SuiteOutcome outcome() {
        return outcome;
    }

    /** Returns the claims judged by the last {@code all} call (tests). */
    public List<ClaimRow> claims() {
        return claims;
    }

    /** Returns the Spark settings of these flags, or null without {@code --master}. */
    SparkSettings sparkSettings() {
        if (master == null) {
            if (spec != null) {
                for (String o :
                        List.of(
                                "--threads-per-run",
                                "--executor-memory",
                                "--master-timeout",
                                "--conf")) {
                    if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                        throw new IllegalArgumentException(o + " needs --master");
                    }
                }
            }
            return null;
        }
        long mb;
        try {
            mb = JavaUtils.byteStringAsMb(executorMemory);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--executor-memory: expected a size such as 2g or 1536m, got "
                            + executorMemory);
        }
        if (masterTimeout < 1) {
            throw new IllegalArgumentException(
                    "--master-timeout must be >= 1 second, got " + masterTimeout);
        }
        return new SparkSettings(
                SparkMaster.parse(master),
                threadsPerRun,
                (int) Math.min(Integer.MAX_VALUE, mb),
                sparkConf,
                Duration.ofSeconds(masterTimeout));
    }

    private static List<DatasetId> datasetIds(List<String> names) {
        return names.stream().map(String::trim).map(DatasetId::fromCliName).distinct().toList();
    }

    /** Returns the validated suite options of these flags. */
    SuiteOptions options() {
        List<DatasetId> ids = datasetIds(datasets);
        List<Method> ms =
                methods.stream().map(String::trim).map(Method::fromCliName).distinct().toList();
        DataOptions data = common.dataOptions().withTrainLimit(limits.trainLimit);
        return new SuiteOptions(
                ids,
                preset,
                epochs,
                seeds,
                ablationSeeds,
                ablationDatasets == null ? ids : datasetIds(ablationDatasets),
                ms,
                midl.toModelOptions(Method.MIDL),
                labelNoise,
                sigmas,
                smallFraction,
                ratios,
                gradientModes,
                lightPaths,
                gateRanks,
                temperatures,
                batchSizes,
                smiSamples,
                smiDirections,
                miK,
                miThreshold,
                accuracyMargin,
                data,
                limits.testLimit(),
                !common.noProgress);
    }

    /**
     * The command line as typed, reconstructed from the arguments (with MIDL_DATA_DIR if it was
     * set).
     */
    private String commandLine() {
        List<String> args = spec.root().commandLine().getParseResult().originalArgs();
        StringBuilder sb = new StringBuilder();
        String env = System.getenv("MIDL_DATA_DIR");
        if (env != null && !env.isBlank() && common.dataDir == null) {
            sb.append("MIDL_DATA_DIR=").append(quote(env)).append(' ');
        }
        for (String var : List.of("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")) {
            String value = System.getenv(var);
            if (value != null && !value.isBlank()) {
                sb.append(var).append('=').append(quote(value)).append(' ');
            }
        }
        sb.append("./midl");
        for (String a : args) {
            sb.append(' ').append(quote(a));
        }
        return sb.toString();
    }

    private static String quote(String arg) {
        return PLAIN_ARG.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
