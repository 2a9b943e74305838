package io.github.midljava.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.midljava.data.image.CifarBinaryReader;
import io.github.midljava.data.image.IdxReader;
import io.github.midljava.data.image.SvhnMatReader;
import io.github.midljava.data.text.ImdbReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sink;
import us.hebi.matlab.mat.types.Sinks;

/**
 * Property: every binary parser, fed arbitrary bytes, either parses them or throws a {@link
 * DatasetException} naming the file, never another exception type. Inputs (seeded, 200 per parser)
 * are a mix of pure noise, valid files with random bytes flipped, and valid files cut at a random
 * length, so the parsers are exercised past their first header check.
 */
class ParserFuzzTest {

    private static final int CASES = 200;

    @TempDir Path dir;

    /** Returns a random variation of {@code valid}: noise, a mutation, or a truncation. */
    private static byte[] variant(Random random, byte[] valid, int i) {
        switch (i % 4) {
            case 0 -> {
                byte[] noise = new byte[random.nextInt(4096)];
                random.nextBytes(noise);
                return noise;
            }
            case 1, 2 -> {
                byte[] mutated = valid.clone();
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips && mutated.length > 0; f++) {
                    // Bias flips towards headers, where the interesting decisions are.
                    int at =
                            random.nextBoolean()
                                    ? random.nextInt(Math.min(mutated.length, 256))
                                    : random.nextInt(mutated.length);
                    mutated[at] = (byte) random.nextInt(256);
                }
                return mutated;
            }
            default -> {
                return Arrays.copyOf(valid, random.nextInt(valid.length + 1));
            }
        }
    }

    private void fuzz(String name, byte[] valid, long seed, Consumer<Path> parser) {
        Random random = new Random(seed);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] bytes = variant(random, valid, i);
            Path file = Fixtures.write(dir, name + "-" + i, bytes);
            try {
                parser.accept(file);
                parsed++;
            } catch (DatasetException e) {
                assertThat(e.getMessage()).as("case %d", i).contains(file.toString());
                rejected++;
            } catch (RuntimeException | Error e) {
                fail("case " + i + " of " + name + " (" + bytes.length + " bytes) threw " + e, e);
            }
        }
        assertThat(parsed + rejected).isEqualTo(CASES);
        assertThat(rejected).as("noise and truncations must be rejected").isPositive();
    }

    @Test
    void givenRandomBytes_whenParsingGzippedIdx_thenOnlyDatasetExceptions() {
        // Given a valid gzipped IDX image file of 3 images
        byte[] valid =
                Fixtures.gzip(
                        Fixtures.idx(
                                IdxReader.IMAGES_MAGIC, new int[] {3, 28, 28}, new byte[3 * 784]));
        // When / Then
        fuzz("idx-gz", valid, 1, f -> IdxReader.readGzip(f, IdxReader.IMAGES_MAGIC));
    }

    @Test
    void givenRandomBytes_whenParsingRawIdxStream_thenOnlyDatasetExceptions() {
        // Given a valid uncompressed IDX labels stream (headers mutate into huge dims here)
        byte[] valid = Fixtures.idx(IdxReader.LABELS_MAGIC, new int[] {50}, new byte[50]);
        // When / Then
        fuzz(
                "idx-raw",
                valid,
                2,
                f -> {
                    try (var in = Files.newInputStream(f)) {
                        IdxReader.read(in, f, IdxReader.LABELS_MAGIC);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Test
    void givenRandomBytes_whenParsingCifarRecords_thenOnlyDatasetExceptions() {
        // Given two valid CIFAR-100 records
        byte[] valid = Fixtures.cifarRecords(new int[][] {{3, 30}, {19, 99}});
        // When / Then
        fuzz("cifar", valid, 3, f -> CifarBinaryReader.cifar100(false).read(List.of(f)));
    }

    @Test
    void givenRandomBytes_whenParsingMat_thenOnlyDatasetExceptions() throws IOException {
        // Given a valid (compressed) SVHN-layout MAT file of 2 images
        Matrix x = Mat5.newMatrix(new int[] {32, 32, 3, 2}, MatlabType.UInt8);
        Matrix y = Mat5.newMatrix(2, 1, MatlabType.Double);
        y.setDouble(0, 0, 10);
        y.setDouble(1, 0, 3);
        Path validFile = dir.resolve("valid.mat");
        Mat5.writeToFile(Mat5.newMatFile().addArray("X", x).addArray("y", y), validFile.toFile());
        byte[] valid = Files.readAllBytes(validFile);
        // When / Then
        fuzz("mat", valid, 4, SvhnMatReader::read);
    }

    @Test
    void givenRandomBytes_whenParsingUncompressedMat_thenOnlyDatasetExceptions()
            throws IOException {
        // Given an uncompressed MAT file, whose length fields a flip can make huge
        Matrix x = Mat5.newMatrix(new int[] {32, 32, 3, 1}, MatlabType.UInt8);
        Matrix y = Mat5.newMatrix(1, 1, MatlabType.Double);
        y.setDouble(0, 0, 1);
        Path validFile = dir.resolve("plain.mat");
        try (Sink sink = Sinks.newStreamingFile(validFile.toFile())) {
            Mat5.newWriter(sink)
                    .setDeflateLevel(Deflater.NO_COMPRESSION)
                    .writeMat(Mat5.newMatFile().addArray("X", x).addArray("y", y));
        }
        byte[] valid = Files.readAllBytes(validFile);
        // When / Then
        fuzz("mat-plain", valid, 5, SvhnMatReader::read);
    }

    @Test
    void givenRandomBytes_whenParsingImdbTarGz_thenOnlyDatasetExceptions() {
        // Given a valid aclImdb-layout archive with one review per split and class
        byte[] valid =
                Fixtures.tarGz(
                        Map.of(
                                "aclImdb/train/pos/0_9.txt", "good".getBytes(),
                                "aclImdb/train/neg/0_1.txt", "bad".getBytes(),
                                "aclImdb/test/pos/0_8.txt", "fine".getBytes(),
                                "aclImdb/test/neg/0_2.txt", "poor".getBytes()));
        // When / Then
        fuzz("imdb", valid, 6, f -> ImdbReader.readArchive(f, "fuzz"));
    }
}
