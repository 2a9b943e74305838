package io.github.midljava.data;

import io.github.midljava.data.image.CifarLoader;
import io.github.midljava.data.image.MnistLoader;
import io.github.midljava.data.image.SvhnLoader;
import io.github.midljava.data.tabular.AdultLoader;
import io.github.midljava.data.text.ImdbLoader;
import java.util.Objects;

/**
 * The one entry point for loading a benchmark by its {@link DatasetId}; dispatches to the dataset's
 * loader. See {@link DataOptions} for where files are looked for and how they are preprocessed.
 */
public final class DatasetLoaders {

    private DatasetLoaders() {}

    /**
     * Loads {@code id} as {@code options} say.
     *
     * @throws DatasetException if a file is missing (and cannot be downloaded), corrupt, or fails
     *     its checksum; the message is one line naming the file and the problem
     */
    public static Dataset load(DatasetId id, DataOptions options) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(options, "options");
        return switch (id) {
            case MNIST -> MnistLoader.load(options);
            case CIFAR10 -> CifarLoader.loadCifar10(options);
            case CIFAR100 -> CifarLoader.loadCifar100(options);
            case SVHN -> SvhnLoader.load(options);
            case ADULT -> AdultLoader.load(options);
            case IMDB -> ImdbLoader.load(options);
        };
    }

    /**
     * Finds and verifies the files that {@link #load(DatasetId, DataOptions)} would read, without
     * reading them (missing files are downloaded if {@code options} allow it): a caller that needs
     * several datasets checks them all before it starts working with the first.
     *
     * @throws DatasetException as {@code load} does for a missing, unreadable or corrupt file
     */
    public static void checkFiles(DatasetId id, DataOptions options) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(options, "options");
        switch (id) {
            case MNIST -> MnistLoader.checkFiles(options);
            case CIFAR10 -> CifarLoader.checkCifar10Files(options);
            case CIFAR100 -> CifarLoader.checkCifar100Files(options);
            case SVHN -> SvhnLoader.checkFiles(options);
            case ADULT -> AdultLoader.checkFiles(options);
            case IMDB -> ImdbLoader.checkFiles(options);
        }
    }

    /** Loads {@code id} with {@link DataOptions#defaults()}. */
    public static Dataset load(DatasetId id) {
        return load(id, DataOptions.defaults());
    }
}
