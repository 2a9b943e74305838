package io.github.midljava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.midljava.report.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random values of the numeric model options: each must either be rejected at once (exit 2, one
 * line naming the option) or train to a finite loss and a result; never a NaN result, never a stack
 * trace. Tiny runs: Adult, 1 epoch, 300 training and 300 test samples.
 */
class NumericOptionsFuzzTest {

    /** Fixed, so a failure is reproducible; the values drawn are printed with any failure. */
    private static final long SEED = 13;

    @TempDir Path tmp;

    /** Random values over 600 decades, one in eight negative. */
    private static List<Double> random(Random random, int count) {
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double magnitude = Math.pow(10, random.nextDouble() * 600 - 300);
            v.add(random.nextInt(8) == 0 ? -magnitude : magnitude);
        }
        return v;
    }

    @Test
    void givenRandomOptionValues_whenTraining_thenRejectedWithExit2OrFiniteLoss() throws Exception {
        Random random = new Random(SEED);
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        double tiny = Double.MIN_VALUE; // subnormal
        double huge = Double.MAX_VALUE;
        List<String> cases = new ArrayList<>();
        // Values that break float32 one way or another, random ones, and the range's edges (which
        // must train).
        add(cases, "--temperature", List.of(tiny, 1e-50, 1e39, huge, nan, inf, -1.0, 0.0));
        add(cases, "--temperature", random(random, 2));
        add(cases, "--temperature", List.of(1e-2, 1e3));
        add(cases, "--sparsity-weight", List.of(1e39, huge, nan, inf, -1.0, tiny));
        add(cases, "--sparsity-weight", random(random, 2));
        add(cases, "--sparsity-weight", List.of(1e3));
        add(cases, "--active-ratio", List.of(0.0, -1.0, nan, inf, 1.0000001, tiny));
        add(cases, "--active-ratio", random(random, 2));
        add(cases, "--dropout", List.of(0.99999999, 1.0, nan, -0.1, 0.999));
        int trained = 0;
        for (int i = 0; i < cases.size(); i++) {
            String[] c = cases.get(i).split(" ");
            Outcome o = train(c[0], c[1], tmp.resolve("run-" + i));
            String what = c[0] + " " + c[1] + " (seed " + SEED + "): exit " + o.code + ", " + o.err;
            assertThat(o.code).as(what).isIn(0, 2);
            assertThat(o.err).as(what).doesNotContain("\tat ").doesNotContain("Exception");
            if (o.code == 2) {
                assertThat(o.err.lines().filter(l -> !l.isBlank()).count()).as(what).isEqualTo(1);
                assertThat(o.err).as(what).startsWith("midl: error: ");
                assertThat(tmp.resolve("run-" + i).resolve("result.json")).doesNotExist();
            } else {
                trained++;
                JsonObject r = Json.read(o.result, JsonObject.class);
                JsonArray losses = r.getAsJsonArray("epochLosses");
                assertThat(losses.size()).as(what).isEqualTo(1);
                assertThat(Double.isFinite(losses.get(0).getAsDouble())).as(what).isTrue();
                assertThat(r.get("testAccuracy").getAsDouble()).as(what).isBetween(0.0, 1.0);
            }
        }
        // The edges of the ranges, the subnormal ratio and lambda, dropout 0.999 at least
        assertThat(trained).as("runs that trained").isGreaterThanOrEqualTo(6);
    }

    private static void add(List<String> cases, String option, List<Double> values) {
        for (double v : values) {
            cases.add(option + " " + v);
        }
    }

    private record Outcome(int code, String err, Path result) {}

    private static Outcome train(String option, String value, Path out) {
        String method = option.equals("--dropout") ? "dropout" : "midl";
        CliRun run = CliRun.of(CliRun.smallAdult(method, out, option, value));
        Path result = out.resolve("result.json");
        return new Outcome(run.code(), run.err(), Files.exists(result) ? result : null);
    }
}
