package io.github.midljava.experiment.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.github.midljava.data.DataSplit;
import io.github.midljava.data.DatasetId;
import io.github.midljava.model.Method;
import io.github.midljava.model.ModelFactory;
import io.github.midljava.model.ModelOptions;
import io.github.midljava.train.Predictor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The probe on a freshly initialised Adult-shaped MID-L model (20 features, 3 classes). */
class HiddenLayerProbeTest {

    private static final int SAMPLES = 600; // more than one probe batch of 500
    private static final int FEATURES = 20; // >= the default gate and light ranks (16)

    private static DataSplit randomSplit() {
        Random r = new Random(7);
        float[] x = new float[SAMPLES * FEATURES];
        int[] y = new int[SAMPLES];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < SAMPLES; i++) {
            y[i] = r.nextInt(3);
        }
        return new DataSplit(x, y, new long[] {FEATURES}, 3);
    }

    private static Model model(Method method) {
        Engine.getInstance().setRandomSeed(3);
        SequentialBlock block =
                ModelFactory.build(
                        DatasetId.ADULT, new long[] {FEATURES}, 3, ModelOptions.defaults(method));
        Model model = Model.newInstance("probe");
        model.setBlock(block);
        try {
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, FEATURES));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    @Test
    void
            givenMidlModel_whenActivationsOfLayerTwoGoThroughTheClassifier_thenTheyGiveTheModelsLogits() {
        try (Model model = model(Method.MIDL)) {
            // Given
            SequentialBlock block = (SequentialBlock) model.getBlock();
            NDManager manager = model.getNDManager();
            DataSplit split = randomSplit();

            // When
            HiddenLayerProbe.Activations h = HiddenLayerProbe.activations(block, manager, split, 2);

            // Then: after ReLU, and the classifier applied to them reproduces the forward
            assertThat(h.units()).isEqualTo(256);
            assertThat(h.values()).hasSize(SAMPLES * 256);
            for (float v : h.values()) {
                assertThat(v).isGreaterThanOrEqualTo(0f);
            }
            List<Block> children = new ArrayList<>(block.getChildren().values());
            Block classifier = children.get(children.size() - 1);
            try (NDManager sub = manager.newSubManager()) {
                NDArray x = sub.create(h.values(), new Shape(SAMPLES, 256));
                float[] probed =
                        classifier
                                .forward(new ParameterStore(sub, false), new NDList(x), false)
                                .head()
                                .toFloatArray();
                float[] logits = Predictor.logits(block, manager, split, 3);
                assertThat(probed)
                        .containsExactly(logits, org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void givenMidlModel_whenSelection_thenEachLayerSelectsExactlyKUnitsPerSample() {
        try (Model model = model(Method.MIDL)) {
            // When
            List<LayerSelection> s =
                    HiddenLayerProbe.selection(
                            (SequentialBlock) model.getBlock(),
                            model.getNDManager(),
                            randomSplit());

            // Then
            assertThat(s).hasSize(2);
            for (LayerSelection layer : s) {
                assertThat(layer.k()).isEqualTo(115); // round(0.45 * 256)
                assertThat(layer.samples()).isEqualTo(SAMPLES);
                assertThat(Arrays.stream(layer.counts()).sum()).isEqualTo(115L * SAMPLES);
                assertThat(layer.neverSelected() + layer.alwaysSelected()).isLessThanOrEqualTo(256);
            }
        }
    }

    @Test
    void givenDenseModel_whenSelection_thenNoMidlLayers() {
        try (Model model = model(Method.DENSE)) {
            assertThat(
                            HiddenLayerProbe.selection(
                                    (SequentialBlock) model.getBlock(),
                                    model.getNDManager(),
                                    randomSplit()))
                    .isEmpty();
            List<Block> children = new ArrayList<>(model.getBlock().getChildren().values());
            assertThatThrownBy(() -> HiddenLayerProbe.indexAfterActivation(children, 3))
                    .hasMessageContaining("the model has 2 hidden layers, asked for layer 3");
        }
    }

    @Test
    void givenSizes_whenSubsetIndices_thenDistinctSortedAndReproducible() {
        int[] a = RunAnalyzer.subsetIndices(1000, 100, 5);
        assertThat(a).hasSize(100).isSorted().doesNotHaveDuplicates();
        assertThat(RunAnalyzer.subsetIndices(1000, 100, 5)).containsExactly(a);
        assertThat(RunAnalyzer.subsetIndices(10, 100, 5))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }
}
