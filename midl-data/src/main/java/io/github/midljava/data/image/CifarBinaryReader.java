package io.github.midljava.data.image;

import io.github.midljava.data.DatasetException;
import io.github.midljava.data.files.Causes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads files of the CIFAR "binary version": fixed-size records without a header, each some label
 * bytes followed by 3,072 pixel bytes (1,024 red, 1,024 green, 1,024 blue, each a row-major 32 × 32
 * plane, so already in {@code [C, H, W]} order). CIFAR-10 records have one label byte (3,073
 * bytes); CIFAR-100 records have a coarse and a fine label byte (3,074 bytes).
 */
public final class CifarBinaryReader {

    /** Pixel bytes per record. */
    public static final int PIXELS = 3 * 32 * 32;

    private final String format;
    private final int labelBytes;
    private final int labelIndex;
    private final int[] labelLimits;

    /**
     * Creates a reader.
     *
     * @param format the format's name for messages, e.g. {@code CIFAR-10}
     * @param labelLimits the number of classes of each label byte, e.g. {@code {10}} or {@code {20,
     *     100}}; every label byte is checked against its limit
     * @param labelIndex which label byte becomes the label (CIFAR-100: 0 coarse, 1 fine)
     */
    public CifarBinaryReader(String format, int[] labelLimits, int labelIndex) {
        if (labelIndex < 0 || labelIndex >= labelLimits.length) {
            throw new IllegalArgumentException(
                    "labelIndex " + labelIndex + " outside 0.." + (labelLimits.length - 1));
        }
        this.format = format;
        this.labelBytes = labelLimits.length;
        this.labelIndex = labelIndex;
        this.labelLimits = labelLimits.clone();
    }

    /** Returns a CIFAR-10 reader (one label byte, 10 classes). */
    public static CifarBinaryReader cifar10() {
        return new CifarBinaryReader("CIFAR-10", new int[] {10}, 0);
    }

    /** Returns a CIFAR-100 reader (coarse byte, 20 classes; fine byte, 100 classes). */
    public static CifarBinaryReader cifar100(boolean coarse) {
        return new CifarBinaryReader("CIFAR-100", new int[] {20, 100}, coarse ? 0 : 1);
    }

    /** Returns the record size in bytes. */
    public int recordSize() {
        return labelBytes + PIXELS;
    }

    /** Returns the number of classes of the chosen label. */
    public int numClasses() {
        return labelLimits[labelIndex];
    }

    /**
     * Reads all records of {@code files}, in order.
     *
     * @throws DatasetException {@code "<file>: wrong record size: ..."} if a file's size is not a
     *     multiple of the record size, or a label is out of range
     */
    public RawImages read(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            total += checkedRecordCount(file);
        }
        if (total * PIXELS > StreamBytes.MAX_ARRAY) {
            throw new DatasetException(
                    files.get(0), total + " records are too many to hold in one array");
        }
        byte[] pixels = new byte[(int) total * PIXELS];
        int[] labels = new int[(int) total];
        int next = 0;
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new DatasetException(file, "cannot read: " + Causes.describe(e), e);
            }
            next = parse(file, bytes, pixels, labels, next);
        }
        return new RawImages(pixels, labels, 3, 32, 32);
    }

    /** Parses the records of one file's {@code bytes} into the arrays from record {@code at}. */
    int parse(Path file, byte[] bytes, byte[] pixels, int[] labels, int at) {
        checkSize(file, bytes.length);
        int records = bytes.length / recordSize();
        for (int r = 0; r < records; r++) {
            int offset = r * recordSize();
            for (int b = 0; b < labelBytes; b++) {
                int label = bytes[offset + b] & 0xFF;
                if (label >= labelLimits[b]) {
                    throw new DatasetException(
                            file,
                            "record "
                                    + r
                                    + ": label byte "
                                    + b
                                    + " is "
                                    + label
                                    + ", outside 0.."
                                    + (labelLimits[b] - 1)
                                    + " (not a "
                                    + format
                                    + " binary file?)");
                }
            }
            labels[at + r] = bytes[offset + labelIndex] & 0xFF;
            System.arraycopy(bytes, offset + labelBytes, pixels, (at + r) * PIXELS, PIXELS);
        }
        return at + records;
    }

    private long checkedRecordCount(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + Causes.describe(e), e);
        }
        checkSize(file, size);
        return size / recordSize();
    }

    private void checkSize(Path file, long size) {
        if (size == 0) {
            throw new DatasetException(file, "empty file: no " + format + " records");
        }
        if (size % recordSize() != 0) {
            throw new DatasetException(
                    file,
                    "wrong record size: "
                            + size
                            + " bytes is not a multiple of the "
                            + recordSize()
                            + "-byte "
                            + format
                            + " record ("
                            + labelBytes
                            + " label byte"
                            + (labelBytes > 1 ? "s" : "")
                            + " + 3072 pixel bytes): truncated, or not a "
                            + format
                            + " binary file ("
                            + size / recordSize()
                            + " whole records and "
                            + size % recordSize()
                            + " extra bytes)");
        }
    }
}
