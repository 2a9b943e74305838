package io.github.midljava.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopKTest {
    private static int[] select(float[] v, int k) {
        int[] sel = new int[k];
        TopK.select(v, 0, v.length, k, sel, 0, new float[TopK.CANDIDATES], new int[k]);
        return sel;
    }

    @Test
    void givenTiedGates_whenSelectingTopK_thenLowerIndexWins() {
        // Given: 0.9 once, then four ties at 0.5 competing for two places
        float[] g = {0.5f, 0.1f, 0.5f, 0.9f, 0.5f, 0.5f, 0.2f};
        // When
        int[] sel = select(g, 3);
        // Then: 0.9 (index 3) plus the two lowest-index ties (0 and 2)
        assertThat(sel).containsExactly(0, 2, 3);
    }

    @Test
    void givenAllEqual_whenSelectingTopK_thenFirstKIndices() {
        // Given
        float[] g = new float[37];
        java.util.Arrays.fill(g, 0.25f);
        // When
        int[] sel = select(g, 5);
        // Then
        assertThat(sel).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void givenKEqualsN_whenSelectingTopK_thenEverything() {
        // Given
        float[] g = {0.3f, 0.1f, 0.2f};
        // When
        int[] sel = select(g, 3);
        // Then
        assertThat(sel).containsExactly(0, 1, 2);
    }

    @Test
    void givenOffset_whenSelectingTopK_thenIndicesAreRelativeToTheOffset() {
        // Given: a second sample stored after a first one
        float[] v = {9f, 9f, 9f, 0.1f, 0.7f, 0.3f, 0.8f};
        int[] sel = new int[2 + 2];
        // When
        TopK.select(v, 3, 4, 2, sel, 2, new float[TopK.CANDIDATES], new int[2]);
        // Then
        assertThat(sel).containsExactly(0, 0, 1, 3);
    }

    @ParameterizedTest
    @CsvSource({
        "512, 230, 0",
        "512, 1, 0",
        "512, 511, 0",
        "29, 13, 0",
        "512, 230, 4",
        "1000, 450, 3",
        "7, 3, 1",
        "64, 32, 2"
    })
    void givenRandomValues_whenSelectingTopK_thenExactlyTheReferenceTopK(
            int n, int k, int distinct) {
        for (int seed = 0; seed < 20; seed++) {
            // Given: continuous values, or only `distinct` levels (many ties), negatives included
            SplittableRandom rnd = new SplittableRandom(seed);
            float[] v = new float[n];
            for (int j = 0; j < n; j++) {
                v[j] =
                        distinct == 0
                                ? (float) rnd.nextDouble(-2, 2)
                                : rnd.nextInt(distinct) * 0.25f - 0.3f;
            }
            // When
            int[] sel = select(v, k);
            // Then
            assertThat(sel).as("seed %d", seed).containsExactly(ScalarReference.topK(v, 0, n, k));
        }
    }

    @ParameterizedTest
    @CsvSource({"512, 230", "1000, 450", "29, 13", "64, 63"})
    void givenRoomAfterTheSelection_whenSelectingTopK_thenOnlyTheSlackIsOverwritten(int n, int k) {
        // Given: the selection lands at offset 5 of a larger array of sentinels
        SplittableRandom rnd = new SplittableRandom(11);
        float[] v = new float[n];
        for (int j = 0; j < n; j++) {
            v[j] = (float) rnd.nextDouble();
        }
        int off = 5;
        int[] sel = new int[off + k + TopK.SEL_SLACK + 16];
        java.util.Arrays.fill(sel, -7);
        // When
        TopK.select(v, 0, n, k, sel, off, new float[TopK.CANDIDATES], new int[k]);
        // Then: the k indices are right, nothing before them and nothing past the slack changed
        assertThat(java.util.Arrays.copyOfRange(sel, off, off + k))
                .containsExactly(ScalarReference.topK(v, 0, n, k));
        assertThat(java.util.Arrays.copyOfRange(sel, 0, off)).containsOnly(-7);
        assertThat(java.util.Arrays.copyOfRange(sel, off + k + TopK.SEL_SLACK, sel.length))
                .containsOnly(-7);
    }

    @Test
    void givenSigmoidLikeGatesNearOne_whenSelectingTopK_thenExactlyK() {
        // Given: saturated gates, many of them exactly 1.0f
        float[] g = new float[512];
        SplittableRandom rnd = new SplittableRandom(5);
        for (int j = 0; j < g.length; j++) {
            g[j] = (float) (1 / (1 + Math.exp(-rnd.nextDouble(0, 30))));
        }
        // When
        int[] sel = select(g, 230);
        // Then
        assertThat(sel).hasSize(230).isSorted().doesNotHaveDuplicates();
        assertThat(sel).containsExactly(ScalarReference.topK(g, 0, 512, 230));
    }

    @Test
    void givenNaN_whenSelectingTopK_thenStillExactlyKDistinctInRange() {
        // Given
        float[] g = {0.5f, Float.NaN, 0.2f, Float.NaN, 0.9f};
        // When
        int[] sel = select(g, 3);
        // Then
        assertThat(sel).hasSize(3).isSorted().doesNotHaveDuplicates();
        assertThat(sel[0]).isNotNegative();
        assertThat(sel[2]).isLessThanOrEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource({"512, 230, 300", "512, 230, 10", "100, 45, 60", "37, 5, 36"})
    void givenNaNOfEitherSign_whenSelectingTopK_thenNaNRanksLastAndExactlyK(
            int n, int k, int nans) {
        // Given a row where `nans` entries are NaN, half with the sign bit set (x86's default NaN,
        // what 0 * inf gives): those used to overflow the selection array
        SplittableRandom rnd = new SplittableRandom(n + k + nans);
        float[] g = new float[n];
        for (int j = 0; j < n; j++) {
            g[j] = (float) rnd.nextDouble();
        }
        float negativeNaN = Float.intBitsToFloat(0xFFC00000);
        for (int q = 0; q < nans; q++) {
            g[(q * 7) % n] = q % 2 == 0 ? negativeNaN : Float.NaN;
        }
        // When
        int[] sel = select(g, k);
        // Then: the largest numbers first, NaN only to fill, lowest NaN indices first
        float[] numbersFirst = g.clone();
        for (int j = 0; j < n; j++) {
            if (Float.isNaN(numbersFirst[j])) {
                numbersFirst[j] = Float.NEGATIVE_INFINITY;
            }
        }
        assertThat(sel).hasSize(k).isSorted().doesNotHaveDuplicates();
        assertThat(sel).containsExactly(ScalarReference.topK(numbersFirst, 0, n, k));
    }
}
