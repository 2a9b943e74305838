package io.github.midljava.data.image;

import io.github.midljava.data.DatasetException;
import io.github.midljava.data.files.Causes;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes, the format of the MNIST distribution: a big-endian magic
 * number {@code 0x0000 08 D} (type 8 = unsigned byte, D = number of dimensions; 2051 for image
 * files, 2049 for label files), D big-endian 32-bit sizes, then the data in row-major order.
 */
public final class IdxReader {

    /** Magic number of an IDX file of images ({@code [N, rows, cols]} unsigned bytes). */
    public static final int IMAGES_MAGIC = 2051;

    /** Magic number of an IDX file of labels ({@code [N]} unsigned bytes). */
    public static final int LABELS_MAGIC = 2049;

    private IdxReader() {}

    /**
     * An IDX array.
     *
     * @param dims the sizes, first the item count
     * @param data the bytes, row-major
     */
    public record IdxArray(int[] dims, byte[] data) {
        /** Returns the number of items, the first dimension. */
        public int count() {
            return dims[0];
        }
    }

    /**
     * Reads a gzip-compressed IDX file (as distributed, e.g. {@code train-images-idx3-ubyte.gz}).
     *
     * @param expectedMagic {@link #IMAGES_MAGIC} or {@link #LABELS_MAGIC}
     * @throws DatasetException naming the file and the problem: not gzip, wrong magic, truncated,
     *     trailing data
     */
    public static IdxArray readGzip(Path file, int expectedMagic) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = new GZIPInputStream(new BufferedInputStream(raw), 1 << 16)) {
            return read(in, file, expectedMagic);
        } catch (ZipException | EOFException e) {
            throw new DatasetException(
                    file, Causes.describeGzip(e) + "; expected a gzipped IDX file", e);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + Causes.describe(e), e);
        }
    }

    /**
     * Reads an uncompressed IDX stream; {@code file} is only used in messages.
     *
     * @throws DatasetException naming the file and the problem
     * @throws IOException if the stream fails (a gzip layer below, for example)
     */
    public static IdxArray read(InputStream in, Path file, int expectedMagic) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int magic = readHeaderInt(data, file, "the magic number");
        if (magic != expectedMagic) {
            throw new DatasetException(
                    file,
                    "wrong magic number "
                            + magic
                            + ", expected "
                            + expectedMagic
                            + " ("
                            + describeMagic(expectedMagic)
                            + ")"
                            + (magic == IMAGES_MAGIC || magic == LABELS_MAGIC
                                    ? "; this is an IDX file of " + describeMagic(magic)
                                    : ""));
        }
        int rank = magic & 0xFF;
        int[] dims = new int[rank];
        long total = 1;
        for (int d = 0; d < rank; d++) {
            dims[d] = readHeaderInt(data, file, "dimension " + d);
            if (dims[d] < 0) {
                throw new DatasetException(
                        file, "corrupt header: dimension " + d + " is negative (" + dims[d] + ")");
            }
            total *= dims[d];
            if (total > StreamBytes.MAX_ARRAY) {
                throw new DatasetException(
                        file,
                        "implausible header: dimensions " + Arrays.toString(dims) + " exceed 2 GB");
            }
        }
        byte[] values = StreamBytes.readExactly(data, total, file, "data");
        if (data.read() >= 0) {
            throw new DatasetException(
                    file,
                    "trailing data after the "
                            + total
                            + " bytes that the header "
                            + Arrays.toString(dims)
                            + " describes");
        }
        return new IdxArray(dims, values);
    }

    private static int readHeaderInt(DataInputStream in, Path file, String what)
            throws IOException {
        // readNBytes reports a clean end of data as a short count, while an EOFException from a
        // truncated gzip layer below still propagates, so the two stay distinguishable.
        byte[] b = new byte[4];
        if (in.readNBytes(b, 0, 4) < 4) {
            throw new DatasetException(
                    file, "truncated: the file ends inside the IDX header (" + what + ")");
        }
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    private static String describeMagic(int magic) {
        return switch (magic) {
            case IMAGES_MAGIC -> "images, 3 dimensions";
            case LABELS_MAGIC -> "labels, 1 dimension";
            default -> "IDX";
        };
    }
}
