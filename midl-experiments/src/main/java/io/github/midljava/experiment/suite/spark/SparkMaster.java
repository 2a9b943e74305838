package io.github.midljava.experiment.suite.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated {@code --master} URL and what it means for the suite.
 *
 * <p>{@code local[N]} does not map to Spark's thread-based local mode: the engine's random
 * generator ({@code Engine.setRandomSeed}) and its thread pool are global to a JVM, so two runs
 * sharing one would draw from each other's generator (dropout masks, initialisation) and a result
 * would depend on its neighbours. It maps to Spark's {@code local-cluster[N,T,MB]}: a master and N
 * workers inside the driver, each launching one executor JVM of T cores that trains one run at a
 * time. Nothing is installed or started by hand, and every run has a JVM to itself.
 *
 * @param url the URL as given
 * @param kind what kind of master it is
 * @param localRuns for {@link Kind#LOCAL}, the number of concurrent runs (executor JVMs); 0 for
 *     {@code local[*]} (one per T cores); unused otherwise
 */
public record SparkMaster(String url, Kind kind, int localRuns) {

    /** The kinds of master URL the suite accepts. */
    public enum Kind {
        /** {@code local} or {@code local[N]}: embedded, N executor JVMs on this machine. */
        LOCAL,
        /** {@code local-cluster[N,C,MB]} as Spark defines it, passed through. */
        LOCAL_CLUSTER,
        /** {@code spark://HOST:PORT[,HOST:PORT]}: a standalone cluster. */
        STANDALONE,
        /** {@code yarn} or {@code k8s://...}: passed to Spark as is. */
        OTHER
    }

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d+|\\*)])?");
    private static final Pattern LOCAL_CLUSTER =
            Pattern.compile("local-cluster\\[\\s*\\d+\\s*,\\s*\\d+\\s*,\\s*\\d+\\s*]");
    private static final Pattern HOST_PORT =
            Pattern.compile("([^:,/\\s]+|\\[[0-9a-fA-F:]+]):(\\d+)");

    /**
     * Parses a {@code --master} URL.
     *
     * @throws IllegalArgumentException naming the URL and the accepted forms if it is none of them
     */
    public static SparkMaster parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(
                    "--master must not be empty: use local[N], spark://HOST:PORT, yarn or"
                            + " k8s://URL");
        }
        String u = url.strip();
        Matcher m = LOCAL.matcher(u);
        if (m.matches()) {
            String n = m.group(1);
            int runs = n == null ? 1 : n.equals("*") ? 0 : Integer.parseInt(n);
            if (n != null && !n.equals("*") && runs < 1) {
                throw new IllegalArgumentException(
                        "--master " + u + ": the number of concurrent runs must be >= 1");
            }
            return new SparkMaster(u, Kind.LOCAL, runs);
        }
        if (LOCAL_CLUSTER.matcher(u).matches()) {
            return new SparkMaster(u, Kind.LOCAL_CLUSTER, 0);
        }
        if (u.startsWith("spark://")) {
            String rest = u.substring("spark://".length());
            for (String hp : rest.split(",", -1)) {
                Matcher h = HOST_PORT.matcher(hp);
                if (!h.matches() || Integer.parseInt(h.group(2)) > 65535) {
                    throw new IllegalArgumentException(
                            "--master "
                                    + u
                                    + ": expected spark://HOST:PORT[,HOST:PORT...], got '"
                                    + hp
                                    + "'");
                }
            }
            return new SparkMaster(u, Kind.STANDALONE, 0);
        }
        if (u.equals("yarn") || u.startsWith("k8s://")) {
            return new SparkMaster(u, Kind.OTHER, 0);
        }
        throw new IllegalArgumentException(
                "--master: unknown master URL '"
                        + u
                        + "'; use local[N] (embedded, N concurrent runs), spark://HOST:PORT"
                        + " (standalone cluster), yarn or k8s://URL");
    }

    /** Returns whether the driver starts the master and executors itself (on this machine). */
    public boolean embedded() {
        return kind == Kind.LOCAL || kind == Kind.LOCAL_CLUSTER;
    }

    /**
     * Returns the URL handed to Spark: {@code local[N]} becomes {@code
     * local-cluster[N,threadsPerRun,memoryMb]}, one executor JVM per concurrent run.
     */
    public String sparkUrl(int threadsPerRun, int memoryMb) {
        if (kind != Kind.LOCAL) {
            return url;
        }
        return "local-cluster["
                + concurrentRuns(threadsPerRun)
                + ","
                + threadsPerRun
                + ","
                + memoryMb
                + "]";
    }

    /** Returns how many runs {@code local[N]} runs at once ({@code local[*]}: cores / T). */
    public int concurrentRuns(int threadsPerRun) {
        if (localRuns > 0) {
            return localRuns;
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors() / threadsPerRun);
    }

    /** Returns the HOST:PORT addresses of a standalone master URL; empty for other kinds. */
    public List<InetSocketAddress> addresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        if (kind != Kind.STANDALONE) {
            return out;
        }
        for (String hp : url.strip().substring("spark://".length()).split(",")) {
            Matcher h = HOST_PORT.matcher(hp);
            if (h.matches()) {
                String host = h.group(1).replace("[", "").replace("]", "");
                out.add(InetSocketAddress.createUnresolved(host, Integer.parseInt(h.group(2))));
            }
        }
        return out;
    }

    /**
     * Checks that a standalone master accepts connections within {@code timeout}, so that a wrong
     * URL fails in seconds with one line instead of Spark's minute of retries.
     *
     * @throws IllegalArgumentException naming the URL and the error if no address answers
     */
    public void checkReachable(Duration timeout) {
        List<InetSocketAddress> addresses = addresses();
        if (addresses.isEmpty()) {
            return;
        }
        List<String> errors = new ArrayList<>();
        for (InetSocketAddress a : addresses) {
            try (Socket s = new Socket()) {
                s.connect(
                        new InetSocketAddress(a.getHostString(), a.getPort()),
                        (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
                return;
            } catch (IOException e) {
                errors.add(
                        a.getHostString()
                                + ":"
                                + a.getPort()
                                + " ("
                                + (e.getMessage() == null
                                        ? e.getClass().getSimpleName()
                                        : e.getMessage())
                                + ")");
            }
        }
        throw new IllegalArgumentException(
                "--master "
                        + url
                        + ": no Spark master reachable within "
                        + timeout.toSeconds()
                        + " s: "
                        + String.join(", ", errors)
                        + "; start the master or fix the URL");
    }
}
