package io.github.midljava.experiment.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.RunResult;
import io.github.midljava.model.Method;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

    @TempDir Path dir;

    private final SuiteOptions options = SuiteOptionsFixture.defaults(1, DatasetId.ADULT);
    private final PlannedRun run =
            new PlannedRun(DatasetId.ADULT, new VariantCatalog(options).e1(Method.DENSE), 1);

    private static RunResult result() {
        return new RunResult(
                "adult",
                "dense",
                1,
                "quick",
                1,
                0.85,
                0.86,
                1.0,
                null,
                null,
                1,
                1,
                10,
                0.5,
                100,
                List.of(0.4),
                0,
                1,
                Map.of(),
                null,
                null,
                "MLP",
                "Linear",
                null,
                null);
    }

    @Test
    void givenSavedRun_whenLoadWithSameFingerprint_thenRoundTrips() throws IOException {
        // Given
        RunStore store = new RunStore(dir);
        Map<String, String> fp = run.fingerprint(options);
        store.clearUnfinished(run);
        store.save(
                run, new StoredRun(result(), null, new RunRecord(fp, 1.5, "t", List.of(0.5, 0.7))));

        // When
        StoredRun loaded = store.load(run, fp).orElseThrow();

        // Then
        assertThat(loaded.result().testAccuracy()).isEqualTo(0.85);
        assertThat(loaded.record().wallSeconds()).isEqualTo(1.5);
        assertThat(dir.resolve("runs/adult/dense/seed-1/result.json")).isRegularFile();
    }

    @Test
    void givenSavedRun_whenLoadWithOtherFingerprint_thenRefusesNamingTheKey() throws IOException {
        // Given
        RunStore store = new RunStore(dir);
        Map<String, String> fp = run.fingerprint(options);
        store.clearUnfinished(run);
        store.save(
                run, new StoredRun(result(), null, new RunRecord(fp, 1.5, "t", List.of(0.5, 0.7))));
        Map<String, String> other = new java.util.TreeMap<>(fp);
        other.put("plan", "TrainingPlan[epochs=9]");

        // When / Then
        assertThatThrownBy(() -> store.load(run, other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("another configuration")
                .hasMessageContaining("plan: stored");
    }

    @Test
    void givenInterruptedRun_whenClearUnfinished_thenLeftoversGoAndLoadFindsNothing()
            throws IOException {
        // Given: what a run killed before writing result.json leaves
        RunStore store = new RunStore(dir);
        Path folder = store.folder(run);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(".result.json.x1.tmp"), "{\"data");
        Files.writeString(folder.resolve("analysis.json"), "{}");
        Files.writeString(folder.resolve("model.params"), "partial");
        Files.writeString(folder.resolve("notes.txt"), "not ours to delete");

        // When
        assertThat(store.load(run, run.fingerprint(options))).isEmpty();
        store.clearUnfinished(run);

        // Then
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactly("notes.txt");
        }
    }

    @Test
    void givenFailedRunWithEmptyFolder_whenDiscarded_thenItsEmptyFoldersGoButTheRootStays()
            throws IOException {
        // Given the folder a run created before it failed, and a sibling run that finished
        RunStore store = new RunStore(dir);
        store.clearUnfinished(run);
        Path folder = store.folder(run);
        assertThat(folder).isEmptyDirectory();
        // When
        store.discardIfEmpty(run);
        // Then nothing of it is left, up to (not including) the store's root
        assertThat(dir.resolve("runs")).doesNotExist();
        assertThat(dir).isDirectory();
    }

    @Test
    void givenRunFolderWithAFile_whenDiscarded_thenKept() throws IOException {
        RunStore store = new RunStore(dir);
        store.clearUnfinished(run);
        Files.writeString(store.folder(run).resolve("notes.txt"), "keep");
        store.discardIfEmpty(run);
        assertThat(store.folder(run).resolve("notes.txt")).exists();
    }
}
