package io.github.midljava.data.image;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.DataSplit;
import io.github.midljava.data.Splits;

/**
 * The train and test splits of an image benchmark, made the same way by every image loader: the
 * training limit applied first, then the normaliser fitted to the kept training images (or only
 * scaling to [0, 1]) and applied to both.
 *
 * @param train the normalised training split
 * @param test the normalised test split
 * @param normalizer what was applied (its statistics go into the description)
 * @param trainRecords training images in the files, before the limit
 */
record ImageSplits(DataSplit train, DataSplit test, ImageNormalizer normalizer, int trainRecords) {

    /**
     * Applies {@code options}' training limit and standardisation to {@code train} and {@code
     * test}.
     */
    static ImageSplits of(RawImages train, RawImages test, int numClasses, DataOptions options) {
        int records = train.count();
        RawImages kept = train.select(Splits.trainLimitIndices(records, options.trainLimit()));
        ImageNormalizer normalizer =
                options.standardize()
                        ? ImageNormalizer.fitTo(kept)
                        : ImageNormalizer.scaleOnly(train.channels());
        return new ImageSplits(
                normalizer.apply(kept, numClasses),
                normalizer.apply(test, numClasses),
                normalizer,
                records);
    }

    /** Returns {@code "60000 train images (1000 kept)"}, the part every description starts with. */
    String trainCount(String what) {
        return Splits.countKept(trainRecords, train.size(), "train " + what);
    }
}
