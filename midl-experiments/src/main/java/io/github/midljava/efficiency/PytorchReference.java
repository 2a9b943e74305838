package io.github.midljava.efficiency;

import com.google.gson.JsonObject;
import io.github.midljava.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent PyTorch reference script ({@code ../shared/bench/pytorch_reference.py}) in
 * both thread layouts its README gives, in this session and on this machine, and keeps the better
 * figure per model, so that our numbers can be compared as ratios measured together.
 */
final class PytorchReference {

    /** The best reference figures of one model (dense, dropout or midl). */
    record Figures(
            String model,
            double trainSamplesPerSecond,
            double batch1Micros,
            double batch256Micros) {}

    private PytorchReference() {}

    /** Returns the figures per model, or an empty map with the reason printed if it cannot run. */
    static Map<String, Figures> run(Path script, String python) {
        Map<String, Figures> best = new LinkedHashMap<>();
        if (!Files.isRegularFile(script)) {
            System.err.println("PyTorch reference skipped: no script at " + script);
            return best;
        }
        String[][] layouts = {
            {"--blas-threads", "1", "--threads", "2"}, {"--blas-threads", "2", "--threads", "1"}
        };
        for (String[] layout : layouts) {
            List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "throughput"));
            cmd.addAll(List.of(layout));
            try {
                Process p =
                        new ProcessBuilder(cmd)
                                .redirectError(ProcessBuilder.Redirect.DISCARD)
                                .start();
                String out = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    System.err.println("PyTorch reference failed (" + String.join(" ", cmd) + ")");
                    continue;
                }
                for (String line : out.split("\n")) {
                    if (!line.startsWith("{")) {
                        continue;
                    }
                    JsonObject o = Json.fromJson(line, JsonObject.class);
                    Figures f =
                            new Figures(
                                    o.get("model").getAsString(),
                                    o.get("trainSamplesPerSecond").getAsDouble(),
                                    o.get("inferBatch1Micros").getAsDouble(),
                                    o.get("inferBatch256Micros").getAsDouble());
                    best.merge(f.model(), f, PytorchReference::better);
                }
            } catch (IOException e) {
                System.err.println("PyTorch reference skipped: " + e.getMessage());
                return best;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return best;
            }
        }
        return best;
    }

    /** The better of two layouts, figure by figure (faster training, lower latency). */
    private static Figures better(Figures a, Figures b) {
        return new Figures(
                a.model(),
                Math.max(a.trainSamplesPerSecond(), b.trainSamplesPerSecond()),
                Math.min(a.batch1Micros(), b.batch1Micros()),
                Math.min(a.batch256Micros(), b.batch256Micros()));
    }
}
