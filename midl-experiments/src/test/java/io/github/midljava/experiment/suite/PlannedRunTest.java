package io.github.midljava.experiment.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlannedRunTest {

    @Test
    void givenDefaultGateLearningRate_whenKeyingTheModel_thenTheKeyOfEarlierVersions() {
        // Given the configuration string of the current version, the option at its default
        String now =
                "ModelOptions[method=midl, midl=MidlConfig[units=1, activeRatio=0.45,"
                        + " warmupEpochs=0, inputSize=0, gateLearningRateScale=1.0],"
                        + " dropoutRate=0.5]";
        // When / Then: the string stored before the option existed
        assertThat(PlannedRun.modelKey(now))
                .isEqualTo(
                        "ModelOptions[method=midl, midl=MidlConfig[units=1, activeRatio=0.45,"
                                + " warmupEpochs=0, inputSize=0], dropoutRate=0.5]");
    }

    @Test
    void givenOtherGateLearningRate_whenKeyingTheModel_thenItStaysInTheKey() {
        String now = "MidlConfig[units=1, gateLearningRateScale=3.0]";
        assertThat(PlannedRun.modelKey(now)).isEqualTo(now);
    }
}
