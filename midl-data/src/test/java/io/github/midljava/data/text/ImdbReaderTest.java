package io.github.midljava.data.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetException;
import io.github.midljava.data.Fixtures;
import io.github.midljava.data.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The aclImdb layout from archives and folders, good and bad. */
class ImdbReaderTest {

    @TempDir Path dir;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A tiny corpus: two reviews per split and class, plus files the reader must ignore. */
    private static Map<String, byte[]> tinyCorpus() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("aclImdb/README", text("readme"));
        files.put("aclImdb/train/pos/1_10.txt", text("Great great film.<br /><br />Loved it"));
        files.put("aclImdb/train/pos/0_9.txt", text("A great movie"));
        files.put("aclImdb/train/neg/0_1.txt", text("Awful, boring film"));
        files.put("aclImdb/train/neg/1_2.txt", text("Boring"));
        files.put("aclImdb/train/unsup/0_0.txt", text("ignored"));
        files.put("aclImdb/test/pos/0_8.txt", text("great"));
        files.put("aclImdb/test/neg/0_3.txt", text("boring boring"));
        return files;
    }

    @Test
    void givenArchiveInLayout_whenReading_thenReviewsSortedAndOthersIgnored() {
        // Given a tar.gz of the tiny corpus
        Path archive = Fixtures.write(dir, "a.tar.gz", Fixtures.tarGz(tinyCorpus()));
        // When
        ImdbCorpus corpus = ImdbReader.readArchive(archive, "a.tar.gz");
        // Then: negatives first, each by id
        assertThat(corpus.train())
                .extracting(Review::path)
                .containsExactly(
                        "train/neg/0_1.txt",
                        "train/neg/1_2.txt",
                        "train/pos/0_9.txt",
                        "train/pos/1_10.txt");
        assertThat(corpus.test()).extracting(Review::label).containsExactly(0, 1);
        assertThat(corpus.train().get(3).rating()).isEqualTo(10);
    }

    @Test
    void givenTarGzOfAnotherLayout_whenReading_thenErrorSaysNotAclImdbLayout() {
        // Given a tar.gz with reviews under the wrong top folder
        Path archive =
                Fixtures.write(
                        dir,
                        "other.tar.gz",
                        Fixtures.tarGz(Map.of("reviews/train/pos/0_9.txt", text("x"))));
        // When / Then
        assertThatThrownBy(() -> ImdbReader.readArchive(archive, "other.tar.gz"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("other.tar.gz: not the aclImdb layout: no aclImdb/")
                .hasMessageContaining("reviews/train/pos/0_9.txt");
    }

    @Test
    void givenArchiveWithoutTrainNegatives_whenReading_thenErrorNamesMissingClass() {
        // Given the corpus minus train/neg
        Map<String, byte[]> files = tinyCorpus();
        files.keySet().removeIf(k -> k.startsWith("aclImdb/train/neg/"));
        Path archive = Fixtures.write(dir, "noneg.tar.gz", Fixtures.tarGz(files));
        // When / Then
        assertThatThrownBy(() -> ImdbReader.readArchive(archive, "noneg.tar.gz"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(
                        "noneg.tar.gz: not the aclImdb layout: no reviews in train/neg");
    }

    @Test
    void givenPlainTarNotGzip_whenReading_thenErrorSaysNotGzip() throws IOException {
        // Given text bytes
        Path archive = Files.writeString(dir.resolve("plain.tar.gz"), "just text");
        // When / Then
        assertThatThrownBy(() -> ImdbReader.readArchive(archive, "plain.tar.gz"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("plain.tar.gz: not a gzip file");
    }

    @Test
    void givenTruncatedArchive_whenReading_thenErrorSaysCorruptOrTruncated() throws IOException {
        // Given the real subset archive cut to its first 100 kB
        byte[] head =
                Arrays.copyOf(
                        Files.readAllBytes(TestData.root().resolve("imdb/aclImdb_subset.tar.gz")),
                        100_000);
        Path archive = Files.write(dir.resolve("cut.tar.gz"), head);
        // When / Then
        assertThatThrownBy(() -> ImdbReader.readArchive(archive, "cut.tar.gz"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("cut.tar.gz: truncated gzip data");
    }

    @Test
    void givenExtractedFolder_whenLoading_thenSameReviewsAndFolderDigestRecorded() {
        // Given the tiny corpus extracted to imdb/aclImdb/
        Path data = dir.resolve("data");
        tinyCorpus().forEach((name, bytes) -> Fixtures.write(data.resolve("imdb"), name, bytes));
        // When
        Dataset fromFolder = ImdbLoader.load(Fixtures.offline(data, dir.resolve("cache")));
        // Then
        assertThat(fromFolder.train().size()).isEqualTo(4);
        assertThat(fromFolder.test().labels()).containsExactly(0, 1);
        assertThat(fromFolder.fileChecksums()).containsOnlyKeys("imdb/aclImdb/");
        assertThat(fromFolder.description()).contains("from imdb/aclImdb/");
        // the vocabulary holds the 8 distinct train words; "ignored" (train/unsup) is not read
        assertThat(fromFolder.train().sampleShape()).containsExactly(8);
    }

    @Test
    void givenFolderWithoutTestPos_whenLoading_thenErrorNamesMissingFolder() {
        // Given a folder layout lacking test/pos
        Path data = dir.resolve("data");
        tinyCorpus().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("aclImdb/test/pos/"))
                .forEach(e -> Fixtures.write(data.resolve("imdb"), e.getKey(), e.getValue()));
        // When / Then
        assertThatThrownBy(() -> ImdbLoader.load(Fixtures.offline(data, dir.resolve("cache"))))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("pos: not the aclImdb layout: folder test/pos is missing");
    }

    @Test
    void givenEmptyDataDirectory_whenLoading_thenErrorNamesArchiveUrlAndAlternatives() {
        // Given nothing; When / Then
        assertThatThrownBy(() -> ImdbLoader.load(Fixtures.offline(dir, dir.resolve("cache"))))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("imdb/aclImdb_v1.tar.gz: not found")
                .hasMessageContaining(
                        "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz")
                .hasMessageContaining(
                        "also looked for imdb/aclImdb/ and imdb/aclImdb_subset.tar.gz")
                .hasMessageNotContaining("\n");
    }
}
