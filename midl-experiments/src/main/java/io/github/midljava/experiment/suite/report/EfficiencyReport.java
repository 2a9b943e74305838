package io.github.midljava.experiment.suite.report;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.suite.ExperimentId;
import io.github.midljava.experiment.suite.analysis.ResultSet;
import io.github.midljava.experiment.suite.analysis.SuiteAnalysis;
import io.github.midljava.experiment.suite.efficiency.ComputeModes;
import io.github.midljava.experiment.suite.efficiency.EfficiencyBenchmark;
import io.github.midljava.experiment.suite.efficiency.EfficiencyResult;
import io.github.midljava.experiment.suite.efficiency.ModeMeasurement;
import io.github.midljava.report.CsvTable;
import io.github.midljava.report.Fmt;
import io.github.midljava.report.MarkdownTable;
import io.github.midljava.report.Plots;
import io.github.midljava.report.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * E4: inference latency per batch size and peak memory of the trained DENSE and MIDL models under
 * each compute mode; a mode this build lacks is listed with its note, never with a number.
 */
public final class EfficiencyReport implements ExperimentReport {

    @Override
    public ExperimentId id() {
        return ExperimentId.E4;
    }

    @Override
    public ReportSection write(Path dir, SuiteAnalysis analysis) throws IOException {
        ResultSet results = analysis.results();
        List<Integer> batches = results.options().batchSizes();
        Table.Builder csv =
                Table.builder(
                        "dataset",
                        "mode",
                        "model",
                        "measured",
                        "note",
                        "batch_size",
                        "latency_us_median",
                        "latency_us_per_sample",
                        "array_bytes_per_call",
                        "rss_peak_increase_bytes",
                        "rss_peak_bytes",
                        "test_accuracy");
        StringBuilder md = new StringBuilder();
        md.append(
                        "The trained DENSE and MIDL models of the first E1 seed are timed"
                                + " round-robin in one ")
                .append("process (")
                .append(EfficiencyBenchmark.ROUNDS)
                .append(
                        " rounds, mode order rotating, after a warm-up), so that drifts of machine"
                                + " speed hit ")
                .append(
                        "every mode alike. Latency = median wall time of one call: copy the batch"
                                + " in, ")
                .append(
                        "forward in inference mode, copy the logits out; a batch larger than the"
                                + " test split is capped at its size. *MID-L, dense compute* is the DJL"
                                + " ")
                .append(
                        "forward, which computes the full and light path of every unit and blends"
                                + " them; ")
                .append(
                        "*sparse compute* would compute only the k selected rows of W1 per sample."
                                + " Peak memory ")
                .append(
                        "is the rise of the process's peak resident size over its size before three"
                                + " calls at ")
                .append(
                        "that batch size; it is process-wide and the allocator may reuse memory an"
                                + " earlier ")
                .append(
                        "mode freed, so small differences mean little. Test accuracy through each"
                                + " mode ")
                .append("checks that the modes of one model compute the same function.\n\n");

        for (DatasetId d : results.options().datasets()) {
            md.append("### ").append(d.cliName()).append("\n\n");
            EfficiencyResult r = results.efficiency(d);
            if (r == null) {
                md.append("Not measured (the benchmark or its source runs did not finish).\n\n");
                continue;
            }
            List<String> header = new ArrayList<>(List.of("compute mode", "test accuracy"));
            for (int b : batches) {
                header.add("b=" + b);
            }
            Table.Builder lat = Table.builder(header);
            List<String> memHeader = new ArrayList<>(List.of("compute mode"));
            for (int b : batches) {
                memHeader.add("b=" + b);
            }
            Table.Builder mem = Table.builder(memHeader);
            Table.Builder rss = Table.builder(memHeader);
            List<Plots.Series> series = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (ModeMeasurement m : r.modes()) {
                List<Object> row = new ArrayList<>(List.of(m.name()));
                List<Object> memRow = new ArrayList<>(List.of(m.name()));
                List<Object> rssRow = new ArrayList<>(List.of(m.name()));
                if (!m.measured()) {
                    // The note once, then dashes: never a number for a mode that did not run.
                    row.add(m.note());
                    memRow.add(m.note());
                    rssRow.add(m.note());
                    for (int i = 0; i < batches.size(); i++) {
                        row.add("—");
                        if (i > 0) {
                            memRow.add("—");
                            rssRow.add("—");
                        }
                        csv.addRow(
                                d.cliName(),
                                m.name(),
                                m.method(),
                                false,
                                m.note(),
                                batches.get(i),
                                "",
                                "",
                                "",
                                "",
                                "",
                                "");
                    }
                    missing.add(m.note());
                } else {
                    row.add(Fmt.pct(m.testAccuracy()));
                    double[] x = new double[batches.size()];
                    double[] y = new double[batches.size()];
                    for (int i = 0; i < batches.size(); i++) {
                        String key = Integer.toString(batches.get(i));
                        Double us = m.latencyMicros().get(key);
                        Long arrays = m.arrayBytes().get(key);
                        Long inc = m.peakIncreaseBytes().get(key);
                        Long peak = m.peakBytes().get(key);
                        row.add(us == null ? "n/a" : Fmt.micros(us));
                        memRow.add(arrays == null ? "not measured" : Fmt.bytes(arrays));
                        rssRow.add(inc == null ? "not measured" : "+" + Fmt.bytes(inc));
                        x[i] = batches.get(i);
                        y[i] = us == null ? Double.NaN : us;
                        int effective =
                                Math.min(
                                        batches.get(i),
                                        r.testSize() > 0 ? r.testSize() : batches.get(i));
                        csv.addRow(
                                d.cliName(),
                                m.name(),
                                m.method(),
                                true,
                                "",
                                batches.get(i),
                                us,
                                us == null ? "" : us / effective,
                                arrays,
                                inc,
                                peak,
                                m.testAccuracy());
                    }
                    if (java.util.Arrays.stream(y).allMatch(v -> v > 0)) {
                        series.add(Plots.Series.of(m.name(), x, y));
                    }
                }
                lat.addRow(row);
                mem.addRow(memRow);
                rss.addRow(rssRow);
            }
            md.append("Median latency per call (")
                    .append(r.weights())
                    .append("; engine threads ")
                    .append(r.engineThreads())
                    .append("):\n\n")
                    .append(MarkdownTable.render(lat.build()))
                    .append('\n');
            appendRatio(md, r, batches);
            appendHonestRatios(md, r, batches);
            md.append(
                            "Bytes of the arrays one call creates (exact for the DJL forward: its"
                                    + " sub-manager holds ")
                    .append(
                            "every intermediate until the call ends; input and logits"
                                    + " included):\n\n")
                    .append(MarkdownTable.render(mem.build()))
                    .append('\n')
                    .append(
                            "Rise of the process's peak resident size during three calls (noisy,"
                                    + " see above):\n\n")
                    .append(MarkdownTable.render(rss.build()))
                    .append('\n');
            if (!series.isEmpty()) {
                String png = "latency-" + d.cliName() + ".png";
                String note = missing.isEmpty() ? "" : " (" + String.join("; ", missing) + ")";
                Plots.lineChart(
                        dir.resolve(png),
                        "Inference latency per call, " + d.cliName() + " (median)",
                        "batch size" + note,
                        "latency per call [µs]",
                        series,
                        true,
                        true);
                md.append(Plots.markdownImage("Latency vs batch size, " + d.cliName(), png));
            }
        }
        CsvTable.write(dir.resolve("summary.csv"), csv.build());
        return new ReportSection(id(), md.toString());
    }

    /**
     * One line per measured MID-L variant: its latency over the fastest dense variant at each batch
     * size (named), the honest reference of issue 14.
     */
    private static void appendHonestRatios(
            StringBuilder md, EfficiencyResult r, List<Integer> batches) {
        for (ModeMeasurement m : r.modes()) {
            if (!m.measured() || !m.method().equals("midl")) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (int b : batches) {
                ModeMeasurement ref = r.fastestDense(b);
                Double a = m.latencyMicros().get(Integer.toString(b));
                if (ref != null && a != null) {
                    parts.add(
                            "b="
                                    + b
                                    + ": "
                                    + Fmt.ratio(a / ref.latencyMicros().get(Integer.toString(b)))
                                    + " of "
                                    + ref.name());
                }
            }
            md.append(m.name())
                    .append(" / fastest dense: ")
                    .append(String.join(", ", parts))
                    .append(".\n\n");
        }
    }

    /** One line: MID-L dense compute latency / dense latency per batch size. */
    private static void appendRatio(StringBuilder md, EfficiencyResult r, List<Integer> batches) {
        ModeMeasurement dense = r.mode(ComputeModes.DENSE);
        ModeMeasurement midl = r.mode(ComputeModes.MIDL_DENSE);
        if (dense == null || midl == null || !dense.measured() || !midl.measured()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (int b : batches) {
            Double a = midl.latencyMicros().get(Integer.toString(b));
            Double base = dense.latencyMicros().get(Integer.toString(b));
            if (a != null && base != null && base > 0) {
                parts.add("b=" + b + ": " + Fmt.ratio(a / base));
            }
        }
        md.append("MID-L (dense compute) / dense latency: ")
                .append(String.join(", ", parts))
                .append(".\n\n");
    }
}
