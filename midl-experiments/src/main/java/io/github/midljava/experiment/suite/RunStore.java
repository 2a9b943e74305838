package io.github.midljava.experiment.suite;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.RunResult;
import io.github.midljava.experiment.suite.efficiency.EfficiencyResult;
import io.github.midljava.report.AtomicFiles;
import io.github.midljava.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The suite's files: one folder per run, {@code <out>/runs/<dataset>/<variant>/seed-<s>/}, holding
 * {@code analysis.json}, {@code model.params} and {@code run.json}, then {@code result.json}.
 *
 * <p>Every file is written atomically and {@code result.json} last, so it marks a finished run: a
 * folder without it belongs to an interrupted run, whose leftovers (temporary files included) are
 * deleted before the run starts again. A finished run is reused only if its stored fingerprint
 * equals the planned one.
 */
public final class RunStore {

    /** The result file; its presence marks a finished run. */
    public static final String RESULT = "result.json";

    /** The E2 measures. */
    public static final String ANALYSIS = "analysis.json";

    /** Fingerprint and wall time. */
    public static final String RECORD = "run.json";

    /** Trained weights kept for E4. */
    public static final String PARAMETERS = "model.params";

    private final Path root;

    /** Creates a store under the suite's output folder {@code root}. */
    public RunStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** Returns the suite's output folder. */
    public Path root() {
        return root;
    }

    /** Returns the folder of a run. */
    public Path folder(PlannedRun run) {
        return root.resolve(run.relativeFolder());
    }

    /**
     * Returns the stored run, or empty if it has not finished.
     *
     * @throws IllegalArgumentException if the folder holds a finished run of another configuration
     */
    public Optional<StoredRun> load(PlannedRun run, Map<String, String> fingerprint)
            throws IOException {
        Path dir = folder(run);
        if (!Files.isRegularFile(dir.resolve(RESULT))) {
            return Optional.empty();
        }
        Path recordFile = dir.resolve(RECORD);
        RunRecord record =
                Files.isRegularFile(recordFile) ? Json.read(recordFile, RunRecord.class) : null;
        if (record == null || !fingerprint.equals(record.fingerprint())) {
            throw new IllegalArgumentException(
                    dir
                            + " holds a finished run of another configuration ("
                            + difference(
                                    fingerprint, record == null ? Map.of() : record.fingerprint())
                            + "); choose another --out or delete that folder");
        }
        RunResult result = Json.read(dir.resolve(RESULT), RunResult.class);
        Path analysisFile = dir.resolve(ANALYSIS);
        RunAnalysis analysis =
                Files.isRegularFile(analysisFile)
                        ? Json.read(analysisFile, RunAnalysis.class)
                        : null;
        return Optional.of(new StoredRun(result, analysis, record));
    }

    /**
     * Prepares the folder of a run that has not finished: creates it and deletes what an
     * interrupted attempt left (temporary files and files written before its result).
     */
    public void clearUnfinished(PlannedRun run) throws IOException {
        Path dir = folder(run);
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve(RESULT))) {
            throw new IllegalStateException(
                    "run " + run.label() + " has finished; refusing to clear " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                boolean leftover =
                        name.equals(ANALYSIS)
                                || name.equals(RECORD)
                                || name.equals(PARAMETERS)
                                || (name.startsWith(".") && name.endsWith(".tmp"));
                if (leftover && Files.isRegularFile(p)) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * Removes the folder of a run that failed if it holds nothing, and its parents up to the
     * store's root while they are empty, so a failed run leaves no empty folders behind.
     */
    public void discardIfEmpty(PlannedRun run) throws IOException {
        Path top = root.toAbsolutePath().normalize();
        for (Path dir = folder(run).toAbsolutePath().normalize();
                dir != null && dir.startsWith(top) && !dir.equals(top);
                dir = dir.getParent()) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(dir);
        }
    }

    /** Stores a finished run: the analysis and record first, the result last. */
    public void save(PlannedRun run, StoredRun stored) throws IOException {
        Path dir = folder(run);
        if (stored.analysis() != null) {
            Json.write(dir.resolve(ANALYSIS), stored.analysis());
        }
        Json.write(dir.resolve(RECORD), stored.record());
        Json.write(dir.resolve(RESULT), stored.result());
    }

    /** Writes the trained weights of a run computed elsewhere (atomically, before its result). */
    public void saveParameters(PlannedRun run, byte[] parameters) throws IOException {
        AtomicFiles.writeBytes(parameters(run), parameters);
    }

    /** Returns the trained weights a run kept for E4. */
    public Path parameters(PlannedRun run) {
        return folder(run).resolve(PARAMETERS);
    }

    /** Returns the file of a dataset's E4 benchmark. */
    public Path efficiencyFile(DatasetId dataset) {
        return root.resolve("runs")
                .resolve(dataset.cliName())
                .resolve("e4-efficiency")
                .resolve(RESULT);
    }

    /**
     * Returns the stored E4 benchmark if its fingerprint equals {@code fingerprint}, else empty.
     */
    public Optional<EfficiencyResult> loadEfficiency(
            DatasetId dataset, Map<String, String> fingerprint) throws IOException {
        Path file = efficiencyFile(dataset);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        EfficiencyResult r = Json.read(file, EfficiencyResult.class);
        // A benchmark is cheap and has no seed: a stale one (other weights, modes or batch sizes)
        // is measured again rather than refused.
        return fingerprint.equals(r.fingerprint()) ? Optional.of(r) : Optional.empty();
    }

    /** Stores a dataset's E4 benchmark. */
    public void saveEfficiency(DatasetId dataset, EfficiencyResult result) throws IOException {
        Json.write(efficiencyFile(dataset), result);
    }

    private static String difference(Map<String, String> planned, Map<String, String> stored) {
        TreeSet<String> keys = new TreeSet<>(planned.keySet());
        keys.addAll(stored.keySet());
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            String a = planned.get(k);
            String b = stored.get(k);
            if (!Objects.equals(a, b)) {
                if (sb.length() > 0) {
                    sb.append("; ");
                }
                sb.append(k).append(": stored ").append(b).append(", planned ").append(a);
            }
        }
        return sb.length() == 0 ? "no run.json" : sb.toString();
    }
}
