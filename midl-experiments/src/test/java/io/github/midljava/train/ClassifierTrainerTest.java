package io.github.midljava.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.github.midljava.data.DataSplit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trainer's numerical guard and its progress lines, on a tiny linear model. */
class ClassifierTrainerTest {

    @AfterEach
    void clearProgressStyle() {
        System.clearProperty(ClassifierTrainer.PROGRESS_PROPERTY);
    }

    /** 8 samples of 2 features, 2 classes; {@code bad} (if not NaN) replaces one feature. */
    private static DataSplit split(float bad) {
        float[] x = new float[16];
        int[] y = new int[8];
        for (int i = 0; i < 8; i++) {
            x[2 * i] = i % 2 == 0 ? 1f : -1f;
            x[2 * i + 1] = 0.5f;
            y[i] = i % 2;
        }
        x[9] = bad; // sample 4, in the batch of every step order
        return new DataSplit(x, y, new long[] {2}, 2);
    }

    private static TrainingSummary train(DataSplit data, int epochs, boolean progress) {
        try (Model model = Model.newInstance("guard")) {
            model.setBlock(new SequentialBlock().add(Linear.builder().setUnits(2).build()));
            return new ClassifierTrainer(new TrainingPlan(epochs, 8, 1e-2f, false), 1, progress)
                    .train(model, data, "tiny/dense");
        }
    }

    @Test
    void givenNonFiniteInput_whenTraining_thenStopsNamingEpochAndStep() {
        // Given a sample with an infinite feature: the first loss is NaN or infinite
        DataSplit data = split(Float.POSITIVE_INFINITY);
        // When / Then
        assertThatThrownBy(() -> train(data, 2, false))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageStartingWith("training diverged: the loss is ")
                .hasMessageContaining("at epoch 1 of 2, step 1 of 1 (tiny/dense)")
                .hasMessageContaining("nothing was written");
    }

    @Test
    void givenFiniteData_whenTrainingWithProgressLines_thenOneLinePerEpochAndFiniteLosses() {
        // Given the line style (what a log file gets)
        System.setProperty(ClassifierTrainer.PROGRESS_PROPERTY, "lines");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        TrainingSummary summary;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            // When
            summary = train(split(0.25f), 3, true);
        } finally {
            System.setErr(original);
        }
        // Then: three lines, no carriage-return redraws
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r");
        assertThat(text.lines().filter(l -> l.startsWith("tiny/dense: epoch ")).toList())
                .hasSize(3)
                .first()
                .asString()
                .startsWith("tiny/dense: epoch 1/3 loss ");
        assertThat(summary.epochLosses()).hasSize(3).allMatch(Double::isFinite);
    }
}
