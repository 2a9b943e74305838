package io.github.midljava;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real datasets for tests: {@code MIDL_DATA_DIR}, relative to the module or the repo. */
public final class TestData {

    private TestData() {}

    /** Returns the data root, or fails with a message saying how to point at it. */
    public static Path root() {
        String env = System.getenv("MIDL_DATA_DIR");
        if (env == null || env.isBlank()) {
            throw new IllegalStateException(
                    "MIDL_DATA_DIR is not set: run the tests as MIDL_DATA_DIR=../shared/datasets mvn -B test");
        }
        Path p = Path.of(env);
        if (!p.isAbsolute() && !Files.isDirectory(p)) {
            p = Path.of("..").resolve(env); // surefire runs in the module directory
        }
        if (!Files.isDirectory(p.resolve("mnist"))) {
            throw new IllegalStateException("MIDL_DATA_DIR=" + env + " holds no mnist/ folder");
        }
        return p.toAbsolutePath().normalize();
    }
}
