package io.github.midljava.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InferenceProfileTest {
    @Test
    void givenAMidlNetwork_whenRecordingPhases_thenOneRisingTimestampPerPhaseAndNamedPhases() {
        // Given: two MID-L layers (3 phases each) and a dense output layer (1 phase)
        InferenceNetwork net =
                new InferenceNetwork(
                        RandomWeights.midlMlp(new int[] {20, 16, 16, 4}, 0.5, 2, 2, 1),
                        ComputeMode.SPARSE,
                        2);
        long[] clock = new long[net.phaseCount() + 1];
        net.recordPhases(clock);
        // When
        net.predict(new float[20], 1, new float[4]);
        // Then
        assertThat(net.phaseCount()).isEqualTo(7);
        assertThat(clock[0]).isPositive();
        assertThat(clock).isSorted();
        assertThat(net.phaseName(0)).isEqualTo("layer 1 project");
        assertThat(net.phaseName(4)).isEqualTo("layer 2 gate/select");
        assertThat(net.phaseName(6)).isEqualTo("layer 3 linear");
    }

    @Test
    void givenTooShortAClock_whenRecording_thenClearError() {
        InferenceNetwork net =
                new InferenceNetwork(
                        RandomWeights.denseMlp(new int[] {8, 4, 2}, 1), ComputeMode.SPARSE, 1);
        assertThatThrownBy(() -> net.recordPhases(new long[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phaseCount() + 1 = 3");
    }

    @Test
    void givenFewCalls_whenProfiling_thenEveryPhaseAndTheRatiosArePrinted() {
        // Given
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            // When
            InferenceProfile.main(new String[] {"calls=30", "warmup=5"});
        } finally {
            System.setOut(saved);
        }
        // Then
        String text = buffer.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("layer 1 project", "layer 2 full", "layer 3 linear")
                .containsPattern("layer 1: midl-sparse / dense \\d+\\.\\d{3}")
                .containsPattern("call: midl-sparse / dense \\d+\\.\\d{3}");
    }
}
