package io.github.midljava.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void givenFewerCellsThanColumns_whenAddingPaddedRow_thenRestIsEmpty() {
        // Given
        Table.Builder b = Table.builder("method", "seeds", "accuracy", "latency");
        // When
        Table t = b.addRowPadded("midl", 0, "not measured").build();
        // Then
        assertThat(t.rows()).containsExactly(java.util.List.of("midl", "0", "not measured", ""));
    }

    @Test
    void givenMoreCellsThanColumns_whenAddingPaddedRow_thenRejected() {
        Table.Builder b = Table.builder("a", "b");
        assertThatThrownBy(() -> b.addRowPadded("x", "y", "z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2 cells, got 3");
    }
}
