package io.github.midljava.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.github.midljava.nn.MidlBlock;
import org.junit.jupiter.api.Test;

class GateLearningRateTest {

    private static final Tracker BASE = Tracker.fixed(0.001f);

    private static MidlBlock midl(double gateScale) {
        return MidlBlock.builder().setUnits(8).optGateLearningRateScale(gateScale).build();
    }

    @Test
    void givenGateScale10_whenAskingRates_thenGateParametersTenfoldOthersUnchanged() {
        // Given a model with a MID-L layer whose gate learns 10x faster
        MidlBlock layer = midl(10);
        SequentialBlock net =
                new SequentialBlock().add(layer).add(Linear.builder().setUnits(2).build());
        // When
        ParameterTracker lr = GateLearningRate.of(BASE, net);
        // Then: gate_down, gate_up and gate_bias get 10x; the full and light paths do not
        int gates = 0;
        for (Pair<String, Parameter> p : layer.getDirectParameters()) {
            float rate = lr.getNewValue(p.getValue().getId(), 5);
            if (p.getValue().getName().startsWith("gate_")) {
                assertThat(rate).isCloseTo(0.01f, within(1e-8f));
                gates++;
            } else {
                assertThat(rate).isEqualTo(0.001f);
            }
        }
        assertThat(gates).isEqualTo(3);
        assertThat(((GateLearningRate) lr).scaledParameterCount()).isEqualTo(3);
    }

    @Test
    void givenDefaultScale_whenBuildingTracker_thenTheBaseScheduleItself() {
        SequentialBlock net = new SequentialBlock().add(midl(1.0));
        assertThat(GateLearningRate.of(BASE, net)).isSameAs(BASE);
    }
}
