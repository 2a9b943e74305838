package io.github.midljava.data;

import java.util.List;
import java.util.Map;

/**
 * A loaded benchmark: the train and test splits, the class names and the checksums of the files it
 * was read from (provenance for every reported number).
 *
 * @param id which benchmark this is
 * @param train the training split (normalisation statistics come from it alone)
 * @param test the test split
 * @param classNames one name per class index
 * @param fileChecksums SHA-256 (hex) of every file read, keyed by its path relative to the data
 *     root, e.g. {@code mnist/train-images-idx3-ubyte.gz}
 * @param description one line on what was loaded (record counts, subsets, preprocessing)
 */
public record Dataset(
        DatasetId id,
        DataSplit train,
        DataSplit test,
        List<String> classNames,
        Map<String, String> fileChecksums,
        String description) {}
