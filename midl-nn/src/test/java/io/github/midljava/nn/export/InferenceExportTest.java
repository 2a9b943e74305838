package io.github.midljava.nn.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.github.midljava.inference.ComputeMode;
import io.github.midljava.inference.InferenceNetwork;
import io.github.midljava.nn.LightPath;
import io.github.midljava.nn.MidlBlock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Train with a warm-up, save, load, export: the exported network computes the trained model. */
class InferenceExportTest {

    private static SequentialBlock mlp() {
        return mlp(LightPath.LOW_RANK);
    }

    private static SequentialBlock mlp(LightPath light) {
        return new SequentialBlock()
                .add(
                        MidlBlock.builder()
                                .setUnits(32)
                                .optActiveRatio(0.25)
                                .optWarmupEpochs(2)
                                .optGateRank(4)
                                .optLightPath(light)
                                .optLightRank(4)
                                .build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(3).build());
    }

    private static MidlBlock midlOf(SequentialBlock net) {
        return (MidlBlock) net.getChildren().get(0).getValue();
    }

    @ParameterizedTest
    @EnumSource(
            value = LightPath.class,
            names = {"LOW_RANK", "ZERO"})
    void givenModelTrainedWithWarmup_whenSavedLoadedAndExported_thenSameLogitsAsTrainedModel(
            LightPath light) throws Exception {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Model.newInstance("export-test")) {
            // Given a model trained 3 epochs, the first two under the warm-up (k = 32 -> 20 -> 8)
            SequentialBlock net = mlp(light);
            model.setBlock(net);
            NDArray x = manager.randomNormal(new Shape(64, 12));
            NDArray y = x.get(":, 0:3").argMax(1);
            try (Trainer trainer =
                    model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()))) {
                trainer.initialize(new Shape(64, 12));
                for (int epoch = 0; epoch < 3; epoch++) {
                    midlOf(net).applySchedule(epoch);
                    for (int step = 0; step < 5; step++) {
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDList pred = trainer.forward(new NDList(x));
                            gc.backward(trainer.getLoss().evaluate(new NDList(y), pred));
                        }
                        trainer.step();
                    }
                }
            }
            assertThat(midlOf(net).getCurrentK()).isEqualTo(8);
            float[] trained =
                    net.forward(new ParameterStore(manager, false), new NDList(x), false)
                            .head()
                            .toFloatArray();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            net.saveParameters(new DataOutputStream(bytes));

            // When a fresh model of the same builders loads the file and is exported
            SequentialBlock loaded = mlp(light);
            loaded.loadParameters(
                    manager, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            float[] reloaded =
                    loaded.forward(new ParameterStore(manager, false), new NDList(x), false)
                            .head()
                            .toFloatArray();
            float[] exported;
            try (InferenceNetwork inference =
                    InferenceExport.toNetwork(loaded, ComputeMode.SPARSE, 2)) {
                exported = inference.predict(x.toFloatArray(), 64);
            }

            // Then the loaded model keeps k = 8 and both agree with the trained model
            assertThat(midlOf(loaded).getCurrentK()).isEqualTo(8);
            assertThat(reloaded).containsExactly(trained);
            assertThat(exported).containsExactly(trained, Offset.offset(1e-4f));
        }
    }

    @Test
    void givenClosedNetwork_whenPredicting_thenClearError() throws Exception {
        Engine.getInstance().setRandomSeed(6);
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock net = mlp();
            net.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 12));
            InferenceNetwork inference = InferenceExport.toNetwork(net, ComputeMode.SPARSE, 2);
            inference.close();
            inference.close();
            assertThatThrownBy(() -> inference.predict(new float[12], 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }
}
