package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.data.DatasetId;
import io.github.midljava.model.Method;

/**
 * Test accuracy of one method at one noise level in E3.
 *
 * @param dataset the dataset
 * @param method the method
 * @param condition what is varied
 * @param level the noise level: fraction of flipped training labels, or σ of the test-input noise
 * @param testAccuracy test accuracy (fraction) by seed
 * @param trainAccuracyMean mean train accuracy (fraction) over seeds; NaN where not measured (input
 *     noise is applied at test time only)
 */
public record CurvePoint(
        DatasetId dataset,
        Method method,
        NoiseCondition condition,
        double level,
        PerSeed testAccuracy,
        double trainAccuracyMean) {

    /** What an E3 curve varies. */
    public enum NoiseCondition {
        /** Symmetric label noise in the training split (ablation seeds). */
        LABEL_NOISE("label_noise"),
        /** Gaussian noise on the standardised test inputs of the E1 models (E1 seeds). */
        INPUT_NOISE("input_sigma");

        private final String csvName;

        NoiseCondition(String csvName) {
            this.csvName = csvName;
        }

        /** Returns the {@code condition} column of E3's summary.csv. */
        public String csvName() {
            return csvName;
        }
    }
}
