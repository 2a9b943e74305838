package io.github.midljava.experiment;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a number came from, after Tribuo's provenance objects: the code (git commit), the
 * libraries, the machine, the data (file checksums) and the configuration.
 *
 * @param gitCommit commit of the working tree, with {@code -dirty} if it had changes
 * @param djlVersion DJL version
 * @param engine engine name and version, e.g. {@code PyTorch 2.7.1}
 * @param javaVersion the JVM's version
 * @param os operating system and architecture
 * @param cpu CPU model name
 * @param availableProcessors cores the JVM sees
 * @param engineThreads intra-op threads of the engine ({@code ai.djl.pytorch.num_threads})
 * @param dataChecksums SHA-256 of every data file read
 * @param dataDescription what was loaded
 * @param config the run's configuration as key/value strings
 * @param startedAt ISO-8601 start time
 */
public record Provenance(
        String gitCommit,
        String djlVersion,
        String engine,
        String javaVersion,
        String os,
        String cpu,
        int availableProcessors,
        String engineThreads,
        Map<String, String> dataChecksums,
        String dataDescription,
        Map<String, String> config,
        String startedAt) {

    /** Captures the environment of this process now. */
    public static Provenance capture(
            Map<String, String> dataChecksums, String dataDescription, Map<String, String> config) {
        Engine engine = Engine.getInstance();
        return new Provenance(
                currentGitCommit(),
                Engine.getDjlVersion(),
                engine.getEngineName() + " " + engine.getVersion(),
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("ai.djl.pytorch.num_threads", "default"),
                dataChecksums,
                dataDescription,
                config,
                Instant.now().toString());
    }

    /**
     * System property naming the commit for a process that runs outside the checkout (a Spark
     * executor runs in its worker's folder, with the driver's classpath): the driver passes its own
     * commit there.
     */
    public static final String GIT_COMMIT_PROPERTY = "midl.gitCommit";

    /**
     * Returns {@link #GIT_COMMIT_PROPERTY} if set, else {@code git rev-parse HEAD} of the working
     * directory (+ "-dirty"), or "unknown".
     */
    public static String currentGitCommit() {
        String given = System.getProperty(GIT_COMMIT_PROPERTY);
        if (given != null && !given.isBlank()) {
            return given;
        }
        try {
            String head = run("git", "rev-parse", "HEAD");
            if (head.isEmpty()) {
                return "unknown";
            }
            String status = run("git", "status", "--porcelain", "--untracked-files=no");
            return status.isEmpty() ? head : head + "-dirty";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return "";
        }
        return out;
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
