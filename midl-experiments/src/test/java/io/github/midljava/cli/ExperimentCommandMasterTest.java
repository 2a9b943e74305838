package io.github.midljava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Bad {@code --master} input fails with one line and exit code 2: an unknown URL at once, Spark
 * options without {@code --master}, and a master that never answers after {@code --master-timeout}.
 */
class ExperimentCommandMasterTest {

    @TempDir Path out;

    private record Result(int exit, String err) {}

    private Result run(String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "experiment",
                                "e1",
                                "--datasets",
                                "adult",
                                "--seeds",
                                "1",
                                "--out",
                                out.toString()));
        args.addAll(List.of(extra));
        CommandLine cl = MidlCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args.toArray(String[]::new));
        return new Result(exit, err.toString());
    }

    @Test
    void givenUnknownMasterUrl_whenExperiment_thenOneLineAndExitCode2() {
        Result r = run("--master", "mesos://127.0.0.1:5050");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip())
                .startsWith("midl: error: --master: unknown master URL 'mesos://127.0.0.1:5050'")
                .doesNotContain("\n");
    }

    @Test
    void givenSparkOptionWithoutMaster_whenExperiment_thenOneLineAndExitCode2() {
        Result r = run("--threads-per-run", "2");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("midl: error: --threads-per-run needs --master");
    }

    @Test
    void givenMasterThatNeverAnswers_whenExperiment_thenTimesOutWithOneLineAndExitCode2()
            throws Exception {
        // Given: a loopback server that accepts connections and never answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor =
                    new Thread(
                            () -> {
                                try {
                                    while (true) {
                                        held.add(silent.accept());
                                    }
                                } catch (IOException e) {
                                    // closed at the end of the test
                                }
                            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "spark://127.0.0.1:" + silent.getLocalPort();

            // When: the CLI runs in its own JVM (Spark keeps trying in the background until it
            // gives up; the process exit ends that)
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
            cmd.addAll(
                    List.of(
                            "-Xmx512m",
                            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                            "-Dorg.slf4j.simpleLogger.log.org.apache.spark=error",
                            "-Dorg.slf4j.simpleLogger.log.org.apache.hadoop=error",
                            "-cp",
                            System.getProperty("java.class.path"),
                            MidlCli.class.getName(),
                            "experiment",
                            "e1",
                            "--datasets",
                            "adult",
                            "--seeds",
                            "1",
                            "--methods",
                            "dense",
                            "--out",
                            out.toString(),
                            "--master",
                            url,
                            "--master-timeout",
                            "3"));
            Path err = out.resolve("stderr.txt");
            ProcessBuilder pb =
                    new ProcessBuilder(cmd)
                            .redirectError(err.toFile())
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            Process p = pb.start();
            boolean exited = p.waitFor(120, TimeUnit.SECONDS);
            if (!exited) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            for (Socket s : held) {
                s.close();
            }

            // Then
            assertThat(exited).as("the CLI ends by itself").isTrue();
            assertThat(p.exitValue()).isEqualTo(2);
            List<String> lines =
                    Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                            .filter(l -> l.startsWith("midl: error:") || l.startsWith("\tat "))
                            .toList();
            assertThat(lines)
                    .containsExactly(
                            "midl: error: --master "
                                    + url
                                    + ": the master did not accept the application within 3 s"
                                    + " (is it a Spark master of version 4?); see"
                                    + " --master-timeout");
        }
    }
}
