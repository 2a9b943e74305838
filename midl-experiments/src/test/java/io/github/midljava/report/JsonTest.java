package io.github.midljava.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    @TempDir Path dir;

    /** A result as experiments write them: a record with special values and java.* types. */
    record Result(
            String method,
            double accuracy,
            double spread,
            double[] perSeed,
            List<String> notes,
            Map<String, Integer> counts,
            Path checkpoint,
            Instant finished,
            Duration elapsed) {}

    @Test
    void givenRecordWithNaNAndJavaTypes_whenWrittenAndRead_thenRoundTrips() throws IOException {
        // Given
        Result result =
                new Result(
                        "MIDL",
                        0.9812,
                        Double.NaN,
                        new double[] {0.98, Double.POSITIVE_INFINITY},
                        List.of("± <ok>"),
                        Map.of("k", 3),
                        Path.of("runs/a/model.params"),
                        Instant.parse("2025-06-01T12:00:00Z"),
                        Duration.ofMillis(1500));
        Path file = dir.resolve("out/result.json");

        // When
        Json.write(file, result);
        Result back = Json.read(file, Result.class);

        // Then: NaN survives, text is not HTML-escaped, output is pretty-printed
        String text = Files.readString(file);
        assertThat(text).contains("\"spread\": NaN").contains("± <ok>").endsWith("}\n");
        assertThat(text).contains("\"elapsed\": \"PT1.5S\"");
        assertThat(back.method()).isEqualTo("MIDL");
        assertThat(back.accuracy()).isEqualTo(0.9812);
        assertThat(back.spread()).isNaN();
        assertThat(back.perSeed()).containsExactly(0.98, Double.POSITIVE_INFINITY);
        assertThat(back.notes()).containsExactly("± <ok>");
        assertThat(back.counts()).containsEntry("k", 3);
        assertThat(back.checkpoint()).isEqualTo(Path.of("runs/a/model.params"));
        assertThat(back.finished()).isEqualTo(result.finished());
        assertThat(back.elapsed()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void givenString_whenParsed_thenRecord() {
        // Given / When
        Result r = Json.fromJson("{\"method\": \"DENSE\", \"accuracy\": 0.5}", Result.class);

        // Then
        assertThat(r.method()).isEqualTo("DENSE");
        assertThat(r.accuracy()).isEqualTo(0.5);
    }
}
