package io.github.midljava.data.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution of the data root and cache, and lookup order. */
class DataDirectoryTest {

    @TempDir Path tmp;

    @Test
    void givenOptionAndEnvironment_whenResolving_thenOptionWins() {
        // Given --data-dir and MIDL_DATA_DIR both set
        Map<String, String> env = Map.of("MIDL_DATA_DIR", "/env/data", "MIDL_CACHE_DIR", "/env/c");
        // When
        DataDirectory d =
                DataDirectory.resolve(Path.of("/opt/data"), Path.of("/opt/cache"), env, tmp, tmp);
        // Then
        assertThat(d.root()).isEqualTo(Path.of("/opt/data"));
        assertThat(d.cache()).isEqualTo(Path.of("/opt/cache"));
        assertThat(d.rootSource()).isEqualTo("--data-dir");
    }

    @Test
    void givenOnlyEnvironment_whenResolving_thenEnvironmentWins() {
        // Given MIDL_DATA_DIR and MIDL_CACHE_DIR
        Map<String, String> env = Map.of("MIDL_DATA_DIR", "/env/data", "MIDL_CACHE_DIR", "/env/c");
        // When
        DataDirectory d = DataDirectory.resolve(null, null, env, tmp, tmp);
        // Then
        assertThat(d.root()).isEqualTo(Path.of("/env/data"));
        assertThat(d.cache()).isEqualTo(Path.of("/env/c"));
        assertThat(d.rootSource()).isEqualTo("MIDL_DATA_DIR");
    }

    @Test
    void givenNothing_whenResolving_thenHomeDefaults() {
        // Given no option, no environment; When
        DataDirectory d = DataDirectory.resolve(null, null, Map.of(), tmp, tmp);
        // Then
        assertThat(d.root()).isEqualTo(tmp.resolve(".midl/data"));
        assertThat(d.cache()).isEqualTo(tmp.resolve(".midl/cache"));
        assertThat(d.rootSource()).isEqualTo("default");
    }

    @Test
    void givenRelativeEnvironmentValidOnlyFromParent_whenResolving_thenParentIsUsed()
            throws IOException {
        // Given repo/module as cwd and ../shared/datasets existing relative to repo/
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path module = Files.createDirectories(repo.resolve("midl-data"));
        Path shared = Files.createDirectories(tmp.resolve("shared/datasets"));
        Map<String, String> env = Map.of("MIDL_DATA_DIR", "../shared/datasets");
        // When
        DataDirectory fromModule = DataDirectory.resolve(null, null, env, tmp, module);
        DataDirectory fromRepo = DataDirectory.resolve(null, null, env, tmp, repo);
        // Then both find the same folder
        assertThat(fromModule.root()).isEqualTo(shared);
        assertThat(fromRepo.root()).isEqualTo(shared);
    }

    @Test
    void givenFileInRootAndCache_whenFinding_thenRootFirstAndRelativeKeysAgree()
            throws IOException {
        // Given the same relative file in root and cache
        Path root = Files.createDirectories(tmp.resolve("root/mnist"));
        Path cache = Files.createDirectories(tmp.resolve("cache/mnist"));
        Files.writeString(root.resolve("a.gz"), "root");
        Files.writeString(cache.resolve("a.gz"), "cache");
        Files.writeString(cache.resolve("b.gz"), "cache");
        DataDirectory d = DataDirectory.of(tmp.resolve("root"), tmp.resolve("cache"));
        // When / Then
        assertThat(d.find("mnist/a.gz")).contains(root.resolve("a.gz"));
        assertThat(d.find("mnist/b.gz")).contains(cache.resolve("b.gz"));
        assertThat(d.find("mnist/c.gz")).isEmpty();
        assertThat(d.relativize(cache.resolve("b.gz"))).isEqualTo("mnist/b.gz");
        assertThat(d.relativize(root.resolve("a.gz"))).isEqualTo("mnist/a.gz");
    }
}
