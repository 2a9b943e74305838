package io.github.midljava.cli;

import io.github.midljava.TestData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * One in-process run of the {@code midl} command line, as a test sees it: the exit code and what
 * went to stderr.
 *
 * @param code the exit code
 * @param err everything printed on stderr
 */
record CliRun(int code, String err) {

    /** Runs {@code midl args...} in this JVM. */
    static CliRun of(List<String> args) {
        StringWriter err = new StringWriter();
        CommandLine cl = MidlCli.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.toArray(String[]::new));
        return new CliRun(code, err.toString());
    }

    /** Returns the non-blank lines of stderr. */
    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    /**
     * Returns the arguments of a tiny Adult training into {@code out}: 1 epoch, 300 training and
     * 300 test samples, offline, without progress, on the shared data; {@code extra} is appended.
     */
    static List<String> smallAdult(String method, Path out, String... extra) {
        List<String> a =
                new ArrayList<>(
                        List.of(
                                "train",
                                "--dataset",
                                "adult",
                                "--method",
                                method,
                                "--epochs",
                                "1",
                                "--train-limit",
                                "300",
                                "--test-limit",
                                "300"));
        a.addAll(quietOffline(out));
        a.addAll(List.of(extra));
        return a;
    }

    /** {@code --offline --no-progress --data-dir <shared data> --out <out>}. */
    static List<String> quietOffline(Path out) {
        return List.of(
                "--offline",
                "--no-progress",
                "--data-dir",
                TestData.root().toString(),
                "--out",
                out.toString());
    }
}
