package io.github.midljava.data.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash cache keyed by path, size, modification time, inode and ctime. */
class FileHasherTest {

    @TempDir Path dir;

    @Test
    void givenKnownContent_whenHashing_thenStandardSha256() throws IOException {
        // Given "abc", whose SHA-256 is the FIPS 180-2 test vector
        Path file = Files.writeString(dir.resolve("abc.txt"), "abc");
        // When / Then
        assertThat(new FileHasher(dir.resolve("cache"), 0).sha256(file))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(dir.resolve("cache").resolve(FileHasher.CACHE_FILE_NAME)).isRegularFile();
    }

    @Test
    void givenFileRewrittenWithNewTime_whenHashingAgain_thenNewDigest() throws IOException {
        // Given a hashed file
        Path file = Files.writeString(dir.resolve("f.txt"), "abc");
        FileHasher hasher = new FileHasher(dir.resolve("cache"), 0);
        String first = hasher.sha256(file);
        // When it changes (same size, later mtime)
        Files.writeString(file, "abd");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        // Then the cache does not answer with the stale digest
        assertThat(new FileHasher(dir.resolve("cache"), 0).sha256(file)).isNotEqualTo(first);
    }

    @Test
    void givenFileChangedInPlaceWithSameSizeAndMtime_whenHashingAgain_thenTheRealDigest()
            throws Exception {
        // Given a hashed file whose digest is cached (threshold 0: every file may be cached)
        Path file = Files.writeString(dir.resolve("same.txt"), "abc");
        FileTime mtime = Files.getLastModifiedTime(file);
        Path cache = dir.resolve("cache");
        assertThat(new FileHasher(cache, 0).sha256(file))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        // When it is rewritten in place with the same size and its mtime set back; the kernel's
        // ctime clock is coarse (jiffies), so let it tick first
        Thread.sleep(30);
        Files.writeString(file, "abd");
        Files.setLastModifiedTime(file, mtime);
        assertThat(Files.size(file)).isEqualTo(3);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(mtime);
        // Then the digest is that of the new content, from this hasher and a new one alike
        String abd = "a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9";
        assertThat(new FileHasher(cache, 0).sha256(file)).isEqualTo(abd);
        assertThat(new FileHasher(cache).sha256(file)).isEqualTo(abd);
    }

    @Test
    void givenSmallFile_whenHashed_thenNotPersistedAndAlwaysHashedAgain() throws IOException {
        // Given a small file hashed with the default threshold
        Path file = Files.writeString(dir.resolve("small.txt"), "abc");
        Path cache = dir.resolve("cache");
        new FileHasher(cache).sha256(file);
        // Then it is not written to the cache file (below ALWAYS_HASH_BELOW)
        Path cacheFile = cache.resolve(FileHasher.CACHE_FILE_NAME);
        assertThat(!Files.exists(cacheFile) || !Files.readString(cacheFile).contains("small.txt"))
                .isTrue();
    }

    @Test
    void givenPersistedEntry_whenNewHasherAsks_thenItIsServedFromTheCacheFile() throws IOException {
        // Given a digest persisted by one hasher, then a forged entry for the same key
        Path file = Files.writeString(dir.resolve("g.txt"), "abc");
        Path cacheDir = dir.resolve("cache");
        new FileHasher(cacheDir, 0).sha256(file);
        Path cacheFile = cacheDir.resolve(FileHasher.CACHE_FILE_NAME);
        String text = Files.readString(cacheFile);
        assertThat(text).contains(file.toAbsolutePath().toString());
        // When / Then: a new hasher in this JVM gets the same answer (memory or file)
        assertThat(new FileHasher(cacheDir, 0).sha256(file))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
