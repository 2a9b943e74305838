package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.experiment.suite.StoredRun;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * One measured value per training seed, e.g. the test accuracy of DENSE on seeds 1-3: kept by seed
 * so that two methods trained with the same seed can be compared pair by pair ({@link
 * PairedDifference}), and summarised over seeds ({@link #stat()}).
 *
 * @param values value by seed, NaN-free, in seed order
 */
public record PerSeed(SortedMap<Long, Double> values) {

    /** No value. */
    public static final PerSeed EMPTY = new PerSeed(new TreeMap<>());

    /** Copies the map (NaN values dropped: a seed that measured nothing has no value). */
    public PerSeed {
        TreeMap<Long, Double> copy = new TreeMap<>();
        values.forEach(
                (k, v) -> {
                    if (v != null && !Double.isNaN(v)) {
                        copy.put(k, v);
                    }
                });
        values = Collections.unmodifiableSortedMap(copy);
    }

    /** Returns {@code value} of each run by the run's seed. */
    public static PerSeed of(List<StoredRun> runs, ToDoubleFunction<StoredRun> value) {
        TreeMap<Long, Double> m = new TreeMap<>();
        for (StoredRun r : runs) {
            m.put(r.result().seed(), value.applyAsDouble(r));
        }
        return new PerSeed(m);
    }

    /** Returns the values of seeds 1, 2, ... in order, for tests and fixtures. */
    public static PerSeed ofSeeds(double... values) {
        TreeMap<Long, Double> m = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(i + 1L, values[i]);
        }
        return new PerSeed(m);
    }

    /** Returns the number of seeds with a value. */
    public int n() {
        return values.size();
    }

    /** Returns whether no seed has a value. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Returns the seeds with a value, in order. */
    public List<Long> seeds() {
        return List.copyOf(values.keySet());
    }

    /** Returns the mean and standard deviation over seeds. */
    public Stat stat() {
        return Stat.of(values.values());
    }

    /** Returns the mean over seeds, NaN if empty. */
    public double mean() {
        return stat().mean();
    }

    /** Returns this minus {@code other} on the seeds both have. */
    public PerSeed minus(PerSeed other) {
        TreeMap<Long, Double> m = new TreeMap<>();
        values.forEach(
                (seed, v) -> {
                    Double w = other.values.get(seed);
                    if (w != null) {
                        m.put(seed, v - w);
                    }
                });
        return new PerSeed(m);
    }

    /** Returns this restricted to {@code seeds}. */
    public PerSeed restrictTo(List<Long> seeds) {
        TreeMap<Long, Double> m = new TreeMap<>(values);
        m.keySet().retainAll(seeds);
        return new PerSeed(m);
    }
}
