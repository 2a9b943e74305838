package io.github.midljava.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopKMaskTest {

    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void givenAllEqualRow_whenMasking_thenLowestIndicesWin() {
        // Given a row of identical gate values
        NDArray g = manager.full(new Shape(1, 6), 0.5f);
        // When selecting k = 2
        float[] m = TopKMask.mask(g, 2).toFloatArray();
        // Then the two lowest indices are chosen, not the order libtorch's topk returns
        assertThat(m).containsExactly(1, 1, 0, 0, 0, 0);
    }

    @Test
    void givenTieStraddlingTheCut_whenMasking_thenLowerTiedIndexWins() {
        // Given a clear winner at index 4 and a three-way tie for the second place
        NDArray g = manager.create(new float[][] {{0.2f, 0.7f, 0.1f, 0.7f, 0.9f, 0.7f}});
        // When selecting k = 2
        float[] m = TopKMask.mask(g, 2).toFloatArray();
        // Then index 4 and the lowest of the tied indices (1) are chosen
        assertThat(m).containsExactly(0, 1, 0, 0, 1, 0);
    }

    @Test
    void givenRandomBatch_whenMasking_thenExactlyKOnesPerRowOnTheLargest() {
        // Given random gates for a batch of 64 rows of 50 units
        manager.getEngine().setRandomSeed(7);
        NDArray g = manager.randomUniform(0, 1, new Shape(64, 50));
        float[] gv = g.toFloatArray();
        // When selecting k = 23
        float[] m = TopKMask.mask(g, 23).toFloatArray();
        // Then every row holds exactly 23 ones, each at least as large as every unselected value
        for (int r = 0; r < 64; r++) {
            int ones = 0;
            float minSelected = Float.MAX_VALUE;
            float maxUnselected = -Float.MAX_VALUE;
            for (int j = 0; j < 50; j++) {
                float v = gv[r * 50 + j];
                if (m[r * 50 + j] == 1f) {
                    ones++;
                    minSelected = Math.min(minSelected, v);
                } else {
                    assertThat(m[r * 50 + j]).isZero();
                    maxUnselected = Math.max(maxUnselected, v);
                }
            }
            assertThat(ones).isEqualTo(23);
            assertThat(minSelected).isGreaterThanOrEqualTo(maxUnselected);
        }
    }

    @Test
    void givenGatesWithManyTies_whenMaskingInJavaAndInEngine_thenSameMask() {
        // Given: 32 rows of 40 units rounded to multiples of 1/8, so ties straddle the cut often
        manager.getEngine().setRandomSeed(3);
        NDArray g = manager.randomUniform(0, 1, new Shape(32, 40)).mul(8).floor().div(8);
        for (int k : new int[] {1, 7, 18, 39, 40}) {
            // When
            float[] java = TopKMask.maskInJava(g, k).toFloatArray();
            float[] engine = TopKMask.maskInEngine(g, k).toFloatArray();
            // Then: the CPU shortcut and the engine operators select the same units
            assertThat(java).as("k = %d", k).containsExactly(engine);
        }
    }

    @Test
    void givenTransposedGate_whenMaskingInJava_thenSameMaskAsItsContiguousCopy() {
        // Given a gate that is a transposed view (not contiguous: the engine's direct view of it
        // would be its storage in the other order) and a contiguous copy of the same values
        manager.getEngine().setRandomSeed(5);
        NDArray base = manager.randomUniform(0, 1, new Shape(12, 9));
        NDArray transposed = base.transpose();
        NDArray copy = manager.create(transposed.toFloatArray(), transposed.getShape());
        // When masking both in Java
        float[] fromView = TopKMask.maskInJava(transposed, 4).toFloatArray();
        float[] fromCopy = TopKMask.maskInJava(copy, 4).toFloatArray();
        // Then the selection follows the logical layout, not the storage
        assertThat(fromView).containsExactly(fromCopy);
        assertThat(fromView).containsExactly(TopKMask.maskInEngine(copy, 4).toFloatArray());
    }

    @Test
    void givenMaskFromJava_whenGarbageIsCollected_thenItsValuesStay() {
        // Given a mask handed to the engine in a Java direct buffer
        manager.getEngine().setRandomSeed(6);
        NDArray g = manager.randomUniform(0, 1, new Shape(64, 50));
        NDArray m = TopKMask.maskInJava(g, 20);
        float[] before = m.toFloatArray();
        // When the collector runs and other buffers take memory
        for (int i = 0; i < 5; i++) {
            System.gc();
            manager.randomUniform(0, 1, new Shape(64, 50)).toFloatArray();
        }
        // Then the array still holds its ones (the NDArray keeps its buffer alive)
        assertThat(m.toFloatArray()).containsExactly(before);
        assertThat(m.sum().getFloat()).isEqualTo(64 * 20f);
    }

    @Test
    void givenBatchOfOne_whenMasking_thenShapeIsKept() {
        NDArray g = manager.create(new float[][] {{0.1f, 0.3f, 0.2f}});
        NDArray m = TopKMask.mask(g, 1);
        assertThat(m.getShape()).isEqualTo(new Shape(1, 3));
        assertThat(m.toFloatArray()).containsExactly(0, 1, 0);
    }

    @Test
    void givenKOutOfRange_whenMasking_thenRejected() {
        NDArray g = manager.ones(new Shape(2, 3));
        assertThatThrownBy(() -> TopKMask.mask(g, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be in [1, 3], got 4");
        assertThatThrownBy(() -> TopKMask.mask(g, 0)).hasMessageContaining("got 0");
    }
}
