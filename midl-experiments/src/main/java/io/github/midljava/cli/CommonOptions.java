package io.github.midljava.cli;

import io.github.midljava.data.DataOptions;
import io.github.midljava.train.ClassifierTrainer;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every data-reading command shares: where the data is, threads, progress. */
public final class CommonOptions {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Data root with one folder per dataset (mnist/, cifar-10/, ...). Default: $MIDL_DATA_DIR, else ~/.midl/data.")
    Path dataDir;

    /** The command this mixin belongs to, for errors about its options. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    int threads = 0;

    /** {@code --threads}: checked while the command line is parsed, before anything runs. */
    @Option(
            names = "--threads",
            description = "Engine intra-op threads, >= 0. Default: 0 (all cores).")
    void setThreads(int value) {
        if (value < 0) {
            throw new ParameterException(
                    mixee.commandLine(), "--threads must be >= 0 (0 = all cores), got " + value);
        }
        threads = value;
    }

    @Option(names = "--no-progress", description = "Do not show training progress.")
    boolean noProgress;

    /** How training progress is shown. */
    enum ProgressStyle {
        /** A bar on a terminal, lines otherwise. */
        AUTO,
        /** A bar redrawn in place. */
        BAR,
        /** One line per epoch (logs, pipes). */
        LINES
    }

    @Option(
            names = "--progress",
            paramLabel = "STYLE",
            description =
                    "${COMPLETION-CANDIDATES}: a bar redrawn in place, or one line per epoch."
                            + " Default: ${DEFAULT-VALUE} (the bar on a terminal, lines otherwise).")
    ProgressStyle progress = ProgressStyle.AUTO;

    @Option(names = "--offline", description = "Never download; fail with a clear message instead.")
    boolean offline;

    /** Returns the data options for these flags. */
    public DataOptions dataOptions() {
        DataOptions d = DataOptions.defaults().withDataDir(dataDir);
        return offline ? d.withDownload(false) : d;
    }

    /**
     * Pins the engine's thread counts and sets the progress style. Must run before the first DJL
     * call: the engine reads the thread counts once, when it loads.
     */
    public void configureEngine() {
        if (progress != ProgressStyle.AUTO) {
            System.setProperty(
                    ClassifierTrainer.PROGRESS_PROPERTY,
                    progress.name().toLowerCase(java.util.Locale.ROOT));
        } else {
            System.clearProperty(ClassifierTrainer.PROGRESS_PROPERTY);
        }
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("ai.djl.offline", "true");
    }
}
