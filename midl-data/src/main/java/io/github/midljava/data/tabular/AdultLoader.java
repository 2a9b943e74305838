package io.github.midljava.data.tabular;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.DataSplit;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetException;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.Splits;
import io.github.midljava.data.files.Checksum;
import io.github.midljava.data.files.DatasetFiles;
import io.github.midljava.data.files.RemoteFile;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads UCI Adult (census income: does a person earn more than $50K a year?) from {@code
 * adult/adult.data} (32,561 training records) and {@code adult/adult.test} (16,281 test records),
 * see {@link AdultCsvReader} for the format and {@link AdultEncoder} for the features. Labels:
 * {@code <=50K} → 0, {@code >50K} → 1.
 *
 * <p>Citation: R. Kohavi. "Scaling Up the Accuracy of Naive-Bayes Classifiers: a Decision-Tree
 * Hybrid." Proc. KDD-96, 1996. B. Becker, R. Kohavi. "Adult." UCI Machine Learning Repository,
 * 1996. doi:10.24432/C5XW20.
 */
public final class AdultLoader {

    /** The training file (canonical SHA-256). */
    public static final RemoteFile DATA =
            uci("adult.data", "5b00264637dbfec36bdeaab5676b0b309ff9eb788d63554ca0a249491c86603d");

    /** The test file (canonical SHA-256). */
    public static final RemoteFile TEST =
            uci("adult.test", "a2a9044bc167a35b2361efbabec64e89d69ce82d9790d2980119aac5fd7e9c05");

    /** The class names: index 0 {@code <=50K}, index 1 {@code >50K}. */
    public static final List<String> CLASS_NAMES = List.of("<=50K", ">50K");

    private AdultLoader() {}

    private static RemoteFile uci(String name, String sha256) {
        return RemoteFile.of(
                "adult/" + name,
                Checksum.sha256(sha256),
                "https://archive.ics.uci.edu/ml/machine-learning-databases/adult/" + name);
    }

    /**
     * Finds (downloading if allowed) and verifies the files a load would read, without reading
     * them: lets a caller that needs several datasets stop before the first one is used.
     *
     * @throws DatasetException as {@link #load(DataOptions)} for a missing or corrupt file
     */
    public static void checkFiles(DataOptions options) {
        DatasetFiles.open(options).requireAll(DATA, TEST);
    }

    /**
     * Loads Adult as {@code options} say.
     *
     * @throws DatasetException if a file is missing or malformed
     */
    public static Dataset load(DataOptions options) {
        DatasetFiles files = DatasetFiles.open(options);
        Path dataFile = files.require(DATA);
        Path testFile = files.require(TEST);
        List<AdultRecord> all = AdultCsvReader.read(dataFile);
        List<AdultRecord> test = AdultCsvReader.read(testFile);
        AdultEncoder.checkNumbers(all, dataFile);
        AdultEncoder.checkNumbers(test, testFile);
        List<AdultRecord> train = Splits.trainLimit(all, options.trainLimit());
        AdultEncoder encoder = AdultEncoder.fit(train, options.standardize(), dataFile);
        DataSplit trainSplit = encoder.encode(train, dataFile);
        DataSplit testSplit = encoder.encode(test, testFile);
        String description =
                "UCI Adult: "
                        + Splits.countKept(all.size(), train.size(), "train records")
                        + ", "
                        + test.size()
                        + " test records; "
                        + encoder.width()
                        + " features (6 numeric"
                        + (options.standardize() ? " standardised with train stats" : "")
                        + ", 8 categorical one-hot over train categories, '?' its own category)";
        return new Dataset(
                DatasetId.ADULT,
                trainSplit,
                testSplit,
                CLASS_NAMES,
                files.checksums(),
                description);
    }
}
