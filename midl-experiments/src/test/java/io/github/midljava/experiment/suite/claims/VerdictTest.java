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
    void givenCriteria_whenOutcomeOf_thenPassFailOrPartial() {
        assertThat(Outcome.of(List.of())).isNull();
        assertThat(Outcome.of(List.of(true, true))).isEqualTo(Outcome.PASS);
        assertThat(Outcome.of(List.of(false))).isEqualTo(Outcome.FAIL);
        assertThat(Outcome.of(List.of(true, false))).isEqualTo(Outcome.PARTIAL);
    }
}
