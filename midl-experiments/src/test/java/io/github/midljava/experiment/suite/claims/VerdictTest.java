package io.github.midljava.experiment.suite.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.midljava.experiment.suite.claims.Verdict.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void givenOutcomes_whenCombine_thenAllPassSupportedAllFailNotSupportedElsePartly() {
        assertThat(Verdict.combine(List.of())).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(Verdict.combine(List.of(Outcome.PASS, Outcome.PASS)))
                .isEqualTo(Verdict.SUPPORTED);
        assertThat(Verdict.combine(List.of(Outcome.FAIL, Outcome.FAIL)))
                .isEqualTo(Verdict.NOT_SUPPORTED);
        assertThat(Verdict.combine(List.of(Outcome.PASS, Outcome.FAIL))).isEqualTo(Verdict.PARTLY);
        assertThat(Verdict.combine(List.of(Outcome.PARTIAL))).isEqualTo(Verdict.PARTLY);
    }

    @Test
    void givenAnyInsufficientOutcome_whenCombine_thenNotEnoughSeedsWhateverTheOthers() {
        assertThat(Verdict.combine(List.of(Outcome.PASS, Outcome.INSUFFICIENT)))
                .isEqualTo(Verdict.NOT_ENOUGH_SEEDS);
        assertThat(Verdict.combine(List.of(Outcome.INSUFFICIENT, Outcome.FAIL)))
                .isEqualTo(Verdict.NOT_ENOUGH_SEEDS);
        assertThat(Verdict.NOT_ENOUGH_SEEDS.label()).isEqualTo("not enough seeds");
    }

    @Test
    void givenCriteriaOutcomes_whenOutcomeCombine_thenInsufficientDominates() {
        assertThat(Outcome.combine(List.of())).isNull();
        assertThat(Outcome.combine(List.of(Outcome.PASS, Outcome.PASS))).isEqualTo(Outcome.PASS);
        assertThat(Outcome.combine(List.of(Outcome.FAIL))).isEqualTo(Outcome.FAIL);
        assertThat(Outcome.combine(List.of(Outcome.PASS, Outcome.FAIL))).isEqualTo(Outcome.PARTIAL);
        assertThat(Outcome.combine(List.of(Outcome.PASS, Outcome.INSUFFICIENT)))
                .isEqualTo(Outcome.INSUFFICIENT);
    }

    @Test
    void givenCriteria_whenOutcomeOf_thenPassFailOrPartial() {
        assertThat(Outcome.of(List.of())).isNull();
        assertThat(Outcome.of(List.of(true, true))).isEqualTo(Outcome.PASS);
        assertThat(Outcome.of(List.of(false))).isEqualTo(Outcome.FAIL);
        assertThat(Outcome.of(List.of(true, false))).isEqualTo(Outcome.PARTIAL);
    }
}
