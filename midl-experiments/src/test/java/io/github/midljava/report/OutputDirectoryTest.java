package io.github.midljava.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder's checks and lock. */
class OutputDirectoryTest {

    @TempDir Path dir;

    @Test
    void givenClaimedFolder_whenClosed_thenLockFileComesAndGoes() {
        Path out = dir.resolve("a/b");
        try (OutputDirectory o = OutputDirectory.claim(out, false, List.of("result.json"))) {
            assertThat(o.lockFile()).isRegularFile();
            assertThat(o.lockFile().getFileName().toString()).isEqualTo(".midl.lock");
        }
        assertThat(out).isDirectory();
        assertThat(out.resolve(OutputDirectory.LOCK_FILE)).doesNotExist();
    }

    @Test
    void givenManyClaimsAtOnce_whenRacing_thenExactlyOneHoldsTheFolder() throws Exception {
        // Given 8 threads released together on the same folder
        Path out = dir.resolve("race");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<OutputDirectory>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tries.add(
                    pool.submit(
                            () -> {
                                start.await();
                                try {
                                    return OutputDirectory.claim(out, false, List.of());
                                } catch (OutputException e) {
                                    return null;
                                }
                            }));
        }
        start.countDown();
        List<OutputDirectory> winners = new ArrayList<>();
        for (Future<OutputDirectory> f : tries) {
            if (f.get() != null) {
                winners.add(f.get());
            }
        }
        pool.shutdown();
        // Then exactly one claim succeeded
        assertThat(winners).hasSize(1);
        winners.get(0).close();
    }

    @Test
    void givenLockOfADeadProcessOnThisHost_whenClaiming_thenTakenOver() throws IOException {
        // Given a lock left by a process that no longer runs (pid beyond the kernel's pid_max)
        Path out = Files.createDirectories(dir.resolve("stale"));
        Files.writeString(
                out.resolve(OutputDirectory.LOCK_FILE),
                "pid=2147483000\nhost="
                        + OutputDirectory.hostName()
                        + "\nstarted=2020-01-01T00:00:00Z\n");
        // When / Then
        try (OutputDirectory o = OutputDirectory.claim(out, false, List.of())) {
            assertThat(Files.readString(o.lockFile()))
                    .contains("pid=" + ProcessHandle.current().pid());
        }
    }

    @Test
    void givenLockFromAnotherHost_whenClaiming_thenRefusedNamingTheHolder() throws IOException {
        // Given a lock whose process cannot be checked from here
        Path out = Files.createDirectories(dir.resolve("remote"));
        Files.writeString(
                out.resolve(OutputDirectory.LOCK_FILE),
                "pid=42\nhost=elsewhere.example\nstarted=2020-01-01T00:00:00Z\n");
        // When / Then
        assertThatThrownBy(() -> OutputDirectory.claim(out, false, List.of()))
                .isInstanceOf(OutputException.class)
                .hasMessage(
                        out
                                + ": in use by pid 42 on elsewhere.example since"
                                + " 2020-01-01T00:00:00Z (lock file "
                                + out.toAbsolutePath().resolve(OutputDirectory.LOCK_FILE)
                                + "); wait for it to finish or choose another --out");
    }

    @Test
    void givenPreviousResult_whenOverwriteAllowed_thenClaimedAndDeleteRemovesAFolder()
            throws IOException {
        // Given a previous result and model folder
        Path out = Files.createDirectories(dir.resolve("again/model/sub"));
        out = out.getParent().getParent();
        Files.writeString(out.resolve("result.json"), "{}");
        Files.writeString(out.resolve("model/sub/m.params"), "x");
        // When
        try (OutputDirectory o = OutputDirectory.claim(out, true, List.of("result.json"))) {
            o.delete("model");
        }
        // Then
        assertThat(out.resolve("model")).doesNotExist();
        assertThat(out.resolve("result.json")).exists();
    }
}
