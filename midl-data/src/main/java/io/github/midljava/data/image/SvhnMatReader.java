package io.github.midljava.data.image;

import io.github.midljava.data.DatasetException;
import io.github.midljava.data.files.Causes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import us.hebi.matlab.mat.format.BufferAllocator;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Source;
import us.hebi.matlab.mat.types.Sources;

/**
 * Reads an SVHN cropped-digits file ({@code train_32x32.mat}, {@code test_32x32.mat}): a MATLAB v5
 * MAT file with a {@code uint8} array {@code X} of size {@code [32, 32, 3, N]} (row, column,
 * colour, image; stored column-major, so the row index varies fastest) and a label array {@code y}
 * of size {@code [N, 1]} whose values are 1–10, 10 standing for the digit 0. Images come out as
 * {@code [N, 3, 32, 32]} with labels 0–9.
 */
public final class SvhnMatReader {

    private static final int SIDE = 32;
    private static final int HEADER = 128;

    /**
     * Arrays larger than this multiple of the file size cannot come out of a real file: SVHN's
     * pixels compress by about 1.3x; the bound stops a corrupt length field from allocating
     * gigabytes.
     */
    private static final long MAX_EXPANSION = 64;

    private SvhnMatReader() {}

    /**
     * Reads {@code file}.
     *
     * @throws DatasetException naming the file and the problem: not a MAT v5 file, no {@code X} or
     *     {@code y}, wrong shape or type, label out of range, corrupt content
     */
    public static RawImages read(Path file) {
        long size = checkHeader(file);
        long limit = Math.max(1 << 20, Math.min(Integer.MAX_VALUE, size * MAX_EXPANSION));
        try (Source source = Sources.openFile(file.toFile());
                Mat5File mat =
                        Mat5.newReader(source)
                                .setEntryFilter(
                                        h -> "X".equals(h.getName()) || "y".equals(h.getName()))
                                .setBufferAllocator(new BoundedAllocator(limit))
                                .disableSubsystemProcessing()
                                .readMat()) {
            return convert(file, mat);
        } catch (DatasetException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DatasetException(
                    file, "corrupt or truncated MAT v5 file (" + Causes.describe(e) + ")", e);
        }
    }

    /** Checks the 128-byte MAT v5 header and returns the file size. */
    private static long checkHeader(Path file) {
        byte[] header = new byte[HEADER];
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            int n = in.readNBytes(header, 0, HEADER);
            if (n < HEADER) {
                throw new DatasetException(
                        file,
                        "not a MAT v5 file: " + n + " bytes, shorter than the 128-byte MAT header");
            }
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + Causes.describe(e), e);
        }
        String text = new String(header, 0, 116, StandardCharsets.ISO_8859_1);
        if (text.startsWith("MATLAB 7.3")) {
            throw new DatasetException(
                    file, "not a MAT v5 file: MAT v7.3 (HDF5) is not supported; save it with -v7");
        }
        boolean little = header[126] == 'I' && header[127] == 'M';
        boolean big = header[126] == 'M' && header[127] == 'I';
        if (!little && !big) {
            throw new DatasetException(
                    file,
                    "not a MAT v5 file: no endian indicator 'IM' or 'MI' at byte 126 (text starts '"
                            + printable(text.substring(0, Math.min(20, text.length())))
                            + "')");
        }
        int version =
                little
                        ? (header[124] & 0xFF) | (header[125] & 0xFF) << 8
                        : (header[125] & 0xFF) | (header[124] & 0xFF) << 8;
        if (version != 0x0100) {
            throw new DatasetException(
                    file,
                    "not a MAT v5 file: header version is 0x"
                            + Integer.toHexString(version)
                            + ", expected 0x0100");
        }
        return size;
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static RawImages convert(Path file, MatFile mat) {
        Map<String, Array> arrays = new HashMap<>();
        for (MatFile.Entry entry : mat.getEntries()) {
            arrays.put(entry.getName(), entry.getValue());
        }
        Matrix x = numeric(file, arrays, "X");
        Matrix y = numeric(file, arrays, "y");
        if (x.getType() != MatlabType.UInt8) {
            throw new DatasetException(
                    file, "X is of type " + x.getType() + ", expected uint8 pixels");
        }
        int[] dims = x.getDimensions();
        // MATLAB drops trailing singleton dimensions, so a file with one image has [32 32 3].
        boolean single = dims.length == 3;
        if (!(dims.length == 4 || single) || dims[0] != SIDE || dims[1] != SIDE || dims[2] != 3) {
            throw new DatasetException(
                    file, "X has shape " + Arrays.toString(dims) + ", expected [32, 32, 3, N]");
        }
        int n = single ? 1 : dims[3];
        int[] yDims = y.getDimensions();
        if (yDims.length != 2
                || !((yDims[0] == n && yDims[1] == 1) || (yDims[0] == 1 && yDims[1] == n))) {
            throw new DatasetException(
                    file,
                    "y has shape "
                            + Arrays.toString(yDims)
                            + ", expected ["
                            + n
                            + ", 1] (one label per image of X)");
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double v = y.getDouble(i);
            if (v != Math.rint(v) || v < 1 || v > 10) {
                throw new DatasetException(
                        file,
                        "y(" + (i + 1) + ") is " + v + ", expected a label 1-10 (10 = digit 0)");
            }
            labels[i] = v == 10 ? 0 : (int) v;
        }
        int plane = SIDE * SIDE;
        byte[] pixels = new byte[n * 3 * plane];
        // X(h, w, c, i) sits at linear index h + 32 w + 1024 c + 3072 i (column-major); the
        // output wants [i][c][h][w], i.e. index 3072 i + 1024 c + 32 h + w: a transpose per plane.
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                int base = (i * 3 + c) * plane;
                for (int w = 0; w < SIDE; w++) {
                    int src = base + w * SIDE;
                    for (int h = 0; h < SIDE; h++) {
                        pixels[base + h * SIDE + w] = x.getByte(src + h);
                    }
                }
            }
        }
        return new RawImages(pixels, labels, 3, SIDE, SIDE);
    }

    private static Matrix numeric(Path file, Map<String, Array> arrays, String name) {
        Array array = arrays.get(name);
        if (array == null) {
            throw new DatasetException(
                    file,
                    "no variable '"
                            + name
                            + "' (an SVHN file holds X and y; found "
                            + arrays.keySet().stream().sorted().toList()
                            + ")");
        }
        if (!(array instanceof Matrix matrix) || matrix.isComplex() || matrix.isLogical()) {
            throw new DatasetException(
                    file,
                    "variable '" + name + "' is a " + array.getType() + ", not a numeric array");
        }
        return matrix;
    }

    /** Hands out heap buffers, refusing sizes no genuine file of this size can need. */
    private record BoundedAllocator(long limit) implements BufferAllocator {
        @Override
        public ByteBuffer allocate(int numBytes) {
            if (numBytes < 0 || numBytes > limit) {
                throw new IllegalStateException(
                        "an array claims " + numBytes + " bytes, implausible for this file size");
            }
            return ByteBuffer.allocate(numBytes);
        }

        @Override
        public void release(ByteBuffer buffer) {}
    }
}
