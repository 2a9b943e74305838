package io.github.midljava.experiment.suite.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DataChecksumsTest {

    @Test
    void givenSameFiles_whenCompare_thenNoMismatch() {
        Map<String, String> d = Map.of("adult/adult.data", "aa", "adult/adult.test", "bb");

        assertThat(DataChecksums.mismatch(d, Map.copyOf(d), "/data")).isNull();
    }

    @Test
    void givenOneFileDiffers_whenCompare_thenOneLineNamesFileAndBothChecksums() {
        Map<String, String> driver = Map.of("adult/adult.data", "aa", "adult/adult.test", "bb");
        Map<String, String> executor = Map.of("adult/adult.data", "aa", "adult/adult.test", "cc");

        String m = DataChecksums.mismatch(driver, executor, "/data");

        assertThat(m)
                .contains("adult/adult.test under /data has SHA-256 cc on the executor but bb on")
                .doesNotContain("\n");
    }

    @Test
    void givenFileMissingOnExecutor_whenCompare_thenSaysNotRead() {
        String m = DataChecksums.mismatch(Map.of("a", "aa"), Map.of(), "/data");

        assertThat(m).contains("has SHA-256 (not read) on the executor but aa on the driver");
    }
}
