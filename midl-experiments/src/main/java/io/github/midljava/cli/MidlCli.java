package io.github.midljava.cli;

import io.github.midljava.data.DatasetException;
import java.io.PrintWriter;
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

    /** Builds the command line with one-line error reporting for data and configuration errors. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MidlCli());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(
                (ex, commandLine, parseResult) -> {
                    PrintWriter err = commandLine.getErr();
                    if (ex instanceof DatasetException || ex instanceof IllegalArgumentException) {
                        err.println("midl: error: " + ex.getMessage());
                        err.flush();
                        return 2;
                    }
                    throw ex;
                });
        return cl;
    }

    /** Entry point of the {@code ./midl} launcher. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
