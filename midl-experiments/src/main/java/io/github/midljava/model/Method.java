package io.github.midljava.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the hidden fully connected layers of a model are built. */
public enum Method {
    /** Plain {@code Linear} layers. */
    DENSE("dense"),
    /** {@code Linear} layers followed by dropout (rate 0.5 unless set). */
    DROPOUT("dropout"),
    /** MID-L layers with the learned, input-dependent gate. */
    MIDL("midl"),
    /** Ablation: MID-L layers whose k units are drawn at random per sample. */
    RANDOM_K("random_k"),
    /** Ablation: MID-L layers with one learned, input-independent set of k units. */
    STATIC_K("static_k");

    private final String cliName;

    Method(String cliName) {
        this.cliName = cliName;
    }

    /** Returns the name used on the command line and in result files. */
    public String cliName() {
        return cliName;
    }

    /** Returns whether the hidden layers are MID-L blocks (MIDL and its ablations). */
    public boolean usesMidl() {
        return this == MIDL || this == RANDOM_K || this == STATIC_K;
    }

    /** Parses a CLI name (case-insensitive, '-' or '_'); the error lists the accepted names. */
    public static Method fromCliName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('-', '_');
        for (Method m : values()) {
            if (m.cliName.equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "unknown method '"
                        + name
                        + "', expected one of "
                        + Arrays.stream(values())
                                .map(Method::cliName)
                                .collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
