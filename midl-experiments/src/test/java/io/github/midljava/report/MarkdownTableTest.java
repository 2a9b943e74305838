package io.github.midljava.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    private final Table table =
            Table.builder("method", "accuracy", "FLOPs saving")
                    .addRow("DENSE", "0.981 ± 0.002", "1.00x")
                    .addRow("MIDL", "0.983 ± 0.001", "n/a")
                    .addRow("a|b", "98.12%", "1.73x")
                    .build();

    @Test
    void givenNumericColumns_whenRendering_thenPipesAlignedAndNumbersRightAligned() {
        // Given: the table above

        // When
        String md = MarkdownTable.render(table);

        // Then: every line has the same length; numeric columns (header included) are
        // right-aligned with "---:"; '|' is escaped
        assertThat(md)
                .isEqualTo(
                        "| method |      accuracy | FLOPs saving |\n"
                                + "| ------ | ------------: | -----------: |\n"
                                + "| DENSE  | 0.981 ± 0.002 |        1.00x |\n"
                                + "| MIDL   | 0.983 ± 0.001 |          n/a |\n"
                                + "| a\\|b   |        98.12% |        1.73x |\n");
    }

    @Test
    void givenRightAlignOff_whenRendering_thenAllLeftAligned() {
        // Given / When
        String md = MarkdownTable.render(table, false);

        // Then
        assertThat(md).contains("| ------ | ------------- | ------------ |");
        assertThat(md).contains("| a\\|b   | 98.12%        | 1.73x        |");
    }

    @Test
    void givenCells_whenClassifying_thenNumbersAsFmtWritesThem() {
        // Given / When / Then
        assertThat(MarkdownTable.isNumeric("-3e-05")).isTrue();
        assertThat(MarkdownTable.isNumeric("12.3 µs")).isTrue();
        assertThat(MarkdownTable.isNumeric("2.40M")).isTrue();
        assertThat(MarkdownTable.isNumeric("98.12 ± 0.21%")).isTrue();
        assertThat(MarkdownTable.isNumeric("MNIST")).isFalse();
        assertThat(MarkdownTable.isNumeric("r=0.25")).isFalse();
    }
}
