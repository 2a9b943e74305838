package io.github.midljava.experiment.suite.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Student t intervals checked against printed t tables and hand arithmetic. */
class PairedDifferenceTest {

    @Test
    void givenSmallDegreesOfFreedom_whenTQuantile_thenMatchesTables() {
        // Then: t_{0.975, df} from any t table; df = 1 is tan(0.475 pi) (the Cauchy quantile)
        assertThat(PairedDifference.tQuantile(0.975, 1))
                .isCloseTo(Math.tan(0.475 * Math.PI), within(1e-6));
        assertThat(PairedDifference.tQuantile(0.975, 1)).isCloseTo(12.7062, within(1e-4));
        assertThat(PairedDifference.tQuantile(0.975, 2)).isCloseTo(4.3027, within(1e-4));
        assertThat(PairedDifference.tQuantile(0.975, 3)).isCloseTo(3.1824, within(1e-4));
        assertThat(PairedDifference.tQuantile(0.975, 4)).isCloseTo(2.7764, within(1e-4));
        assertThat(PairedDifference.tQuantile(0.975, 9)).isCloseTo(2.2622, within(1e-4));
        // df = 2 in closed form: t = (2p - 1) sqrt(2 / (1 - (2p - 1)^2)) = 0.95 sqrt(2 / 0.0975)
        assertThat(PairedDifference.tQuantile(0.975, 2))
                .isCloseTo(0.95 * Math.sqrt(2 / 0.0975), within(1e-6));
    }

    @Test
    void givenDifferencesOneTwoThree_whenInterval_thenMeanTwoHalfWidthTTimesSe() {
        // Given: mean 2, sample std 1, se 1/sqrt(3)
        PerSeed d = PerSeed.ofSeeds(1, 2, 3);

        // When
        PairedDifference p = PairedDifference.of(d, 0.95);

        // Then: half-width 4.302653 / sqrt(3) = 2.484138
        double half = 0.95 * Math.sqrt(2 / 0.0975) / Math.sqrt(3);
        assertThat(half).isCloseTo(2.484138, within(1e-6));
        assertThat(p.n()).isEqualTo(3);
        assertThat(p.mean()).isCloseTo(2, within(1e-12));
        assertThat(p.std()).isCloseTo(1, within(1e-12));
        assertThat(p.lower()).isCloseTo(2 - half, within(1e-9));
        assertThat(p.upper()).isCloseTo(2 + half, within(1e-9));
        assertThat(p.enoughSeeds()).isTrue();
        // lower end 2 − 2.484138 = −0.484138: above −0.49, not above −0.48
        assertThat(p.lowerAbove(-0.49)).isTrue();
        assertThat(p.lowerAbove(-0.48)).isFalse();
    }

    @Test
    void givenRunsOnPartlyDifferentSeeds_whenOf_thenPairsOnlyTheSharedSeeds() {
        // Given: MID-L has seeds 1-4, dense 1-3 and 5
        PerSeed midl = new PerSeed(new TreeMap<>(Map.of(1L, 0.90, 2L, 0.80, 3L, 0.85, 4L, 0.7)));
        PerSeed dense = new PerSeed(new TreeMap<>(Map.of(1L, 0.88, 2L, 0.81, 3L, 0.84, 5L, 0.99)));

        // When
        PairedDifference p = PairedDifference.of(midl, dense);

        // Then: differences +0.02, -0.01, +0.01 on seeds 1-3
        assertThat(p.seeds()).containsExactly(1L, 2L, 3L);
        assertThat(p.mean()).isCloseTo(0.02 / 3, within(1e-12));
        assertThat(p.std()).isCloseTo(Math.sqrt(0.00046667 / 2), within(1e-6));
    }

    @Test
    void givenTwoPairs_whenOf_thenIntervalButNotEnoughSeedsForAVerdict() {
        PairedDifference p = PairedDifference.of(PerSeed.ofSeeds(1, 3), 0.95);
        // t_{0.975,1} * std(=sqrt 2) / sqrt 2 = 12.7062
        assertThat(p.upper() - p.mean()).isCloseTo(12.7062, within(1e-4));
        assertThat(p.enoughSeeds()).isFalse();
        assertThat(p.lowerAbove(-1000)).isFalse();
    }

    @Test
    void givenOnePair_whenOf_thenNoInterval() {
        PairedDifference p = PairedDifference.of(PerSeed.ofSeeds(0.5), 0.95);
        assertThat(p.mean()).isEqualTo(0.5);
        assertThat(p.lower()).isNaN();
        assertThat(p.upper()).isNaN();
    }

    @Test
    void givenLevelOutsideZeroOne_whenOf_thenThrows() {
        assertThatThrownBy(() -> PairedDifference.of(PerSeed.ofSeeds(1, 2, 3), 1.0))
                .hasMessage("level must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> PairedDifference.tQuantile(0.975, 0))
                .hasMessage("degrees of freedom must be >= 1, got 0");
    }
}
