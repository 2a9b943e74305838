package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.RunResult;
import io.github.midljava.experiment.suite.StoredRun;
import io.github.midljava.experiment.suite.Variant;
import io.github.midljava.model.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * E1's numbers: every method on every dataset at its default configuration, over the E1 seeds.
 *
 * @param seeds the E1 seeds asked for
 * @param rows the measured (dataset, method) pairs, in dataset then method order; a pair without
 *     any stored run has no row
 */
public record MainTable(List<Long> seeds, List<MainTableRow> rows) {

    /** Computes the table from the stored runs. */
    public static MainTable of(ResultSet results) {
        List<Long> seeds = results.options().e1Seeds();
        List<MainTableRow> rows = new ArrayList<>();
        for (DatasetId d : results.options().datasets()) {
            for (Method m : results.options().methods()) {
                Variant v = results.catalog().e1(m);
                List<StoredRun> runs = results.runs(d, v, seeds);
                if (runs.isEmpty()) {
                    continue;
                }
                RunResult r = runs.get(0).result();
                rows.add(
                        new MainTableRow(
                                d,
                                m,
                                r.model(),
                                r.hiddenLayer(),
                                r.epochs(),
                                r.preset(),
                                PerSeed.of(runs, s -> s.result().testAccuracy()),
                                stat(runs, s -> s.result().trainAccuracy()),
                                r.activeRatio(),
                                r.flops(),
                                r.midlLayerFlops(),
                                r.honestSavings(),
                                r.paperStyleSavings(),
                                r.flops().honestSavings(),
                                r.params(),
                                stat(runs, s -> s.result().trainSecondsPerEpoch()),
                                stat(runs, s -> latency(s, "1")),
                                stat(runs, s -> latency(s, "256")),
                                stat(runs, MainTable::peak)));
            }
        }
        return new MainTable(seeds, List.copyOf(rows));
    }

    /** Returns the row of a method on a dataset, or null if it has no stored run. */
    public MainTableRow row(DatasetId dataset, Method method) {
        return rows.stream()
                .filter(r -> r.dataset() == dataset && r.method() == method)
                .findFirst()
                .orElse(null);
    }

    private static Stat stat(
            List<StoredRun> runs, java.util.function.ToDoubleFunction<StoredRun> value) {
        return Stat.of(runs.stream().mapToDouble(value).toArray());
    }

    private static double latency(StoredRun s, String batch) {
        var l = s.result().latencyMicros();
        Double v = l == null ? null : l.get(batch);
        return v == null ? Double.NaN : v;
    }

    private static double peak(StoredRun s) {
        Long p = s.result().peakMemoryBytes();
        return p == null ? Double.NaN : p;
    }
}
