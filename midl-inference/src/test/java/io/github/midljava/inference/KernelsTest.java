package io.github.midljava.inference;

import static io.github.midljava.inference.ScalarReference.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KernelsTest {
    private static final float TOL = 1e-4f;

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(TOL));
        }
    }

    @org.junit.jupiter.api.Test
    void givenFourVectors_whenSum4_thenBitwiseEqualToFourSums() {
        // Given: values of very different magnitudes, so that any other order would round
        // differently
        SplittableRandom rnd = new SplittableRandom(17);
        for (int trial = 0; trial < 200; trial++) {
            float[][] lanes = new float[4][Kernels.LANES];
            jdk.incubator.vector.FloatVector[] v = new jdk.incubator.vector.FloatVector[4];
            for (int a = 0; a < 4; a++) {
                for (int l = 0; l < Kernels.LANES; l++) {
                    lanes[a][l] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-3, 4)));
                }
                v[a] = jdk.incubator.vector.FloatVector.fromArray(Kernels.SPECIES, lanes[a], 0);
            }
            // When
            float[] out = new float[6];
            Kernels.sum4(v[0], v[1], v[2], v[3], out, 1);
            // Then
            for (int a = 0; a < 4; a++) {
                assertThat(out[1 + a]).as("accumulator %d", a).isEqualTo(Kernels.sum(v[a]));
            }
            assertThat(out[0]).isZero();
            assertThat(out[5]).isZero();
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "7, 5", "13, 29", "37, 64", "100, 70", "784, 33"})
    void givenOddSizes_whenDotAllRows_thenMatchesScalarReference(int d, int n) {
        // Given
        SplittableRandom rnd = new SplittableRandom(d * 31L + n);
        float[] w = random(n * d, rnd);
        float[] x = random(d + 3, rnd);
        // When: an input offset of 3 and an output offset of 2
        float[] out = new float[n + 2];
        Kernels.dotAllRows(w, d, n, x, 3, out, 2);
        // Then
        float[] shifted = java.util.Arrays.copyOfRange(x, 3, 3 + d);
        float[] expected = ScalarReference.linear(shifted, 1, w, null, d, n);
        assertClose(java.util.Arrays.copyOfRange(out, 2, n + 2), expected);
    }

    @ParameterizedTest
    @CsvSource({"37, 29, 5", "100, 70, 31", "784, 512, 230", "9, 10, 10"})
    void givenSelectedRows_whenDotRows_thenEachIsTheDotOfItsRow(int d, int n, int k) {
        // Given: k distinct rows in ascending order
        SplittableRandom rnd = new SplittableRandom(n + k);
        float[] w = random(n * d, rnd);
        float[] x = random(d, rnd);
        int[] rows = rnd.ints(0, n).distinct().limit(k).sorted().toArray();
        // When
        float[] out = new float[k];
        Kernels.dotRows(w, d, rows, 0, k, x, 0, out, 0);
        // Then
        float[] all = ScalarReference.linear(x, 1, w, null, d, n);
        assertClose(out, gather(all, rows));
    }

    private static float[] gather(float[] a, int[] idx) {
        float[] g = new float[idx.length];
        for (int t = 0; t < idx.length; t++) {
            g[t] = a[idx[t]];
        }
        return g;
    }

    @ParameterizedTest
    @CsvSource({
        "1, 37, 29",
        "7, 37, 29",
        "64, 37, 29",
        "7, 100, 70",
        "64, 784, 70",
        "9, 16, 64",
        "64, 13, 1",
        "8, 20, 70",
        "9, 20, 33",
        "15, 20, 33",
        "200, 20, 40",
        "2, 20, 40",
        "3, 20, 40",
        "401, 9, 33"
    })
    void givenBatch_whenGemm_thenMatchesScalarReference(int batch, int d, int n) {
        // Given
        SplittableRandom rnd = new SplittableRandom(batch * 1000L + d * 10L + n);
        float[] w = random(n * d, rnd);
        float[] x = random(batch * d + 5, rnd);
        float[] expected =
                ScalarReference.linear(
                        java.util.Arrays.copyOfRange(x, 5, 5 + batch * d), batch, w, null, d, n);
        // When
        float[] packedOut = new float[batch * n + 1];
        Kernels.gemm(
                batch == 1,
                x,
                5,
                batch,
                Kernels.pack(w, n, d),
                w,
                d,
                n,
                0,
                n,
                packedOut,
                1,
                new float[Kernels.MR * Kernels.NR]);
        // Then
        assertClose(java.util.Arrays.copyOfRange(packedOut, 1, batch * n + 1), expected);
    }

    @ParameterizedTest
    @CsvSource({"7, 37, 70", "1, 37, 70", "64, 100, 29"})
    void givenRowSplit_whenGemmInParts_thenSameAsWhole(int batch, int d, int n) {
        // Given
        SplittableRandom rnd = new SplittableRandom(batch + d + n);
        float[] w = random(n * d, rnd);
        float[] x = random(batch * d, rnd);
        float[] packed = Kernels.pack(w, n, d);
        float[] whole = new float[batch * n];
        Kernels.gemm(
                batch == 1,
                x,
                0,
                batch,
                packed,
                w,
                d,
                n,
                0,
                n,
                whole,
                0,
                new float[Kernels.MR * Kernels.NR]);
        // When: three parts, aligned as the layers align them
        int align = batch == 1 ? 4 : Kernels.NR;
        float[] parts = new float[batch * n];
        for (int p = 0; p < 3; p++) {
            int from = Kernels.split(n, p, 3, align);
            int to = Kernels.split(n, p + 1, 3, align);
            if (from < to) {
                Kernels.gemm(
                        batch == 1,
                        x,
                        0,
                        batch,
                        packed,
                        w,
                        d,
                        n,
                        from,
                        to,
                        parts,
                        0,
                        new float[Kernels.MR * Kernels.NR]);
            }
        }
        // Then: bitwise the same, every column written once
        assertThat(parts).containsExactly(whole);
    }

    @ParameterizedTest
    @CsvSource({"16, 512", "3, 29", "16, 70", "1, 7"})
    void givenTransposedUpProjection_whenUpProject_thenMatchesScalarReference(int r, int n) {
        // Given: up [n, r] and its transpose [r, n]
        SplittableRandom rnd = new SplittableRandom(r * 100L + n);
        float[] up = random(n * r, rnd);
        float[] upT = new float[r * n];
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < r; c++) {
                upT[c * n + j] = up[j * r + c];
            }
        }
        float[] s = random(r + 1, rnd);
        float[] bias = random(n, rnd);
        // When
        float[] out = new float[n];
        Kernels.upProject(s, 1, r, upT, n, bias, out, 0);
        // Then
        float[] expected =
                ScalarReference.linear(
                        java.util.Arrays.copyOfRange(s, 1, r + 1), 1, up, bias, r, n);
        assertClose(out, expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 200", "3, 77", "64, 130", "5, 6"})
    void givenUnitRange_whenUpProjectAndBiasSigmoid_thenBitwiseEqualToThatSliceOfTheWhole(
            int from, int to) {
        // Given: n = 200 units, rank 16; ranges aligned, unaligned and shorter than a vector
        int n = 200;
        int r = 16;
        SplittableRandom rnd = new SplittableRandom(from * 1000L + to);
        float[] upT = random(r * n, rnd);
        float[] s = random(r, rnd);
        float[] bias = random(n, rnd);
        float[] whole = new float[n];
        Kernels.upProject(s, 0, r, upT, n, null, whole, 0);
        Kernels.biasSigmoid(whole, 0, n, bias, 0.7f);
        // When
        float[] part = new float[n];
        Kernels.upProject(s, 0, r, upT, n, from, to, null, part, 0);
        Kernels.biasSigmoid(part, from, to - from, bias, from, 0.7f);
        // Then: what splitting the gate across threads relies on
        assertThat(java.util.Arrays.copyOfRange(part, from, to))
                .containsExactly(java.util.Arrays.copyOfRange(whole, from, to));
    }

    @ParameterizedTest
    @CsvSource({"1.0, 37", "0.5, 512", "3.0, 5"})
    void givenPreActivations_whenBiasSigmoid_thenMatchesScalarSigmoid(float tau, int n) {
        // Given
        SplittableRandom rnd = new SplittableRandom(n);
        float[] z = random(n, rnd);
        for (int i = 0; i < n; i++) {
            z[i] *= 20;
        }
        float[] bias = random(n, rnd);
        float[] a = z.clone();
        // When
        Kernels.biasSigmoid(a, 0, n, bias, tau);
        // Then
        for (int i = 0; i < n; i++) {
            double expected = 1 / (1 + Math.exp(-(z[i] + bias[i]) / (double) tau));
            assertThat(a[i]).isCloseTo((float) expected, within(1e-6f));
        }
    }

    @org.junit.jupiter.api.Test
    void givenInputsAcrossTheRange_whenExp_thenWithinTwoUlpsAndVectorEqualsScalar() {
        // Given: inputs from -87 to 88, a vector's worth at a time
        int n = Kernels.LANES * 4000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = -87f + 175f * i / n;
        }
        for (int i = 0; i < n; i += Kernels.LANES) {
            // When
            float[] v = new float[Kernels.LANES];
            Kernels.exp(jdk.incubator.vector.FloatVector.fromArray(Kernels.SPECIES, x, i))
                    .intoArray(v, 0);
            for (int l = 0; l < Kernels.LANES; l++) {
                // Then
                float expected = (float) Math.exp(x[i + l]);
                assertThat(v[l]).isCloseTo(expected, within(2 * Math.ulp(expected)));
                assertThat(Kernels.exp(x[i + l])).isEqualTo(v[l]);
            }
        }
    }
}
