package io.github.midljava.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The six benchmarks of the MID-L paper, by the names the CLI accepts. */
public enum DatasetId {
    MNIST("mnist"),
    CIFAR10("cifar10"),
    CIFAR100("cifar100"),
    SVHN("svhn"),
    ADULT("adult"),
    IMDB("imdb");

    private final String cliName;

    DatasetId(String cliName) {
        this.cliName = cliName;
    }

    /** Returns the name used on the command line and in result files, e.g. {@code cifar10}. */
    public String cliName() {
        return cliName;
    }

    /** Parses a CLI name (case-insensitive); the error lists the accepted names. */
    public static DatasetId fromCliName(String name) {
        for (DatasetId id : values()) {
            if (id.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return id;
            }
        }
        throw new IllegalArgumentException(
                "unknown dataset '"
                        + name
                        + "', expected one of "
                        + Arrays.stream(values())
                                .map(DatasetId::cliName)
                                .collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
