package io.github.midljava.cli;

import io.github.midljava.data.DatasetException;
import io.github.midljava.report.OutputDirectory;
import io.github.midljava.report.OutputException;
import io.github.midljava.train.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code midl} command line: train, demo, experiment and bench. */
@Command(
        name = "midl",
        mixinStandardHelpOptions = true,
        version = "midl 0.1.0 (DJL 0.36.0, PyTorch 2.7.1 CPU)",
        description =
                "MID-L (Matrix-Interpolated Dropout Layer) for Java: train, evaluate, reproduce, benchmark.",
        subcommands = {
            DemoCommand.class,
            BenchCommand.class,
            TrainCommand.class,
            ExperimentCommand.class,
            CommandLine.HelpCommand.class
        })
public final class MidlCli implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the command line with one-line error reporting.
     *
     * <p>Exit codes: 2 for what the user can fix before anything runs (a mistyped option, an
     * invalid value, a missing or corrupt data file, an unusable {@code --out}), printed as {@code
     * midl: error: <message>}, plus {@code see 'midl <command> --help'} for option errors instead
     * of picocli's whole usage text; 1 for a training that diverged or an output that could not be
     * written, also one line. Anything else is a bug and keeps its stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MidlCli());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(MidlCli::usageError);
        cl.setExecutionExceptionHandler(
                (ex, commandLine, parseResult) -> {
                    PrintWriter err = commandLine.getErr();
                    int code;
                    if (ex instanceof DatasetException
                            || ex instanceof IllegalArgumentException
                            || ex instanceof OutputException) {
                        code = 2;
                    } else if (ex instanceof TrainingDivergedException
                            || ex instanceof IOException
                            || ex instanceof UncheckedIOException) {
                        code = 1;
                    } else {
                        throw ex;
                    }
                    String message =
                            ex instanceof IOException io
                                    ? outputFailure(io)
                                    : ex instanceof UncheckedIOException u
                                            ? outputFailure(u.getCause())
                                            : ex instanceof IllegalArgumentException
                                                    ? withOption(ex.getMessage())
                                                    : ex.getMessage();
                    err.println("midl: error: " + oneLine(message));
                    err.flush();
                    return code;
                });
        return cl;
    }

    /** Prints a mistyped command line as one line plus where to read the usage; exit code 2. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String hint =
                ex instanceof CommandLine.UnmatchedArgumentException u
                                && !u.getSuggestions().isEmpty()
                        ? " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)"
                        : "";
        err.println("midl: error: " + oneLine(ex.getMessage()) + hint);
        err.println("see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * The options whose values the library checks (MidlConfig, RunSpec, SuiteOptions): their
     * messages name the field ({@code "activeRatio must be in (0, 1], got 1.5"}), which on the
     * command line reads better with the option in front.
     */
    private static final Map<String, String> OPTION_OF_FIELD =
            Map.ofEntries(
                    Map.entry("activeRatio", "--active-ratio"),
                    Map.entry("temperature", "--temperature"),
                    Map.entry("sparsityWeight", "--sparsity-weight"),
                    Map.entry("dropoutRate", "--dropout"),
                    Map.entry("gateRank", "--gate-rank"),
                    Map.entry("lightRank", "--light-rank"),
                    Map.entry("gateLearningRateScale", "--gate-lr-scale"),
                    Map.entry("warmupEpochs", "--warmup-epochs"),
                    Map.entry("epochs", "--epochs"),
                    Map.entry("trainFraction", "--train-fraction"),
                    Map.entry("labelNoise", "--label-noise"),
                    Map.entry("trainLimit", "--train-limit"),
                    Map.entry("testLimit", "--test-limit"),
                    Map.entry("smallTrainFraction", "--small-fraction"),
                    Map.entry("miNeighbours", "--mi-k"),
                    Map.entry("miThreshold", "--mi-threshold"),
                    Map.entry("smiDirections", "--smi-directions"),
                    Map.entry("smiSamples", "--smi-samples"),
                    Map.entry("accuracyMargin", "--accuracy-margin"),
                    Map.entry("seeds", "--seeds"),
                    Map.entry("ablationSeeds", "--ablation-seeds"));

    /** {@code "--active-ratio: activeRatio must be ..."} for a message about a known field. */
    static String withOption(String message) {
        if (message == null) {
            return null;
        }
        int space = message.indexOf(' ');
        String option = space > 0 ? OPTION_OF_FIELD.get(message.substring(0, space)) : null;
        return option == null ? message : option + ": " + message;
    }

    /** {@code "cannot write <file>: permission denied"} and the like. */
    private static String outputFailure(IOException e) {
        String file =
                e instanceof FileSystemException f && f.getFile() != null ? " " + f.getFile() : "";
        return "cannot write" + file + ": " + OutputDirectory.reason(e);
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replace('\n', ' ').replace('\r', ' ');
    }

    /** Entry point of the {@code ./midl} launcher. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
