package io.github.midljava.experiment.suite;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.suite.efficiency.EfficiencyBenchmark;
import io.github.midljava.experiment.suite.efficiency.EfficiencyResult;
import io.github.midljava.experiment.suite.efficiency.InferenceVariant;
import io.github.midljava.model.Method;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Executes a {@link SuitePlan}: every planned run whose result is not stored yet, then per dataset
 * the E4 benchmark; stored runs are never computed again.
 *
 * <p>All stored runs are checked before anything is trained, so a folder of another configuration
 * stops the suite at once rather than after hours. A run that fails is reported and the suite goes
 * on; its folder keeps no result, so the next invocation tries it again.
 *
 * <p>The runs are executed one after another by a {@link RunExecutor} in this process, or all at
 * once by a {@link RunBatchExecutor} (a Spark cluster) that returns their outputs; either way only
 * this class writes the store, and the E4 benchmarks run here, after the runs they time.
 */
public final class SuiteRunner {

    private final RunStore store;
    private final RunExecutor executor;
    private final RunBatchExecutor batch;
    private final DatasetCache data;
    private final List<InferenceVariant> computeModes;
    private final PrintStream log;

    /**
     * @param store where runs are stored
     * @param executor trains one run
     * @param data loads each dataset once
     * @param computeModes the E4 compute modes
     * @param log progress and failures (stderr)
     */
    public SuiteRunner(
            RunStore store,
            RunExecutor executor,
            DatasetCache data,
            List<InferenceVariant> computeModes,
            PrintStream log) {
        this(store, executor, null, data, computeModes, log);
    }

    /**
     * A runner that hands every pending run to {@code batch} (e.g. a Spark cluster) and stores the
     * outputs it returns.
     *
     * @param store where runs are stored
     * @param batch executes the pending runs
     * @param data loads each dataset once (for E4, which runs here)
     * @param computeModes the E4 compute modes
     * @param log progress and failures (stderr)
     */
    public SuiteRunner(
            RunStore store,
            RunBatchExecutor batch,
            DatasetCache data,
            List<InferenceVariant> computeModes,
            PrintStream log) {
        this(store, null, batch, data, computeModes, log);
    }

    private SuiteRunner(
            RunStore store,
            RunExecutor executor,
            RunBatchExecutor batch,
            DatasetCache data,
            List<InferenceVariant> computeModes,
            PrintStream log) {
        this.store = store;
        this.executor = executor;
        this.batch = batch;
        this.data = data;
        this.computeModes = List.copyOf(computeModes);
        this.log = log;
    }

    /** Runs what is missing and returns everything stored. */
    public SuiteOutcome run(SuitePlan plan) throws IOException {
        long start = System.nanoTime();
        SuiteOptions options = plan.options();
        Map<PlannedRun, StoredRun> stored = new LinkedHashMap<>();
        List<PlannedRun> pending = new ArrayList<>();
        for (PlannedRun run : plan.runs()) {
            var found = store.load(run, run.fingerprint(options));
            if (found.isPresent()) {
                stored.put(run, found.get());
            } else {
                pending.add(run);
            }
        }
        int reused = stored.size();
        List<DatasetId> benchmarked = plan.benchmarksEfficiency() ? options.datasets() : List.of();
        Map<DatasetId, EfficiencyResult> efficiency = new EnumMap<>(DatasetId.class);
        int benchmarksDone = 0;
        for (DatasetId d : benchmarked) {
            if (!pendingSources(plan, d, pending)) {
                var found = store.loadEfficiency(d, efficiencyFingerprint(plan, d, stored));
                if (found.isPresent()) {
                    efficiency.put(d, found.get());
                    benchmarksDone++;
                }
            }
        }
        // Every dataset still needed is checked before the first run starts.
        Set<DatasetId> needed = new LinkedHashSet<>();
        pending.forEach(run -> needed.add(run.dataset()));
        benchmarked.stream().filter(d -> !efficiency.containsKey(d)).forEach(needed::add);
        data.checkFiles(needed);
        int total = plan.runs().size() + benchmarked.size();
        log.printf(
                "suite: %d training runs and %d benchmarks planned, %d stored already, %d to"
                        + " compute; results in %s%n",
                plan.runs().size(),
                benchmarked.size(),
                reused + benchmarksDone,
                total - reused - benchmarksDone,
                store.root().toAbsolutePath());
        OverallProgress progress = new OverallProgress(log, total, reused + benchmarksDone);
        List<SuiteOutcome.Failure> failures = new ArrayList<>();
        int executed = 0;
        int benchmarks = 0;
        if (batch != null && !pending.isEmpty()) {
            executed = executeBatch(pending, options, stored, failures, progress);
        }
        for (DatasetId d : options.datasets()) {
            for (PlannedRun run : pending) {
                if (batch != null || run.dataset() != d) {
                    continue;
                }
                progress.starting(run.label());
                long t0 = System.nanoTime();
                try {
                    stored.put(run, execute(run, options));
                    executed++;
                    progress.finished((System.nanoTime() - t0) / 1e9);
                } catch (Exception e) {
                    failures.add(new SuiteOutcome.Failure(run.label(), message(e)));
                    log.println("suite: run " + run.label() + " FAILED: " + message(e));
                    store.discardIfEmpty(run);
                    progress.failed((System.nanoTime() - t0) / 1e9);
                }
            }
            if (benchmarked.contains(d) && !efficiency.containsKey(d)) {
                String label = d.cliName() + "/e4-efficiency";
                progress.starting(label);
                long t0 = System.nanoTime();
                try {
                    EfficiencyResult r = benchmark(plan, d, stored);
                    store.saveEfficiency(d, r);
                    efficiency.put(d, r);
                    benchmarks++;
                    progress.finished((System.nanoTime() - t0) / 1e9);
                } catch (Exception e) {
                    failures.add(new SuiteOutcome.Failure(label, message(e)));
                    log.println("suite: benchmark " + label + " FAILED: " + message(e));
                    progress.failed((System.nanoTime() - t0) / 1e9);
                }
            }
            data.release(d);
        }
        return new SuiteOutcome(
                stored,
                efficiency,
                failures,
                executed,
                reused,
                benchmarks,
                data.loads(),
                (System.nanoTime() - start) / 1e9);
    }

    private StoredRun execute(PlannedRun run, SuiteOptions options) throws IOException {
        long t0 = System.nanoTime();
        double loadAtStart = RunRecord.currentLoadAverage();
        store.clearUnfinished(run);
        Dataset dataset = data.get(run.dataset());
        RunExecutor.Output out = executor.execute(run, options, dataset, store.folder(run));
        if (run.variant().analysed() && out.analysis() == null) {
            throw new IllegalStateException("run " + run.label() + " returned no E2 analysis");
        }
        RunRecord record =
                new RunRecord(
                        run.fingerprint(options),
                        (System.nanoTime() - t0) / 1e9,
                        Instant.now().toString(),
                        List.of(loadAtStart, RunRecord.currentLoadAverage()));
        StoredRun stored = new StoredRun(out.result(), out.analysis(), record);
        store.save(run, stored);
        return stored;
    }

    /** Hands the pending runs to the batch executor and stores each output it returns. */
    private int executeBatch(
            List<PlannedRun> pending,
            SuiteOptions options,
            Map<PlannedRun, StoredRun> stored,
            List<SuiteOutcome.Failure> failures,
            OverallProgress progress)
            throws IOException {
        int[] executed = {0};
        batch.executeAll(
                pending,
                options,
                new RunBatchExecutor.Sink() {
                    @Override
                    public void finished(PlannedRun run, ShippedRun out) throws IOException {
                        try {
                            stored.put(run, store(run, options, out));
                            executed[0]++;
                            progress.finished(out.wallSeconds());
                        } catch (IllegalStateException e) {
                            failed(run, message(e));
                        }
                    }

                    @Override
                    public void failed(PlannedRun run, String message) {
                        failures.add(new SuiteOutcome.Failure(run.label(), message));
                        log.println("suite: run " + run.label() + " FAILED: " + message);
                        progress.failed(0);
                    }
                });
        return executed[0];
    }

    /**
     * Stores a run computed elsewhere: its weights, analysis and record, then its result, each file
     * atomically, so a driver killed in between leaves a folder that the next invocation clears and
     * computes again.
     */
    private StoredRun store(PlannedRun run, SuiteOptions options, ShippedRun out)
            throws IOException {
        if (run.variant().analysed() && out.analysis() == null) {
            throw new IllegalStateException("run " + run.label() + " returned no E2 analysis");
        }
        if (run.variant().savesParameters() && out.parameters() == null) {
            throw new IllegalStateException("run " + run.label() + " returned no trained weights");
        }
        store.clearUnfinished(run);
        if (run.variant().savesParameters()) {
            store.saveParameters(run, out.parameters());
        }
        RunRecord record =
                new RunRecord(
                        run.fingerprint(options),
                        out.wallSeconds(),
                        Instant.now().toString(),
                        out.loadAverage());
        StoredRun stored = new StoredRun(out.result(), out.analysis(), record);
        store.save(run, stored);
        return stored;
    }

    private EfficiencyResult benchmark(
            SuitePlan plan, DatasetId d, Map<PlannedRun, StoredRun> stored) throws IOException {
        Map<String, String> fingerprint = efficiencyFingerprint(plan, d, stored);
        Dataset dataset = data.get(d);
        Map<Method, Model> models = new EnumMap<>(Method.class);
        try {
            Map<Method, SequentialBlock> blocks = new EnumMap<>(Method.class);
            Map<Method, NDManager> managers = new EnumMap<>(Method.class);
            List<String> weights = new ArrayList<>();
            for (Method m : List.of(Method.DENSE, Method.MIDL)) {
                PlannedRun source = plan.efficiencySource(d, m);
                if (!stored.containsKey(source)) {
                    throw new IllegalStateException(
                            "its source run " + source.label() + " did not finish");
                }
                Model model =
                        TrainedModels.load(
                                d,
                                dataset.test(),
                                source.variant().model(),
                                store.parameters(source));
                models.put(m, model);
                blocks.put(m, (SequentialBlock) model.getBlock());
                managers.put(m, model.getNDManager());
                weights.add(source.label());
            }
            return EfficiencyBenchmark.run(
                    d.cliName(),
                    blocks,
                    managers,
                    dataset.test(),
                    computeModes,
                    plan.options().batchSizes(),
                    fingerprint,
                    "trained weights of " + String.join(" and ", weights),
                    System.getProperty("ai.djl.pytorch.num_threads", "default"));
        } finally {
            for (Model model : models.values()) {
                model.close();
            }
        }
    }

    /**
     * E4 depends on the timed weights (when their runs finished), the modes and the batch sizes.
     */
    private Map<String, String> efficiencyFingerprint(
            SuitePlan plan, DatasetId d, Map<PlannedRun, StoredRun> stored) {
        Map<String, String> f = new TreeMap<>();
        f.put("dataset", d.cliName());
        f.put("batchSizes", plan.options().batchSizes().toString());
        List<String> modes = new ArrayList<>();
        for (InferenceVariant m : computeModes) {
            modes.add(m.name() + " [" + m.getClass().getName() + "]");
        }
        f.put("modes", modes.toString());
        for (Method m : List.of(Method.DENSE, Method.MIDL)) {
            PlannedRun source = plan.efficiencySource(d, m);
            StoredRun s = stored.get(source);
            f.put(
                    "weights." + m.cliName(),
                    source.label() + " finished " + (s == null ? "?" : s.record().finishedAt()));
        }
        return f;
    }

    private static boolean pendingSources(SuitePlan plan, DatasetId d, List<PlannedRun> pending) {
        return pending.contains(plan.efficiencySource(d, Method.DENSE))
                || pending.contains(plan.efficiencySource(d, Method.MIDL));
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
