package io.github.midljava.data.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/** Writes MAT v5 files in the layout of SVHN's {@code *_32x32.mat}, with mfl-core. */
final class SvhnFixtures {

    private SvhnFixtures() {}

    /** The pixel value written at X(h, w, c, n) (0-based). */
    static int pixel(int h, int w, int c, int n) {
        return (h * 7 + w * 3 + c * 50 + n * 11) % 256;
    }

    /** Returns X as uint8 {@code [32, 32, 3, n]} filled with {@link #pixel}. */
    static Matrix images(int n) {
        Matrix x = Mat5.newMatrix(new int[] {32, 32, 3, n}, MatlabType.UInt8);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                for (int w = 0; w < 32; w++) {
                    for (int h = 0; h < 32; h++) {
                        x.setByte(new int[] {h, w, c, i}, (byte) pixel(h, w, c, i));
                    }
                }
            }
        }
        return x;
    }

    /** Returns y as double {@code [n, 1]} with the given labels (1-10). */
    static Matrix labels(int... values) {
        Matrix y = Mat5.newMatrix(values.length, 1, MatlabType.Double);
        for (int i = 0; i < values.length; i++) {
            y.setDouble(i, 0, values[i]);
        }
        return y;
    }

    /** Writes a MAT file with the given variables (name, array, name, array, ...). */
    static Path write(Path file, Object... namesAndArrays) {
        MatFile mat = Mat5.newMatFile();
        for (int i = 0; i < namesAndArrays.length; i += 2) {
            mat.addArray((String) namesAndArrays[i], (Array) namesAndArrays[i + 1]);
        }
        try {
            Files.createDirectories(file.getParent());
            Mat5.writeToFile(mat, file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a canonical-layout file of five images with labels 10, 1, 2, 9, 10. */
    static Path canonical(Path file) {
        return write(file, "X", images(5), "y", labels(10, 1, 2, 9, 10));
    }
}
