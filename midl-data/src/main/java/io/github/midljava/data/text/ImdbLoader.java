package io.github.midljava.data.text;

import io.github.midljava.data.DataOptions;
import io.github.midljava.data.DataSplit;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetException;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.Splits;
import io.github.midljava.data.TextFeatures;
import io.github.midljava.data.files.Checksum;
import io.github.midljava.data.files.DatasetFiles;
import io.github.midljava.data.files.FileProbe;
import io.github.midljava.data.files.RemoteFile;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the IMDB Large Movie Review Dataset (25,000 train and 25,000 test movie reviews labelled
 * positive or negative) as bag-of-words vectors; see {@link TextVectorizer} for the features and
 * {@link Vocabulary} for the choice of words, which uses the training reviews only.
 *
 * <p>Sources, in this order, in the data root and then in the cache: the extracted folder {@code
 * imdb/aclImdb/}, the canonical archive {@code imdb/aclImdb_v1.tar.gz}, a subset archive {@code
 * imdb/aclImdb_subset.tar.gz} in the same layout; if none exists the canonical archive is
 * downloaded into the cache (84 MB, MD5-checked). Labels: {@code neg} → 0, {@code pos} → 1.
 *
 * <p>Citation: A. L. Maas, R. E. Daly, P. T. Pham, D. Huang, A. Y. Ng, C. Potts. "Learning Word
 * Vectors for Sentiment Analysis." Proc. ACL 2011 (HLT), pp. 142–150.
 */
public final class ImdbLoader {

    /** The canonical archive (MD5 as published with the dataset's common loaders). */
    public static final RemoteFile ARCHIVE =
            RemoteFile.of(
                    "imdb/aclImdb_v1.tar.gz",
                    Checksum.md5("7c2ac02c03563afcf9b574c7e56c153a"),
                    "https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz");

    /** A subset archive in the canonical layout, as in the shared datasets folder. */
    public static final String SUBSET_ARCHIVE = "imdb/aclImdb_subset.tar.gz";

    /** The extracted folder. */
    public static final String FOLDER = "imdb/aclImdb";

    /** The class names: index 0 {@code neg}, index 1 {@code pos}. */
    public static final List<String> CLASS_NAMES = List.of("neg", "pos");

    private ImdbLoader() {}

    /**
     * Loads IMDB as {@code options} say (vocabulary size, TF-IDF or binary).
     *
     * @throws DatasetException if no source is found or it is not in aclImdb layout
     */
    public static Dataset load(DataOptions options) {
        DatasetFiles files = DatasetFiles.open(options);
        ImdbCorpus corpus = readCorpus(files);
        List<Review> train = Splits.trainLimit(corpus.train(), options.trainLimit());
        List<String> trainTexts = train.stream().map(Review::text).toList();
        Vocabulary vocabulary = Vocabulary.fit(trainTexts, options.imdbVocabularySize());
        TextVectorizer vectorizer = new TextVectorizer(vocabulary, options.imdbFeatures());
        long[] shape = {vocabulary.size()};
        DataSplit trainSplit =
                new DataSplit(vectorizer.transform(trainTexts), labels(train), shape, 2);
        DataSplit testSplit =
                new DataSplit(
                        vectorizer.transform(corpus.test().stream().map(Review::text).toList()),
                        labels(corpus.test()),
                        shape.clone(),
                        2);
        String description =
                "IMDB: "
                        + Splits.countKept(corpus.train().size(), train.size(), "train reviews")
                        + ", "
                        + corpus.test().size()
                        + " test reviews from "
                        + corpus.source()
                        + "; vocabulary of "
                        + vocabulary.size()
                        + " words by train document frequency; "
                        + (options.imdbFeatures() == TextFeatures.TF_IDF
                                ? "TF-IDF (log tf, smoothed idf from train, L2-normalised rows)"
                                : "binary bag-of-words");
        return new Dataset(
                DatasetId.IMDB, trainSplit, testSplit, CLASS_NAMES, files.checksums(), description);
    }

    /** Returns the raw reviews that {@link #load(DataOptions)} would use. */
    public static ImdbCorpus readCorpus(DataOptions options) {
        return readCorpus(DatasetFiles.open(options));
    }

    /**
     * Finds the source a load would read (downloading the archive if it is missing and allowed)
     * without reading it.
     *
     * @throws DatasetException as {@link #load(DataOptions)} if there is none
     */
    public static void checkFiles(DataOptions options) {
        locate(DatasetFiles.open(options));
    }

    private static ImdbCorpus readCorpus(DatasetFiles files) {
        Source source = locate(files);
        if (source.folder()) {
            ImdbReader.FolderContents contents = ImdbReader.readFolder(source.path(), FOLDER + "/");
            files.record(FOLDER + "/", contents.sha256());
            return contents.corpus();
        }
        return ImdbReader.readArchive(files.use(source.path(), null), source.name());
    }

    /** Where the reviews are: an extracted folder or an archive, by its relative name. */
    private record Source(Path path, String name, boolean folder) {}

    private static Source locate(DatasetFiles files) {
        for (Path base : files.directory().bases()) {
            Path folder = base.resolve(FOLDER);
            if (FileProbe.isDirectory(folder)) {
                return new Source(folder, FOLDER, true);
            }
            for (String archive : List.of(ARCHIVE.relativePath(), SUBSET_ARCHIVE)) {
                Path file = base.resolve(archive);
                if (FileProbe.isRegularFile(file)) {
                    return new Source(file, archive, false);
                }
            }
        }
        try {
            return new Source(files.require(ARCHIVE), ARCHIVE.relativePath(), false);
        } catch (DatasetException e) {
            throw new DatasetException(
                    e.getMessage()
                            + " (also looked for "
                            + FOLDER
                            + "/ and "
                            + SUBSET_ARCHIVE
                            + ")");
        }
    }

    private static int[] labels(List<Review> reviews) {
        return reviews.stream().mapToInt(Review::label).toArray();
    }
}
