package io.github.midljava.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.midljava.data.DataSplit;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.TestData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UCI Adult loaded from the real files in {@code MIDL_DATA_DIR}. */
class AdultContentTest {

    @Test
    void givenRealAdult_whenLoading_thenKnownCountsAndClassBalance() {
        // Given the canonical UCI files; When
        Dataset adult = TestData.load(DatasetId.ADULT);
        // Then
        assertThat(adult.train().size()).isEqualTo(32_561);
        assertThat(adult.test().size()).isEqualTo(16_281);
        assertThat(TestData.histogram(adult.train())).containsExactly(24_720, 7_841);
        assertThat(TestData.histogram(adult.test())).containsExactly(12_435, 3_846);
        assertThat(adult.classNames()).containsExactly("<=50K", ">50K");
        assertThat(adult.fileChecksums()).containsOnlyKeys("adult/adult.data", "adult/adult.test");
    }

    @Test
    void givenRealAdult_whenLoading_thenAgeIsStandardisedWithTrainStats() {
        // Given / When
        Dataset adult = TestData.load(DatasetId.ADULT);
        // Then 6 numeric + 102 one-hot columns ('?' counted as a category); age is column 0
        assertThat(adult.train().sampleShape()).containsExactly(108);
        float[] f = adult.train().features();
        int n = adult.train().size();
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double age = f[i * 108];
            sum += age;
            sumSq += age * age;
        }
        assertThat(sum / n).isCloseTo(0, within(1e-4));
        assertThat(Math.sqrt(sumSq / n - (sum / n) * (sum / n))).isCloseTo(1, within(1e-4));
    }

    @Test
    void givenRealAdultTrain_whenEncoding_thenEveryRowHasOneHotPerCategoricalAttribute() {
        // Given the real training records
        Path file = TestData.root().resolve("adult/adult.data");
        List<AdultRecord> records = AdultCsvReader.read(file);
        // When
        AdultEncoder encoder = AdultEncoder.fit(records, false, file);
        DataSplit split = encoder.encode(records, file);
        // Then
        List<String> names = encoder.featureNames();
        assertThat(names).hasSize(108).contains("workclass=?", "native-country=?", "sex=Male");
        for (int i = 0; i < split.size(); i += 997) {
            int ones = 0;
            for (int j = 0; j < 108; j++) {
                if (names.get(j).contains("=")) {
                    ones += (int) split.features()[i * 108 + j];
                }
            }
            assertThat(ones).as("row %d", i).isEqualTo(8);
        }
        assertThat(split.features()[0]).isEqualTo(39f); // first record: age 39, unscaled
    }
}
