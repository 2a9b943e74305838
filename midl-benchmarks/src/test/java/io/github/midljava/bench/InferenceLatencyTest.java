package io.github.midljava.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.midljava.inference.ComputeMode;
import io.github.midljava.inference.InferenceNetwork;
import io.github.midljava.inference.RandomWeights;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InferenceLatencyTest {
    @Test
    void givenTwoVariants_whenMeasuring_thenOneResultEachInOrder() {
        // Given
        int[] widths = {20, 16, 4};
        Map<String, InferenceNetwork> variants = new LinkedHashMap<>();
        variants.put(
                "dense",
                new InferenceNetwork(RandomWeights.denseMlp(widths, 1), ComputeMode.SPARSE, 1));
        variants.put(
                "midl",
                new InferenceNetwork(
                        RandomWeights.midlMlp(widths, 0.5, 2, 2, 1), ComputeMode.SPARSE, 1));
        // When
        List<InferenceLatency.Result> results = InferenceLatency.measure(variants, 3, 5, 21, 1);
        // Then
        assertThat(results)
                .extracting(InferenceLatency.Result::variant)
                .containsExactly("dense", "midl");
        assertThat(results)
                .allSatisfy(
                        r -> {
                            assertThat(r.calls()).isEqualTo(21);
                            assertThat(r.minMicros()).isPositive();
                            assertThat(r.medianMicros()).isBetween(r.minMicros(), r.p99Micros());
                        });
    }

    @Test
    void givenCandidates_whenFastest_thenLowestMedianNamed() {
        // Given
        List<InferenceLatency.Result> r =
                List.of(
                        new InferenceLatency.Result("dense/java/dense/rows", 1, 9, 50, 90, 40),
                        new InferenceLatency.Result("dense/java/dense/panels", 1, 9, 38, 99, 39),
                        new InferenceLatency.Result("dense/djl/dense/engine", 1, 9, 70, 80, 20));
        // When / Then: by median, not by the fastest single call
        assertThat(InferenceLatency.fastest(r).variant()).isEqualTo("dense/java/dense/panels");
    }

    @Test
    void givenVariantName_whenParsed_thenSamePartsAndName() {
        VariantKey key = VariantKey.parse("midl/java/sparse/rows");
        assertThat(key).isEqualTo(new VariantKey("midl", "java", "sparse", "rows"));
        assertThat(key.name()).isEqualTo("midl/java/sparse/rows");
        assertThat(key.isDenseModel()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VariantKey.parse("midl/java"))
                .hasMessage("variant name must be method/runtime/compute/kernel, got 'midl/java'");
    }
}
