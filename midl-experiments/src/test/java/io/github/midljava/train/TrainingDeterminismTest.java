package io.github.midljava.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.github.midljava.data.DataSplit;
import io.github.midljava.nn.GateKind;
import io.github.midljava.nn.LightPath;
import io.github.midljava.nn.MidlBlock;
import org.junit.jupiter.api.Test;

/**
 * Two trainings of a MID-L model with a gate temperature other than 1 give the same losses, even
 * when the garbage collector runs between forward and backward. Before the fix in {@code
 * MidlBlock.divByScalar}, the backward of {@code logits / tau} read DJL's closed scalar tau from
 * freed memory, and the Adult command of the issue gave different losses in every run; here the
 * collector is made to run (and the freed memory to be reused) inside every training forward.
 */
class TrainingDeterminismTest {

    /** 32 samples of 4 features, 2 classes, a fixed pattern. */
    private static DataSplit split() {
        int n = 32;
        float[] x = new float[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[4 * i + j] = (float) Math.sin(1.3 * i + 0.7 * j);
            }
            y[i] = x[4 * i] + x[4 * i + 1] > 0 ? 1 : 0;
        }
        return new DataSplit(x, y, new long[] {4}, 2);
    }

    /** Closes many scalars of another value and runs the collector: freed buffers get reused. */
    private static void churn() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < 2000; i++) {
                try (NDArray s = manager.create(7777f)) {
                    s.getFloat();
                }
            }
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < 2000; i++) {
                try (NDArray s = manager.create(7777f)) {
                    s.getFloat();
                }
            }
        }
    }

    private static TrainingSummary train(boolean churn) {
        // The trainer seeds only the shuffling; the caller seeds the engine (initial weights).
        Engine.getInstance().setRandomSeed(3);
        try (Model model = Model.newInstance("tau")) {
            SequentialBlock net = new SequentialBlock();
            net.add(
                    MidlBlock.builder()
                            .setUnits(8)
                            .optActiveRatio(0.5)
                            .optGateKind(GateKind.DENSE)
                            .optLightPath(LightPath.LOW_RANK)
                            .optLightRank(2)
                            .optTemperature(0.5)
                            .build());
            net.add(
                    new LambdaBlock(
                            list -> {
                                if (churn) {
                                    churn();
                                }
                                return list;
                            }));
            net.add(Linear.builder().setUnits(2).build());
            model.setBlock(net);
            return new ClassifierTrainer(new TrainingPlan(2, 8, 1e-2f, false), 3, false)
                    .train(model, split(), "tiny/midl");
        }
    }

    @Test
    void givenTemperatureHalf_whenTrainingTwiceWithCollectorRuns_thenLossesAreIdentical() {
        // Given a tiny MID-L classifier with tau = 0.5
        // When training it twice from the same seed, the second time with the garbage collector
        // running (and freed memory reused) between every forward and backward
        TrainingSummary quiet = train(false);
        TrainingSummary churned = train(true);
        // Then the losses are bit-identical
        assertThat(quiet.epochLosses()).hasSize(2).allMatch(Double::isFinite);
        assertThat(churned.epochLosses()).containsExactlyElementsOf(quiet.epochLosses());
    }
}
