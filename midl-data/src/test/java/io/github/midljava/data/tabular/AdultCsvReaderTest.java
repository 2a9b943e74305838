package io.github.midljava.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.midljava.data.DataSplit;
import io.github.midljava.data.DatasetException;
import io.github.midljava.data.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing and encoding of Adult files, on small files in the canonical format. */
class AdultCsvReaderTest {

    private static final String ROW_A =
            "39, State-gov, 77516, Bachelors, 13, Never-married, Adm-clerical, Not-in-family,"
                    + " White, Male, 2174, 0, 40, United-States, <=50K";
    private static final String ROW_B =
            "50, Self-emp-not-inc, 83311, Bachelors, 13, Married-civ-spouse, Exec-managerial,"
                    + " Husband, White, Male, 0, 0, 13, United-States, >50K";
    private static final String ROW_MISSING =
            "38, ?, 215646, HS-grad, 9, Divorced, ?, Not-in-family, White, Female, 0, 0, 40, ?,"
                    + " <=50K";

    @TempDir Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void givenTestFileQuirks_whenReading_thenHeaderBlankLinesAndLabelDotsAreHandled()
            throws IOException {
        // Given the adult.test quirks: '|' first line, labels ending in '.', trailing blank line
        Path test = file("adult.test", "|1x3 Cross validator\n" + ROW_A + ".\n" + ROW_B + ".\n\n");
        // When
        List<AdultRecord> records = AdultCsvReader.read(test);
        // Then
        assertThat(records).extracting(AdultRecord::label).containsExactly(0, 1);
        assertThat(records.get(0).attributes()).hasSize(14).startsWith("39", "State-gov");
        assertThat(records.get(1).line()).isEqualTo(3);
    }

    @Test
    void givenRowWithFourteenFields_whenReading_thenErrorNamesFileLineAndCount()
            throws IOException {
        // Given line 2 without native-country
        Path data = file("adult.data", ROW_A + "\n" + ROW_B.replace(" United-States,", "") + "\n");
        // When / Then
        assertThatThrownBy(() -> AdultCsvReader.read(data))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(
                        data + ": line 2: expected 15 comma-separated fields, found 14");
    }

    @Test
    void givenUnknownLabel_whenReading_thenErrorNamesLineAndLabel() throws IOException {
        // Given a label "50K"
        Path data = file("adult.data", ROW_A.replace("<=50K", "50K") + "\n");
        // When / Then
        assertThatThrownBy(() -> AdultCsvReader.read(data))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("adult.data: line 1: unknown income label '50K'");
    }

    @Test
    void givenEmptyFile_whenReading_thenErrorSaysNoRecords() throws IOException {
        // Given only blank lines
        Path data = file("adult.data", "\n\n");
        // When / Then
        assertThatThrownBy(() -> AdultCsvReader.read(data))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("adult.data: no records");
    }

    @Test
    void givenNonNumericAge_whenEncoding_thenErrorNamesLineAndAttribute() throws IOException {
        // Given age "abc"
        Path data = file("adult.data", ROW_A.replace("39,", "abc,") + "\n");
        List<AdultRecord> records = AdultCsvReader.read(data);
        // When / Then
        assertThatThrownBy(() -> AdultEncoder.fit(records, true, data))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(
                        "adult.data: line 1, column 1 (age) is 'abc', expected a number");
    }

    @Test
    void givenNonFiniteNumbers_whenEncodingWithOrWithoutStandardising_thenLineAndColumnNamed()
            throws IOException {
        for (String bad : List.of("NaN", "Infinity", "-Infinity", "1e39", "1e400")) {
            // Given fnlwgt (column 3) set to a value that is not a finite float32 on line 2
            Path data = file("adult.data", ROW_A + "\n" + ROW_B.replace("83311", bad) + "\n");
            List<AdultRecord> records = AdultCsvReader.read(data);
            for (boolean standardize : new boolean[] {true, false}) {
                // When / Then
                assertThatThrownBy(
                                () ->
                                        AdultEncoder.fit(records, standardize, data)
                                                .encode(records, data))
                        .as("%s, standardize %s", bad, standardize)
                        .isInstanceOf(DatasetException.class)
                        .hasMessageContaining(
                                "adult.data: line 2, column 3 (fnlwgt) is '"
                                        + bad
                                        + "', expected a finite number");
            }
        }
    }

    @Test
    void givenTrainCategories_whenEncodingTestWithUnseenCategory_thenBlockIsAllZero()
            throws IOException {
        // Given train rows A, B, MISSING and a test row with an unseen workclass
        Path data = file("adult.data", ROW_A + "\n" + ROW_B + "\n" + ROW_MISSING + "\n");
        Path test = file("adult.test", ROW_A.replace("State-gov", "Never-worked") + ".\n");
        AdultEncoder encoder = AdultEncoder.fit(AdultCsvReader.read(data), true, data);
        // When
        DataSplit encoded = encoder.encode(AdultCsvReader.read(test), test);
        // Then: workclass block ('?', Self-emp-not-inc, State-gov) is all zero
        List<String> names = encoder.featureNames();
        assertThat(names)
                .containsSubsequence(
                        "age",
                        "workclass=?",
                        "workclass=Self-emp-not-inc",
                        "workclass=State-gov",
                        "fnlwgt");
        int first = names.indexOf("workclass=?");
        for (int j = first; j < first + 3; j++) {
            assertThat(encoded.features()[j]).isZero();
        }
        assertThat(encoded.features()[names.indexOf("sex=Male")]).isEqualTo(1f);
    }

    @Test
    void givenThreeTrainRows_whenEncodingStandardised_thenNumericColumnUsesTrainMeanAndStd()
            throws IOException {
        // Given ages 39, 50, 38: mean 42.333, population std 5.437
        Path data = file("adult.data", ROW_A + "\n" + ROW_B + "\n" + ROW_MISSING + "\n");
        List<AdultRecord> records = AdultCsvReader.read(data);
        // When
        AdultEncoder encoder = AdultEncoder.fit(records, true, data);
        DataSplit split = encoder.encode(records, data);
        // Then
        assertThat(split.features()[0]).isCloseTo((float) ((39 - 42.3333) / 5.4365), within(1e-3f));
        assertThat(split.features()[encoder.width()])
                .isCloseTo((float) ((50 - 42.3333) / 5.4365), within(1e-3f));
        assertThat(split.labels()).containsExactly(0, 1, 0);
    }

    @Test
    void givenCorruptedCopyOfCanonicalFile_whenLoading_thenChecksumMismatch() throws IOException {
        // Given the real files with one record of adult.data dropped
        Path data = dir.resolve("data");
        Fixtures.copyReal(data, "adult/adult.test");
        Path trainFile = Fixtures.copyReal(data, "adult/adult.data");
        List<String> lines = Files.readAllLines(trainFile);
        Files.write(trainFile, lines.subList(1, lines.size()));
        // When / Then
        assertThatThrownBy(() -> AdultLoader.load(Fixtures.offline(data, dir.resolve("cache"))))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining(
                        "adult.data: checksum mismatch: expected"
                                + " 5b00264637dbfec36bdeaab5676b0b309ff9eb788d63554ca0a249491c86603d,"
                                + " got ");
    }

    @Test
    void givenEmptyDataDirectory_whenLoading_thenErrorNamesFileAndUciUrl() {
        // Given nothing; When / Then
        assertThatThrownBy(() -> AdultLoader.load(Fixtures.offline(dir, dir.resolve("cache"))))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("adult/adult.data: not found")
                .hasMessageContaining(
                        "https://archive.ics.uci.edu/ml/machine-learning-databases/adult/adult.data");
    }
}
