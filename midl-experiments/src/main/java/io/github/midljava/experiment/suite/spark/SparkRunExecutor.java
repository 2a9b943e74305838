package io.github.midljava.experiment.suite.spark;

import com.google.gson.JsonObject;
import io.github.midljava.data.DataOptions;
import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.Provenance;
import io.github.midljava.experiment.RunResult;
import io.github.midljava.experiment.suite.DatasetCache;
import io.github.midljava.experiment.suite.PlannedRun;
import io.github.midljava.experiment.suite.RunAnalysis;
import io.github.midljava.experiment.suite.RunBatchExecutor;
import io.github.midljava.experiment.suite.ShippedRun;
import io.github.midljava.experiment.suite.SuiteOptions;
import io.github.midljava.report.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * A {@link RunBatchExecutor} on Apache Spark: every pending run becomes one Spark job of one task
 * ({@link RunTask}); the executors train and analyse and send their outputs back; this driver
 * stores them, one by one as they arrive.
 *
 * <p>One job per run, rather than one job of many tasks, so that each finished run reaches the
 * driver (and the store) at once, and a suite interrupted on the driver keeps every run finished
 * before. Each executor has {@code threadsPerRun} cores and each task claims them all, so an
 * executor JVM trains one run at a time: the engine's global random generator and thread pool are
 * never shared between runs. A task whose executor dies is run again by Spark (up to {@code
 * spark.task.maxFailures}, 4 by default); a run that fails inside its task (bad data, a checksum
 * mismatch) is reported once and not retried.
 */
public final class SparkRunExecutor implements RunBatchExecutor {

    /** Spark settings this class sets unless {@code --conf} gives them. */
    private static final String EXECUTOR_OPTIONS = "spark.executor.extraJavaOptions";

    private final SparkSettings settings;
    private final DatasetCache driverData;
    private final PrintStream log;
    private JavaSparkContext spark;
    private SparkProgress progress;
    private final Map<String, Integer> deliveries = new LinkedHashMap<>();

    /**
     * @param settings master, threads per run, memory, extra Spark settings
     * @param driverData the driver's data: each dataset is loaded once here to take the checksums
     *     every executor must match
     * @param log progress lines (stderr)
     */
    public SparkRunExecutor(SparkSettings settings, DatasetCache driverData, PrintStream log) {
        this.settings = settings;
        this.driverData = driverData;
        this.log = log;
    }

    @Override
    public void executeAll(List<PlannedRun> runs, SuiteOptions options, Sink sink)
            throws IOException {
        Map<DatasetId, Map<String, String>> checksums = driverChecksums(runs);
        start(options.data());
        progress = new SparkProgress(log, runs.size());
        spark.sc().addSparkListener(progress);
        String optionsJson = shippedOptions(options);
        Map<JavaFutureAction<List<RunReply>>, PlannedRun> jobs = new LinkedHashMap<>();
        for (PlannedRun run : runs) {
            RunRequest request =
                    new RunRequest(
                            run.label(),
                            Json.toJson(run),
                            optionsJson,
                            new TreeMap<>(checksums.get(run.dataset())));
            spark.setLocalProperty(SparkProgress.RUN_PROPERTY, run.label());
            spark.setJobDescription(run.label());
            jobs.put(spark.parallelize(List.of(request), 1).map(new RunTask()).collectAsync(), run);
        }
        log.printf(
                "suite: %d runs submitted to Spark (%s, %d engine threads per run)%n",
                runs.size(), settings.master().url(), settings.threadsPerRun());
        while (!jobs.isEmpty()) {
            boolean any = false;
            for (Iterator<Map.Entry<JavaFutureAction<List<RunReply>>, PlannedRun>> it =
                            jobs.entrySet().iterator();
                    it.hasNext(); ) {
                Map.Entry<JavaFutureAction<List<RunReply>>, PlannedRun> e = it.next();
                if (e.getKey().isDone()) {
                    it.remove();
                    deliver(e.getValue(), e.getKey(), sink);
                    any = true;
                }
            }
            if (!any) {
                sleep(200);
            }
        }
    }

    /** Returns how many task attempts Spark lost and ran again (tests, logs). */
    public int lostAttempts() {
        return progress == null ? 0 : progress.lostAttempts();
    }

    /** Returns how many times each run was handed to the store (each must be 1). */
    public Map<String, Integer> deliveries() {
        return Map.copyOf(deliveries);
    }

    /** Returns the Spark context, once started (tests: its application id). */
    public JavaSparkContext context() {
        return spark;
    }

    /** Returns the runs in flight and the executor of each (tests, logs). */
    public Map<String, String> inFlight() {
        return progress == null ? Map.of() : progress.inFlight();
    }

    @Override
    public void close() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }

    private void deliver(PlannedRun run, Future<List<RunReply>> job, Sink sink) throws IOException {
        deliveries.merge(run.label(), 1, Integer::sum);
        RunReply reply;
        try {
            reply = job.get().get(0);
        } catch (ExecutionException e) {
            progress.failed(run.label());
            sink.failed(run, "Spark gave up: " + firstLine(e.getCause()));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + run.label(), e);
        }
        String where = progress.place(run.label());
        if (reply.error() != null) {
            progress.failed(run.label());
            sink.failed(run, (where == null ? "" : "on " + where + ": ") + reply.error());
            return;
        }
        ShippedRun out =
                new ShippedRun(
                        Json.fromJson(reply.resultJson(), RunResult.class),
                        reply.analysisJson() == null
                                ? null
                                : Json.fromJson(reply.analysisJson(), RunAnalysis.class),
                        reply.parameters(),
                        reply.wallSeconds(),
                        List.of(reply.loadAtStart(), reply.loadAtEnd()),
                        where);
        sink.finished(run, out);
        progress.stored(run.label());
    }

    /**
     * Loads each dataset of the batch once on the driver for its file checksums, and forgets it (E4
     * loads it again after the runs).
     */
    private Map<DatasetId, Map<String, String>> driverChecksums(List<PlannedRun> runs) {
        Map<DatasetId, Map<String, String>> out = new EnumMap<>(DatasetId.class);
        for (PlannedRun run : runs) {
            if (!out.containsKey(run.dataset())) {
                out.put(run.dataset(), driverData.get(run.dataset()).fileChecksums());
                driverData.release(run.dataset());
            }
        }
        return out;
    }

    /** The options as the executors get them: no progress bars (their stderr is a file). */
    private static String shippedOptions(SuiteOptions options) {
        JsonObject o = Json.gson().toJsonTree(options).getAsJsonObject();
        o.addProperty("showProgress", false);
        return Json.gson().toJson(o);
    }

    /**
     * Starts the Spark context and waits for its first executor, both within the timeout, so a
     * wrong or busy master ends with one line instead of a hang.
     */
    private void start(DataOptions data) throws IOException {
        if (spark != null) {
            return;
        }
        SparkMaster master = settings.master();
        if (master.embedded() && !loopback(System.getenv("SPARK_LOCAL_IP"))) {
            throw new IllegalArgumentException(
                    "--master "
                            + master.url()
                            + " starts a Spark master and workers in this process; set"
                            + " SPARK_LOCAL_IP=127.0.0.1 so that they listen on loopback only"
                            + " (./midl does), got SPARK_LOCAL_IP="
                            + System.getenv("SPARK_LOCAL_IP"));
        }
        master.checkReachable(settings.timeout());
        SparkConf conf = conf(data);
        ExecutorService starter =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "midl-spark-start");
                            t.setDaemon(true);
                            return t;
                        });
        try {
            spark =
                    starter.submit(() -> new JavaSparkContext(conf))
                            .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalArgumentException(
                    "--master "
                            + master.url()
                            + ": the master did not accept the application within "
                            + settings.timeout().toSeconds()
                            + " s (is it a Spark master of version 4?); see --master-timeout");
        } catch (ExecutionException e) {
            throw new IllegalArgumentException(
                    "--master "
                            + master.url()
                            + ": Spark did not start: "
                            + firstLine(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting Spark", e);
        } finally {
            starter.shutdown();
        }
        waitForExecutor();
    }

    private void waitForExecutor() {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        // getExecutorInfos lists the driver too
        while (spark.sc().statusTracker().getExecutorInfos().length < 2) {
            if (spark.sc().isStopped() || System.nanoTime() > deadline) {
                String url = settings.master().url();
                close();
                throw new IllegalArgumentException(
                        "--master "
                                + url
                                + ": no Spark executor registered within "
                                + settings.timeout().toSeconds()
                                + " s (no worker with "
                                + settings.threadsPerRun()
                                + " free cores and "
                                + settings.executorMemoryMb()
                                + " MiB? see the worker logs, --threads-per-run,"
                                + " --executor-memory, --master-timeout)");
            }
            sleep(100);
        }
    }

    /** The Spark configuration: the suite's settings, then {@code --conf} on top. */
    SparkConf conf(DataOptions data) {
        int t = settings.threadsPerRun();
        Map<String, String> c = new LinkedHashMap<>();
        c.put("spark.master", settings.master().sparkUrl(t, settings.executorMemoryMb()));
        c.put("spark.app.name", "midl experiment");
        c.put("spark.ui.enabled", "false");
        c.put("spark.ui.showConsoleProgress", "false");
        c.put("spark.speculation", "false");
        c.put("spark.task.maxFailures", "4");
        // One run per executor JVM at a time, with T engine threads and T Spark cores.
        c.put("spark.executor.cores", Integer.toString(t));
        c.put("spark.task.cpus", Integer.toString(t));
        c.put("spark.executor.memory", settings.executorMemoryMb() + "m");
        c.put("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        c.put("spark.executorEnv.OMP_NUM_THREADS", Integer.toString(t));
        c.put("spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE");
        // Executors are launched without a Spark distribution: their classpath is ours.
        c.put("spark.executorEnv.SPARK_SCALA_VERSION", "2.13");
        if (settings.master().embedded()) {
            c.put("spark.driver.host", "127.0.0.1");
            c.put("spark.driver.bindAddress", "127.0.0.1");
            Path root = driverDataRoot(data);
            if (root != null) {
                c.put("spark.executorEnv.MIDL_DATA_DIR", root.toString());
            }
        } else if (data.dataDir() != null) {
            c.put("spark.executorEnv.MIDL_DATA_DIR", data.dataDir().toAbsolutePath().toString());
        }
        c.put(
                EXECUTOR_OPTIONS,
                String.join(
                        " ",
                        "--add-modules=jdk.incubator.vector",
                        "-Xss4m",
                        "-Dai.djl.offline=true",
                        "-Dai.djl.pytorch.num_threads=" + t,
                        "-Dai.djl.pytorch.num_interop_threads=1",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-Dorg.slf4j.simpleLogger.log.org.apache.spark=error",
                        "-Dorg.slf4j.simpleLogger.log.org.apache.hadoop=error",
                        "-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error",
                        "-D"
                                + Provenance.GIT_COMMIT_PROPERTY
                                + "="
                                + Provenance.currentGitCommit()));
        Map<String, String> user = new HashMap<>(settings.conf());
        if (user.containsKey(EXECUTOR_OPTIONS)) {
            c.put(EXECUTOR_OPTIONS, c.get(EXECUTOR_OPTIONS) + " " + user.remove(EXECUTOR_OPTIONS));
        }
        c.putAll(user);
        ensureSparkHome(c.get("spark.master"));
        SparkConf conf = new SparkConf(false);
        c.forEach(conf::set);
        return conf;
    }

    /**
     * Spark's workers build an executor's command from {@code SPARK_HOME} and require a {@code
     * jars} folder there, although ours get their classpath from {@code
     * spark.executor.extraClassPath}: an empty one is created if missing.
     */
    private static void ensureSparkHome(String url) {
        String home = System.getenv("SPARK_HOME");
        if (home == null || !url.startsWith("local-cluster")) {
            return;
        }
        try {
            Files.createDirectories(Path.of(home, "jars"));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "SPARK_HOME=" + home + ": cannot create its jars folder: " + e.getMessage());
        }
    }

    /** The driver's data root, absolute (MIDL_DATA_DIR may be relative to another folder). */
    private static Path driverDataRoot(DataOptions data) {
        if (data.dataDir() != null) {
            return data.dataDir().toAbsolutePath().normalize();
        }
        String env = System.getenv("MIDL_DATA_DIR");
        return env == null || env.isBlank()
                ? null
                : Path.of(env.strip()).toAbsolutePath().normalize();
    }

    private static boolean loopback(String ip) {
        return ip != null && (ip.startsWith("127.") || ip.equals("::1") || ip.equals("localhost"));
    }

    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName()
                + (m == null ? "" : ": " + m.lines().findFirst().orElse("").strip());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
