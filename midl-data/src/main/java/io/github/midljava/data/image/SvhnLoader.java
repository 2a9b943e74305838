package io.github.midljava.data.image;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetException;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.files.Checksum;
import io.github.midljava.data.files.DatasetFiles;
import io.github.midljava.data.files.RemoteFile;
import java.util.List;

/**
 * Loads SVHN cropped digits (73,257 train, 26,032 test house-number digits of 32 × 32 colour
 * pixels) from {@code svhn/train_32x32.mat} and {@code svhn/test_32x32.mat} (MATLAB v5, see {@link
 * SvhnMatReader}). Samples have shape {@code [3, 32, 32]}; the label 10 of the files is mapped to
 * digit 0, so labels are the digits 0–9. The "extra" set is not used.
 *
 * <p>Citation: Y. Netzer, T. Wang, A. Coates, A. Bissacco, B. Wu, A. Y. Ng. "Reading Digits in
 * Natural Images with Unsupervised Feature Learning." NIPS Workshop on Deep Learning and
 * Unsupervised Feature Learning, 2011.
 */
public final class SvhnLoader {

    /** Training digits, 73,257 images (MD5 as published with the dataset's loaders). */
    public static final RemoteFile TRAIN =
            RemoteFile.of(
                    "svhn/train_32x32.mat",
                    Checksum.md5("e26dedcc434d2e4c54c9b2d4a06d8373"),
                    "http://ufldl.stanford.edu/housenumbers/train_32x32.mat");

    /** Test digits, 26,032 images. */
    public static final RemoteFile TEST =
            RemoteFile.of(
                    "svhn/test_32x32.mat",
                    Checksum.md5("eb5a983be6a315427106f1b164d9cef3"),
                    "http://ufldl.stanford.edu/housenumbers/test_32x32.mat");

    /** The class names, the digits {@code "0"} to {@code "9"}. */
    public static final List<String> CLASS_NAMES = MnistLoader.CLASS_NAMES;

    private SvhnLoader() {}

    /**
     * Finds (downloading if allowed) and verifies the files a load would read, without reading
     * them: lets a caller that needs several datasets stop before the first one is used.
     *
     * @throws DatasetException as {@link #load(DataOptions)} for a missing or corrupt file
     */
    public static void checkFiles(DataOptions options) {
        DatasetFiles.open(options).requireAll(TRAIN, TEST);
    }

    /**
     * Loads SVHN as {@code options} say.
     *
     * @throws DatasetException if a file is missing or corrupt
     */
    public static Dataset load(DataOptions options) {
        DatasetFiles files = DatasetFiles.open(options);
        RawImages train = SvhnMatReader.read(files.require(TRAIN));
        RawImages test = SvhnMatReader.read(files.require(TEST));
        ImageSplits splits = ImageSplits.of(train, test, CLASS_NAMES.size(), options);
        String description =
                "SVHN cropped digits: "
                        + splits.trainCount("images")
                        + ", "
                        + test.count()
                        + " test images, 3x32x32, label 10 mapped to digit 0, pixels scaled to"
                        + " [0,1]"
                        + (options.standardize() ? ", standardised per channel (train stats)" : "");
        return new Dataset(
                DatasetId.SVHN,
                splits.train(),
                splits.test(),
                CLASS_NAMES,
                files.checksums(),
                description);
    }
}
