package io.github.midljava.experiment.suite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The five experiments of our MID-L spec, by the names the CLI accepts ({@code e1} ... {@code e5}).
 */
public enum ExperimentId {
    /** Main table: accuracy, active ratio, FLOPs, parameters, time, latency, memory. */
    E1("Main table"),
    /** Sliced mutual information, per-neuron MI and the active-neuron histogram. */
    E2("Information: SMI, per-neuron MI, active neurons"),
    /** Label noise, Gaussian input noise and the 10%-data overfitting regime. */
    E3("Robustness"),
    /** Latency per batch size and peak memory. */
    E4("Efficiency"),
    /** activeRatio sweep and ablations of the MID-L options. */
    E5("Ablations");

    private final String title;

    ExperimentId(String title) {
        this.title = title;
    }

    /** Returns the CLI and folder name, e.g. {@code e1}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the section title, e.g. "Main table". */
    public String title() {
        return title;
    }

    /**
     * Parses {@code all} or a comma-separated list such as {@code e1,e3}; the error names the bad
     * entry and the accepted ones.
     */
    public static Set<ExperimentId> parseSelection(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "experiment must be e1, e2, e3, e4, e5 or all, got nothing");
        }
        if (text.trim().equalsIgnoreCase("all")) {
            return EnumSet.allOf(ExperimentId.class);
        }
        Set<ExperimentId> out = EnumSet.noneOf(ExperimentId.class);
        for (String part : text.split(",")) {
            String p = part.trim().toUpperCase(Locale.ROOT);
            try {
                out.add(valueOf(p));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown experiment '"
                                + part.trim()
                                + "', expected e1, e2, e3, e4, e5 or all");
            }
        }
        return out;
    }

    /** Returns the CLI names of {@code ids} in order, e.g. {@code [e1, e3]}. */
    public static List<String> cliNames(Set<ExperimentId> ids) {
        List<String> out = new ArrayList<>();
        Arrays.stream(values()).filter(ids::contains).forEach(e -> out.add(e.cliName()));
        return out;
    }
}
