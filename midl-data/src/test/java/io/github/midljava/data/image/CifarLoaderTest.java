package io.github.midljava.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetException;
import io.github.midljava.data.Fixtures;
import io.github.midljava.data.files.Sha256Sums;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CIFAR loading on small files in the canonical binary layout, good and bad. */
class CifarLoaderTest {

    private static final byte[] NAMES10 =
            "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n"
                    .getBytes(StandardCharsets.US_ASCII);

    @TempDir Path data;
    @TempDir Path cache;

    private static int[][] labels10(int... labels) {
        int[][] out = new int[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            out[i] = new int[] {labels[i]};
        }
        return out;
    }

    private void writeCifar10(Path root, byte[] train, byte[] test) {
        Fixtures.write(root, "cifar-10/data_batch_1.bin", train);
        Fixtures.write(root, "cifar-10/test_batch.bin", test);
        Fixtures.write(root, "cifar-10/batches.meta.txt", NAMES10);
    }

    @Test
    void givenSmallValidFiles_whenLoadingUnstandardised_thenRecordsKeepLabelsAndChwPixels() {
        // Given 3 train records (labels 2, 0, 9) and 2 test records
        writeCifar10(
                data,
                Fixtures.cifarRecords(labels10(2, 0, 9)),
                Fixtures.cifarRecords(labels10(1, 1)));
        // When
        Dataset d = CifarLoader.loadCifar10(Fixtures.offline(data, cache).withStandardize(false));
        // Then: labels in order, pixel p of record i is ((i*7 + p) % 256) / 255 at index p
        assertThat(d.train().labels()).containsExactly(2, 0, 9);
        assertThat(d.test().labels()).containsExactly(1, 1);
        assertThat(d.train().features()[3072 + 1024 + 5]).isEqualTo(((7 + 1029) % 256) / 255f);
        assertThat(d.description())
                .contains("3 train records from data_batch_1.bin", "2 test records");
        assertThat(d.fileChecksums())
                .containsOnlyKeys(
                        "cifar-10/data_batch_1.bin",
                        "cifar-10/test_batch.bin",
                        "cifar-10/batches.meta.txt");
    }

    @Test
    void givenTruncatedTestBatch_whenLoading_thenErrorNamesFileAndWrongRecordSize()
            throws IOException {
        // Given a test batch missing its last 100 bytes
        byte[] test = Fixtures.cifarRecords(labels10(1, 2));
        writeCifar10(
                data, Fixtures.cifarRecords(labels10(0)), Arrays.copyOf(test, test.length - 100));
        // When / Then
        assertThatThrownBy(() -> CifarLoader.loadCifar10(Fixtures.offline(data, cache)))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(
                        data.resolve("cifar-10/test_batch.bin") + ": wrong record size")
                .hasMessageContaining(
                        "6046 bytes is not a multiple of the 3073-byte CIFAR-10 record")
                .hasMessageContaining("truncated");
    }

    @Test
    void givenCifar100RecordsInCifar10Folder_whenLoading_thenWrongRecordSize() {
        // Given three 3074-byte CIFAR-100 records where CIFAR-10 expects 3073-byte ones
        byte[] cifar100 = Fixtures.cifarRecords(new int[][] {{1, 5}, {2, 7}, {3, 9}});
        writeCifar10(data, cifar100, Fixtures.cifarRecords(labels10(0)));
        // When / Then
        assertThatThrownBy(() -> CifarLoader.loadCifar10(Fixtures.offline(data, cache)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("data_batch_1.bin: wrong record size: 9222 bytes");
    }

    @Test
    void givenLabelOutOfRange_whenLoading_thenErrorNamesRecordAndLabel() {
        // Given a record with label 12
        writeCifar10(
                data, Fixtures.cifarRecords(labels10(3, 12)), Fixtures.cifarRecords(labels10(0)));
        // When / Then
        assertThatThrownBy(() -> CifarLoader.loadCifar10(Fixtures.offline(data, cache)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(
                        "data_batch_1.bin: record 1: label byte 0 is 12, outside 0..9");
    }

    @Test
    void givenEmptyTestBatch_whenLoading_thenErrorSaysEmpty() {
        // Given a zero-byte test batch
        writeCifar10(data, Fixtures.cifarRecords(labels10(3)), new byte[0]);
        // When / Then
        assertThatThrownBy(() -> CifarLoader.loadCifar10(Fixtures.offline(data, cache)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("test_batch.bin: empty file");
    }

    @Test
    void givenNineClassNames_whenLoading_thenErrorNamesMetaFileAndCount() {
        // Given batches.meta.txt without "truck"
        writeCifar10(data, Fixtures.cifarRecords(labels10(3)), Fixtures.cifarRecords(labels10(3)));
        Fixtures.write(
                data, "cifar-10/batches.meta.txt", Arrays.copyOf(NAMES10, NAMES10.length - 7));
        // When / Then
        assertThatThrownBy(() -> CifarLoader.loadCifar10(Fixtures.offline(data, cache)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(
                        "batches.meta.txt: expected 10 class names (one per line), found 9");
    }

    @Test
    void givenSha256SumsDisagreeing_whenLoading_thenChecksumMismatch() throws IOException {
        // Given valid files but a SHA256SUMS entry that does not fit the test batch
        writeCifar10(data, Fixtures.cifarRecords(labels10(3)), Fixtures.cifarRecords(labels10(3)));
        Files.writeString(
                data.resolve(Sha256Sums.FILE_NAME), "f".repeat(64) + "  cifar-10/test_batch.bin\n");
        // When / Then
        assertThatThrownBy(() -> CifarLoader.loadCifar10(Fixtures.offline(data, cache)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(
                        "test_batch.bin: checksum mismatch: expected " + "f".repeat(64) + ", got ");
    }

    @Test
    void givenEmptyDataDirectory_whenLoading_thenErrorNamesMissingFileAndArchiveUrl() {
        // Given nothing at all, downloads off; When / Then
        assertThatThrownBy(() -> CifarLoader.loadCifar10(Fixtures.offline(data, cache)))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(
                        data.resolve("cifar-10/data_batch_1.bin") + ": not found in")
                .hasMessageContaining("CIFAR-10 needs at least one of data_batch_1.bin")
                .hasMessageContaining("cifar-10-binary.tar.gz: not found")
                .hasMessageContaining("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz")
                .hasMessageNotContaining("\n");
    }

    @Test
    void givenOnlyTheArchiveInReadOnlyRoot_whenLoading_thenMembersAreExtractedIntoTheCache()
            throws IOException {
        // Given a cifar-10-binary.tar.gz (canonical member names) as the only file in the root
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("cifar-10-batches-bin/batches.meta.txt", NAMES10);
        for (int b = 1; b <= 5; b++) {
            members.put(
                    "cifar-10-batches-bin/data_batch_" + b + ".bin",
                    Fixtures.cifarRecords(labels10(b, b + 1)));
        }
        members.put("cifar-10-batches-bin/test_batch.bin", Fixtures.cifarRecords(labels10(0)));
        members.put("cifar-10-batches-bin/readme.html", new byte[] {1});
        Fixtures.write(data, "cifar-10/cifar-10-binary.tar.gz", Fixtures.tarGz(members));
        data.resolve("cifar-10").toFile().setWritable(false);
        try {
            // When
            Dataset d = CifarLoader.loadCifar10(Fixtures.offline(data, cache));
            // Then: all five batches read, in order; files live in the cache with recorded sums
            assertThat(d.train().labels()).containsExactly(1, 2, 2, 3, 3, 4, 4, 5, 5, 6);
            assertThat(cache.resolve("cifar-10/data_batch_5.bin")).isRegularFile();
            assertThat(Sha256Sums.read(cache))
                    .containsKeys("cifar-10/test_batch.bin", "cifar-10/batches.meta.txt");
            try (Stream<Path> list = Files.list(data.resolve("cifar-10"))) {
                assertThat(list).hasSize(1);
            }
            assertThat(d.fileChecksums()).containsKey("cifar-10/data_batch_3.bin");
        } finally {
            data.resolve("cifar-10").toFile().setWritable(true);
        }
    }

    @Test
    void givenArchiveWithoutCifarMembers_whenLoading_thenErrorSaysWhatTheArchiveLacks() {
        // Given a tar.gz of something else
        Fixtures.write(
                data,
                "cifar-10/cifar-10-binary.tar.gz",
                Fixtures.tarGz(Map.of("other/file.txt", new byte[] {1})));
        // When / Then
        assertThatThrownBy(() -> CifarLoader.loadCifar10(Fixtures.offline(data, cache)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(
                        "cifar-10-binary.tar.gz: archive lacks [cifar-10-batches-bin/");
    }

    @Test
    void givenCifar100FilesWithCoarseFlag_whenLoading_thenCoarseLabelsAndNames() {
        // Given 2 train, 1 test CIFAR-100 records and both name files
        StringBuilder fine = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            fine.append("fine").append(i).append('\n');
        }
        StringBuilder coarse = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            coarse.append("coarse").append(i).append('\n');
        }
        Fixtures.write(
                data, "cifar-100/train.bin", Fixtures.cifarRecords(new int[][] {{4, 0}, {19, 99}}));
        Fixtures.write(data, "cifar-100/test.bin", Fixtures.cifarRecords(new int[][] {{7, 50}}));
        Fixtures.write(
                data,
                "cifar-100/fine_label_names.txt",
                fine.toString().getBytes(StandardCharsets.US_ASCII));
        Fixtures.write(
                data,
                "cifar-100/coarse_label_names.txt",
                coarse.toString().getBytes(StandardCharsets.US_ASCII));
        // When
        Dataset fineSet = CifarLoader.loadCifar100(Fixtures.offline(data, cache));
        Dataset coarseSet =
                CifarLoader.loadCifar100(Fixtures.offline(data, cache).withCifar100Coarse(true));
        // Then
        assertThat(fineSet.train().labels()).containsExactly(0, 99);
        assertThat(fineSet.train().numClasses()).isEqualTo(100);
        assertThat(coarseSet.train().labels()).containsExactly(4, 19);
        assertThat(coarseSet.test().labels()).containsExactly(7);
        assertThat(coarseSet.classNames()).hasSize(20).startsWith("coarse0");
    }

    @Test
    void givenCifar100FineLabelAbove99_whenLoading_thenErrorNamesLabelByte() {
        // Given a fine label byte of 100
        Fixtures.write(data, "cifar-100/train.bin", Fixtures.cifarRecords(new int[][] {{4, 100}}));
        Fixtures.write(data, "cifar-100/test.bin", Fixtures.cifarRecords(new int[][] {{7, 50}}));
        Fixtures.write(
                data,
                "cifar-100/fine_label_names.txt",
                "a\n".repeat(100).getBytes(StandardCharsets.US_ASCII));
        Fixtures.write(
                data,
                "cifar-100/coarse_label_names.txt",
                "b\n".repeat(20).getBytes(StandardCharsets.US_ASCII));
        // When / Then
        assertThatThrownBy(() -> CifarLoader.loadCifar100(Fixtures.offline(data, cache)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("train.bin: record 0: label byte 1 is 100, outside 0..99");
    }
}
