package io.github.midljava.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FmtTest {

    @Test
    void givenFraction_whenPct_thenTwoDecimalsAndPercentSign() {
        assertThat(Fmt.pct(0.9812)).isEqualTo("98.12%");
        assertThat(Fmt.pct(0.98125, 1)).isEqualTo("98.1%");
        assertThat(Fmt.pct(1.0)).isEqualTo("100.00%");
    }

    @Test
    void givenMeanAndStd_whenMeanStd_thenPlusMinus() {
        assertThat(Fmt.meanStd(0.9812, 0.0021, 3)).isEqualTo("0.981 ± 0.002");
        assertThat(Fmt.meanStd(0.9812, Double.NaN, 3)).isEqualTo("0.981");
        assertThat(Fmt.pctMeanStd(0.9812, 0.0021, 2)).isEqualTo("98.12 ± 0.21%");
    }

    @Test
    void givenRatio_whenRatio_thenTimesSuffix() {
        assertThat(Fmt.ratio(1.73)).isEqualTo("1.73x");
        assertThat(Fmt.ratio(1.734, 1)).isEqualTo("1.7x");
    }

    @Test
    void givenDurations_whenMicros_thenOneDecimalMicroseconds() {
        assertThat(Fmt.micros(12.345)).isEqualTo("12.3 µs");
        assertThat(Fmt.nanosAsMicros(1_234_567)).isEqualTo("1234.6 µs");
    }

    @Test
    void givenCounts_whenSiOrBytes_thenPrefixes() {
        assertThat(Fmt.si(2_400_000)).isEqualTo("2.40M");
        assertThat(Fmt.si(950)).isEqualTo("950");
        assertThat(Fmt.si(999.7)).isEqualTo("1.00k");
        assertThat(Fmt.si(1.6e9)).isEqualTo("1.60G");
        assertThat(Fmt.si(12.5)).isEqualTo("12.5");
        assertThat(Fmt.bytes(512)).isEqualTo("512 B");
        assertThat(Fmt.bytes(3_500_000)).isEqualTo("3.34 MiB");
    }

    @Test
    void givenNonFinite_whenFormatting_thenPlaceholder() {
        assertThat(Fmt.pct(Double.NaN)).isEqualTo("n/a");
        assertThat(Fmt.ratio(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(Fmt.fixed(Double.NEGATIVE_INFINITY, 2)).isEqualTo("-inf");
    }

    @Test
    void givenBadDigits_whenFormatting_thenThrowsNamingTheValue() {
        assertThatThrownBy(() -> Fmt.fixed(1.0, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digits must be in [0, 15], got -1");
    }
}
