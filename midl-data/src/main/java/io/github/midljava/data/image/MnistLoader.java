package io.github.midljava.data.image;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetException;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.files.Checksum;
import io.github.midljava.data.files.DatasetFiles;
import io.github.midljava.data.files.RemoteFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Loads MNIST, 70,000 handwritten digits (60,000 train, 10,000 test) of 28 × 28 grey pixels, from
 * the four gzipped IDX files of the canonical distribution in {@code mnist/}. Samples have shape
 * {@code [1, 28, 28]}, labels are the digits 0–9.
 *
 * <p>Citation: Y. LeCun, L. Bottou, Y. Bengio, P. Haffner. "Gradient-based learning applied to
 * document recognition." Proceedings of the IEEE, 86(11):2278–2324, 1998. Data: Y. LeCun, C.
 * Cortes, C. J. C. Burges, "The MNIST database of handwritten digits".
 */
public final class MnistLoader {

    /** Training images, IDX magic 2051, 60000 × 28 × 28. */
    public static final RemoteFile TRAIN_IMAGES =
            mnist(
                    "train-images-idx3-ubyte.gz",
                    "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609");

    /** Training labels, IDX magic 2049, 60000. */
    public static final RemoteFile TRAIN_LABELS =
            mnist(
                    "train-labels-idx1-ubyte.gz",
                    "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c");

    /** Test images, IDX magic 2051, 10000 × 28 × 28. */
    public static final RemoteFile TEST_IMAGES =
            mnist(
                    "t10k-images-idx3-ubyte.gz",
                    "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6");

    /** Test labels, IDX magic 2049, 10000. */
    public static final RemoteFile TEST_LABELS =
            mnist(
                    "t10k-labels-idx1-ubyte.gz",
                    "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6");

    /** The class names, the digits {@code "0"} to {@code "9"}. */
    public static final List<String> CLASS_NAMES =
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private static final int SIDE = 28;

    private MnistLoader() {}

    private static RemoteFile mnist(String name, String sha256) {
        return RemoteFile.of(
                "mnist/" + name,
                Checksum.sha256(sha256),
                "https://ossci-datasets.s3.amazonaws.com/mnist/" + name,
                "http://yann.lecun.com/exdb/mnist/" + name);
    }

    /**
     * Finds (downloading if allowed) and verifies the files a load would read, without reading
     * them: lets a caller that needs several datasets stop before the first one is used.
     *
     * @throws DatasetException as {@link #load(DataOptions)} for a missing or corrupt file
     */
    public static void checkFiles(DataOptions options) {
        DatasetFiles.open(options).requireAll(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    }

    /**
     * Loads MNIST as {@code options} say.
     *
     * @throws DatasetException if a file is missing, corrupt or inconsistent
     */
    public static Dataset load(DataOptions options) {
        DatasetFiles files = DatasetFiles.open(options);
        RawImages train = readPair(files.require(TRAIN_IMAGES), files.require(TRAIN_LABELS));
        RawImages test = readPair(files.require(TEST_IMAGES), files.require(TEST_LABELS));
        ImageSplits splits = ImageSplits.of(train, test, CLASS_NAMES.size(), options);
        String description =
                "MNIST: "
                        + splits.trainCount("images")
                        + ", "
                        + test.count()
                        + " test images, 1x28x28, pixels scaled to [0,1]"
                        + (options.standardize()
                                ? String.format(
                                        Locale.ROOT,
                                        ", standardised with train mean %.4f std %.4f",
                                        splits.normalizer().mean()[0],
                                        splits.normalizer().std()[0])
                                : "");
        return new Dataset(
                DatasetId.MNIST,
                splits.train(),
                splits.test(),
                CLASS_NAMES,
                files.checksums(),
                description);
    }

    /**
     * Reads an images file and its labels file and checks that they belong together: 28 × 28
     * images, as many labels as images, labels 0–9.
     */
    public static RawImages readPair(Path imagesFile, Path labelsFile) {
        IdxReader.IdxArray images = IdxReader.readGzip(imagesFile, IdxReader.IMAGES_MAGIC);
        IdxReader.IdxArray labels = IdxReader.readGzip(labelsFile, IdxReader.LABELS_MAGIC);
        if (images.dims()[1] != SIDE || images.dims()[2] != SIDE) {
            throw new DatasetException(
                    imagesFile,
                    "expected 28x28 images, the header says "
                            + images.dims()[1]
                            + "x"
                            + images.dims()[2]);
        }
        if (images.count() != labels.count()) {
            throw new DatasetException(
                    labelsFile,
                    labels.count()
                            + " labels, but "
                            + imagesFile.getFileName()
                            + " holds "
                            + images.count()
                            + " images");
        }
        int[] y = new int[labels.count()];
        byte[] raw = labels.data();
        for (int i = 0; i < y.length; i++) {
            y[i] = raw[i] & 0xFF;
            if (y[i] > 9) {
                throw new DatasetException(
                        labelsFile, "label " + i + " is " + y[i] + ", expected a digit 0-9");
            }
        }
        return new RawImages(images.data(), y, 1, SIDE, SIDE);
    }
}
