package io.github.midljava.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'
    };

    @TempDir Path dir;

    /** Asserts a valid 800 x 500 PNG and no temporary file left beside it. */
    private void assertValidPng(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(PNG_SIGNATURE.length);
        assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).containsExactly(PNG_SIGNATURE);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(Plots.WIDTH).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(Plots.HEIGHT).isEqualTo(500);
        try (var files = Files.list(png.getParent())) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void givenSeriesWithErrors_whenLineChartOnLogX_thenValidPng() throws IOException {
        // Given: latency against batch size, 1 ... 1024
        double[] batch = {1, 4, 16, 64, 256, 1024};
        Plots.Series dense =
                new Plots.Series(
                        "dense", batch, new double[] {5, 6, 9, 20, 70, 260}, new double[6]);
        Plots.Series midl =
                new Plots.Series(
                        "MID-L",
                        batch,
                        new double[] {7, 7, 8, 14, 40, 150},
                        new double[] {1, 1, 1, 2, 4, 10});
        Path png = dir.resolve("e4/latency.png");

        // When
        Plots.lineChart(png, "Latency", "batch size", "µs / batch", List.of(dense, midl), true);

        // Then
        assertValidPng(png);
    }

    @Test
    void givenCategoriesAndSeries_whenBarChartWithErrors_thenValidPng() throws IOException {
        // Given
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("DENSE", new double[] {0.981, 0.62});
        values.put("MIDL", new double[] {0.983, 0.64});
        Map<String, double[]> errors = Map.of("MIDL", new double[] {0.002, 0.01});
        Path png = dir.resolve("accuracy.png");

        // When: DENSE has no error bars (missing key), MIDL has
        Plots.barChartWithErrors(
                png, "Test accuracy", "accuracy", List.of("MNIST", "CIFAR-10"), values, errors);

        // Then
        assertValidPng(png);
    }

    @Test
    void givenSamplesOfDifferentSizes_whenHistogram_thenValidPng() throws IOException {
        // Given
        Random random = new Random(1);
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put("DENSE", random.doubles(512).map(v -> 0.3 * v).toArray());
        samples.put("MIDL", random.doubles(2048).map(v -> 0.1 + 0.4 * v).toArray());
        Path png = dir.resolve("mi-hist.png");

        // When
        Plots.histogram(png, "Per-neuron MI", "MI (nats)", samples, 30);

        // Then
        assertValidPng(png);
    }

    @Test
    void givenLabelledPoints_whenScatterPareto_thenValidPng() throws IOException {
        // Given
        List<Plots.ParetoPoint> points =
                List.of(
                        new Plots.ParetoPoint("DENSE", "dense", 1.6e6, 0.981),
                        new Plots.ParetoPoint("MIDL", "r=0.25", 0.5e6, 0.975),
                        new Plots.ParetoPoint("MIDL", "r=0.5", 0.9e6, 0.983),
                        new Plots.ParetoPoint("MIDL", "r=0.75", 1.3e6, 0.982));
        Path png = dir.resolve("pareto.png");

        // When
        Plots.scatterPareto(png, "Accuracy vs FLOPs", "FLOPs", "accuracy", points, true);

        // Then
        assertValidPng(png);
    }

    @Test
    void givenPoints_whenComputingParetoFront_thenNonDominatedByIncreasingCost() {
        // Given: b dominates d (cheaper and better); c ties a on cost and is worse
        Plots.ParetoPoint a = new Plots.ParetoPoint("s", "a", 1, 0.90);
        Plots.ParetoPoint b = new Plots.ParetoPoint("s", "b", 2, 0.95);
        Plots.ParetoPoint c = new Plots.ParetoPoint("s", "c", 1, 0.80);
        Plots.ParetoPoint d = new Plots.ParetoPoint("s", "d", 3, 0.94);
        Plots.ParetoPoint e = new Plots.ParetoPoint("s", "e", 4, 0.99);

        // When
        List<Plots.ParetoPoint> front = Plots.paretoFront(List.of(d, c, e, b, a));

        // Then
        assertThat(front).containsExactly(a, b, e);
    }

    @Test
    void givenSamples_whenBinning_thenFractionsSumToOneAndMaxFallsInLastBin() {
        // Given / When
        double[] f = Plots.binFractions(new double[] {0, 0.1, 0.5, 1.0}, 2, 0, 1);

        // Then: [0, 0.5) holds 0 and 0.1; [0.5, 1] holds 0.5 and 1.0
        assertThat(f).containsExactly(0.5, 0.5);
    }

    @Test
    void givenInvalidInput_whenPlotting_thenThrowsNamingTheValue() {
        assertThatThrownBy(() -> new Plots.Series("s", new double[2], new double[3], null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 2 and 3");
        Plots.Series zeroX = Plots.Series.of("z", new double[] {0, 1}, new double[] {1, 2});
        assertThatThrownBy(
                        () ->
                                Plots.lineChart(
                                        dir.resolve("x.png"), "t", "x", "y", List.of(zeroX), true))
                .hasMessageContaining("must be > 0, got 0.0");
        assertThatThrownBy(
                        () ->
                                Plots.histogram(
                                        dir.resolve("h.png"),
                                        "t",
                                        "x",
                                        Map.of("a", new double[] {1}),
                                        0))
                .hasMessageContaining("bins must be >= 1, got 0");
    }
}
