package io.github.midljava.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir Path dir;

    @Test
    void givenFieldsNeedingQuotes_whenRenderingCsv_thenRfc4180Quoting() {
        // Given
        Table table =
                Table.builder("method", "note", "acc")
                        .addRow("MIDL", "k=3, tau=1", 0.98)
                        .addRow("say \"hi\"", "two\nlines", null)
                        .addRow("plain", "", "98.12%")
                        .build();

        // When
        String csv = CsvTable.render(table);

        // Then: quoted only when needed, quotes doubled, CRLF line ends, null as empty
        assertThat(csv)
                .isEqualTo(
                        "method,note,acc\r\n"
                                + "MIDL,\"k=3, tau=1\",0.98\r\n"
                                + "\"say \"\"hi\"\"\",\"two\nlines\",\r\n"
                                + "plain,,98.12%\r\n");
    }

    @Test
    void givenTable_whenWritingCsv_thenFileHoldsRenderedText() throws IOException {
        // Given
        Table table = Table.of(List.of("a", "b"), List.of(List.of("1", "2")));
        Path file = dir.resolve("t.csv");

        // When
        CsvTable.write(file, table);

        // Then
        assertThat(Files.readString(file)).isEqualTo("a,b\r\n1,2\r\n");
    }

    @Test
    void givenRowOfWrongWidth_whenBuilding_thenThrowsNamingTheCount() {
        assertThatThrownBy(() -> Table.builder("a", "b").addRow("1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 0 must have 2 cells, got 1");
        assertThatThrownBy(() -> Table.builder())
                .hasMessageContaining("header must have at least one column");
    }
}
