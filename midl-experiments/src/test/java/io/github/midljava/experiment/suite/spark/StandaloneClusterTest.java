package io.github.midljava.experiment.suite.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.midljava.experiment.suite.DatasetCache;
import io.github.midljava.experiment.suite.SuiteOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on this machine: a master and two workers, each a separate JVM
 * started from the project's classpath, listening on loopback at free ports, stopped (with the
 * executors they launched) after the tests. The tiny plan stores exactly the in-process results;
 * with an executor JVM killed while its run is in flight, Spark runs it again and the suite still
 * stores every run once.
 */
class StandaloneClusterTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir static Path dir;

    private static final List<Process> cluster = new ArrayList<>();
    private static String masterUrl;

    @BeforeAll
    static void startCluster() throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("spark-home/jars"));
        int port = freePort();
        cluster.add(
                jvm(
                        "org.apache.spark.deploy.master.Master",
                        home.getParent(),
                        "master",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--webui-port",
                        "0"));
        awaitListening(port);
        masterUrl = "spark://127.0.0.1:" + port;
        for (int w = 1; w <= 2; w++) {
            cluster.add(
                    jvm(
                            "org.apache.spark.deploy.worker.Worker",
                            home.getParent(),
                            "worker-" + w,
                            "--host",
                            "127.0.0.1",
                            "--port",
                            "0",
                            "--webui-port",
                            "0",
                            "--cores",
                            Integer.toString(TinyPlan.THREADS),
                            "--memory",
                            "2g",
                            "--work-dir",
                            dir.resolve("work-" + w).toString(),
                            masterUrl));
        }
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : cluster) {
            all.addAll(p.descendants().toList());
            all.add(p.toHandle());
        }
        for (ProcessHandle p : all) {
            p.destroy();
        }
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        assertThat(all).as("nothing of the cluster left running").noneMatch(ProcessHandle::isAlive);
    }

    private static SparkSettings standalone() {
        return SparkSettings.defaults(SparkMaster.parse(masterUrl))
                .withThreadsPerRun(TinyPlan.THREADS)
                .withTimeout(START_TIMEOUT);
    }

    @Test
    void givenTwoWorkerCluster_whenTinyPlan_thenStoresExactlyTheInProcessResults()
            throws IOException {
        // Given
        SuiteOutcome expected = TinyPlan.inProcess(dir.resolve("in-process"));

        // When
        SuiteOutcome actual;
        try (SparkRunExecutor spark =
                new SparkRunExecutor(
                        standalone(),
                        new DatasetCache(TinyPlan.options().data(), 1000),
                        System.err)) {
            actual = TinyPlan.distributed(spark, dir.resolve("standalone"), System.err);
        }

        // Then
        TinyPlan.assertSameResults(actual, expected);
        TinyPlan.assertNoUnfinishedFolder(dir.resolve("standalone"), 3);
    }

    @Test
    void givenExecutorKilledMidRun_whenSuiteRuns_thenRetriedAndEveryRunStoredOnce()
            throws Exception {
        // Given
        SuiteOutcome expected = TinyPlan.inProcess(dir.resolve("in-process"));
        Path out = dir.resolve("fault");
        SparkRunExecutor spark =
                new SparkRunExecutor(
                        standalone(),
                        new DatasetCache(TinyPlan.options().data(), 1000),
                        System.err);
        try (spark) {
            CompletableFuture<SuiteOutcome> suite =
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return TinyPlan.distributed(spark, out, System.err);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });

            // When: the executor of the first run in flight is killed by its PID
            ProcessHandle executor = awaitExecutorInFlight(spark);
            long pid = executor.pid();
            assertThat(executor.destroyForcibly()).isTrue();
            executor.onExit().get(30, TimeUnit.SECONDS);
            SuiteOutcome outcome = suite.get(5, TimeUnit.MINUTES);

            // Then
            assertThat(spark.lostAttempts()).as("attempts lost with executor " + pid).isPositive();
            assertThat(spark.deliveries()).hasSize(3).allSatisfy((run, n) -> assertThat(n).isOne());
            TinyPlan.assertSameResults(outcome, expected);
            TinyPlan.assertNoUnfinishedFolder(out, 3);
        }
    }

    /** Waits for a run in flight and returns the JVM of its executor. */
    private static ProcessHandle awaitExecutorInFlight(SparkRunExecutor spark)
            throws InterruptedException {
        Pattern executorId = Pattern.compile("executor (\\S+) ");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos() * 2;
        while (System.nanoTime() < deadline) {
            for (String place : spark.inFlight().values()) {
                Matcher m = executorId.matcher(place);
                if (m.find() && spark.context() != null) {
                    Optional<ProcessHandle> p =
                            executorProcess(spark.context().sc().applicationId(), m.group(1));
                    if (p.isPresent()) {
                        return p.get();
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no run went in flight within " + START_TIMEOUT.multipliedBy(2));
    }

    private static Optional<ProcessHandle> executorProcess(String appId, String executorId) {
        return ProcessHandle.allProcesses()
                .filter(
                        p -> {
                            List<String> args = commandLine(p);
                            int i = args.indexOf("--executor-id");
                            return args.contains(
                                            "org.apache.spark.executor.CoarseGrainedExecutorBackend")
                                    && args.contains(appId)
                                    && i >= 0
                                    && i + 1 < args.size()
                                    && args.get(i + 1).equals(executorId);
                        })
                .findFirst();
    }

    /**
     * The whole command line from /proc ({@code ProcessHandle.Info.arguments()} is empty for the
     * executors' long command lines).
     */
    private static List<String> commandLine(ProcessHandle p) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\\u0000"));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Process jvm(String mainClass, Path sparkHome, String name, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        cmd.add("-Xmx256m");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        cmd.add("-Dspark.master.rest.enabled=false");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb =
                new ProcessBuilder(cmd)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the Spark master did not listen on " + port + " in time");
    }
}
