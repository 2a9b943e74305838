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

    /** Loads {@code id} with {@link DataOptions#defaults()}. */
    public static Dataset load(DatasetId id) {
        return load(id, DataOptions.defaults());
    }
}
