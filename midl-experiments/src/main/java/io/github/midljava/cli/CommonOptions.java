package io.github.midljava.cli;

import io.github.midljava.data.DataOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every data-reading command shares: where the data is, threads, progress. */
public final class CommonOptions {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description =
                    "Data root with one folder per dataset (mnist/, cifar-10/, ...). Default: $MIDL_DATA_DIR, else ~/.midl/data.")
    Path dataDir;

    @Option(
            names = "--threads",
            description = "Engine intra-op threads. Default: all cores (${DEFAULT-VALUE} = auto).")
    int threads = 0;

    @Option(names = "--no-progress", description = "Do not draw progress bars.")
    boolean noProgress;

    @Option(names = "--offline", description = "Never download; fail with a clear message instead.")
    boolean offline;

    /** Returns the data options for these flags. */
    public DataOptions dataOptions() {
        DataOptions d = DataOptions.defaults().withDataDir(dataDir);
        return offline ? d.withDownload(false) : d;
    }

    /**
     * Pins the engine's thread counts. Must run before the first DJL call: the engine reads them
     * once, when it loads.
     */
    public void configureEngine() {
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("ai.djl.offline", "true");
    }
}
