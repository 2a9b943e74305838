package io.github.midljava.cli;

import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.DatasetLoaders;
import io.github.midljava.experiment.RunResult;
import io.github.midljava.experiment.RunSpec;
import io.github.midljava.experiment.TrainRun;
import io.github.midljava.model.Method;
import io.github.midljava.report.Fmt;
import io.github.midljava.report.Json;
import io.github.midljava.report.MarkdownTable;
import io.github.midljava.report.OutputDirectory;
import io.github.midljava.report.Table;
import io.github.midljava.train.Preset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code midl demo}: DENSE vs MID-L on MNIST, printed as a comparison table. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "The main job: DENSE vs MID-L on MNIST (quick preset), as a comparison table.")
public final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--preset",
            description = "quick, standard or paper. Default: ${DEFAULT-VALUE}.")
    Preset preset = Preset.QUICK;

    @Option(names = "--seed", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output directory. Default: ${DEFAULT-VALUE}.")
    Path out = Path.of("runs", "demo");

    @Option(
            names = "--overwrite",
            description = "Replace the results of a previous demo in DIR. Default: refuse.")
    boolean overwrite;

    @Mixin MidlOptions midl;

    @Mixin CommonOptions common;

    @Override
    public Integer call() throws Exception {
        List<String> written = new ArrayList<>();
        for (Method m : METHODS) {
            written.add(m.cliName() + "/result.json");
        }
        written.add(COMPARISON);
        try (OutputDirectory dir = OutputDirectory.claim(out, overwrite, written)) {
            return run();
        }
    }

    private static final Method[] METHODS = {Method.DENSE, Method.MIDL};
    private static final String COMPARISON = "comparison.md";

    private int run() throws Exception {
        common.configureEngine();
        Dataset data = DatasetLoaders.load(DatasetId.MNIST, common.dataOptions());
        List<RunResult> results = new ArrayList<>();
        for (Method m : METHODS) {
            RunSpec spec =
                    new RunSpec(
                            DatasetId.MNIST,
                            preset,
                            seed,
                            midl.toModelOptions(m),
                            0,
                            0,
                            1,
                            null,
                            true,
                            common.dataOptions(),
                            !common.noProgress);
            RunResult r = TrainRun.execute(spec, data);
            Json.write(out.resolve(m.cliName()).resolve("result.json"), r);
            results.add(r);
        }
        Table table = comparisonTable(results);
        MarkdownTable.write(out.resolve(COMPARISON), table);
        System.out.println();
        System.out.println("MNIST, MLP 784-512-512-10, preset " + preset + ", seed " + seed + ":");
        System.out.println(MarkdownTable.render(table));
        System.out.println("Results: " + out.toAbsolutePath());
        return 0;
    }

    /** The demo's table: one row per method. */
    static Table comparisonTable(List<RunResult> results) {
        Table.Builder t =
                Table.builder(
                        "method",
                        "test accuracy",
                        "active ratio",
                        "hidden-layer FLOPs (honest)",
                        "honest savings",
                        "paper-style savings",
                        "params",
                        "s/epoch",
                        "latency b=1",
                        "latency b=256");
        for (RunResult r : results) {
            t.addRow(
                    r.method(),
                    Fmt.pct(r.testAccuracy()),
                    Fmt.fixed(r.activeRatio(), 3),
                    Fmt.si(r.midlLayerFlops().honest()),
                    Fmt.ratio(r.honestSavings()),
                    Fmt.ratio(r.paperStyleSavings()),
                    Fmt.si(r.params()),
                    Fmt.fixed(r.trainSecondsPerEpoch(), 1),
                    r.latencyMicros() == null ? "" : Fmt.micros(r.latencyMicros().get("1")),
                    r.latencyMicros() == null ? "" : Fmt.micros(r.latencyMicros().get("256")));
        }
        return t.build();
    }
}
