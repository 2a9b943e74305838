package io.github.midljava.experiment.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.midljava.data.DatasetId;
import io.github.midljava.model.Method;
import io.github.midljava.nn.GradientMode;
import io.github.midljava.nn.LightPath;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuitePlanTest {

    private final SuiteOptions options =
            SuiteOptionsFixture.defaults(3, DatasetId.MNIST, DatasetId.ADULT);

    @Test
    void givenDefaults_whenPlanAll_thenEveryRunOnceWithSharedRunsReused() {
        // When
        SuitePlan plan = SuitePlan.of(options, EnumSet.allOf(ExperimentId.class));

        // Then: per dataset E1 5 x 3, E3 3 methods x (2 noise levels + small data) x 1,
        // E5 (7 ratios + 3 gradients + 3 lights + 3 ranks + 3 temperatures - 5 defaults) x 1
        int perDataset = 15 + 9 + 14;
        assertThat(plan.runs()).hasSize(2 * perDataset);
        assertThat(new HashSet<>(plan.runs())).hasSameSizeAs(plan.runs());
        Set<Path> folders = new HashSet<>();
        plan.runs().forEach(r -> folders.add(r.relativeFolder()));
        assertThat(folders).hasSameSizeAs(plan.runs());
    }

    @Test
    void givenDefaultConfiguration_whenCatalogNamesAblations_thenTheyAreTheE1Variants() {
        // Given
        VariantCatalog c = new VariantCatalog(options);
        Variant midl = c.e1(Method.MIDL);

        // Then: the default point of every E5 group and E3 at 0% are the E1 runs
        assertThat(c.activeRatio(0.45)).isEqualTo(midl);
        assertThat(c.gradientMode(GradientMode.STRAIGHT_THROUGH)).isEqualTo(midl);
        assertThat(c.lightPath(LightPath.ZERO)).isEqualTo(midl);
        assertThat(c.gateRank(16)).isEqualTo(midl);
        assertThat(c.temperature(1.0)).isEqualTo(midl);
        assertThat(c.labelNoise(Method.DENSE, 0.0)).isEqualTo(c.e1(Method.DENSE));
        // and the others are new variants with readable names
        assertThat(c.activeRatio(0.2).name()).isEqualTo("midl-ratio-0.2");
        assertThat(c.activeRatio(0.2).primary()).isFalse();
        assertThat(c.labelNoise(Method.DROPOUT, 0.4).name()).isEqualTo("dropout-label-noise-0.4");
        assertThat(c.smallData(Method.MIDL).name()).isEqualTo("midl-train-fraction-0.1");
        assertThat(c.gradientMode(GradientMode.SOFT_TOPK).name())
                .isEqualTo("midl-gradient-soft_topk");
        assertThat(c.lightPath(LightPath.LOW_RANK).name()).isEqualTo("midl-light-low_rank");
    }

    @Test
    void givenAblationDatasets_whenPlanAll_thenOtherDatasetsGetOnlyTheirE1Runs() {
        // Given E3's own runs and E5 on Adult only
        SuiteOptions o =
                SuiteOptionsFixture.withAblationDatasets(
                        3, 2, List.of(DatasetId.ADULT), DatasetId.MNIST, DatasetId.ADULT);

        // When
        SuitePlan plan = SuitePlan.of(o, EnumSet.allOf(ExperimentId.class));

        // Then: MNIST keeps E1's dense, dropout and midl x 3 seeds (E2, E3 input noise and E4 use
        // them); Adult has all of E1 (5 x 3), E3 (3 methods x 3 variants x 2 seeds), E5 (14 x 2)
        assertThat(plan.runs(DatasetId.MNIST)).hasSize(9);
        assertThat(plan.runs(DatasetId.MNIST))
                .allSatisfy(r -> assertThat(r.variant().primary()).isTrue());
        assertThat(plan.runs(DatasetId.ADULT)).hasSize(15 + 18 + 28);
        assertThat(o.ablatedDatasets()).containsExactly(DatasetId.ADULT);
    }

    @Test
    void givenAblationDatasetOutsideTheSuite_whenBuildingOptions_thenMessageNamesIt() {
        assertThatThrownBy(
                        () ->
                                SuiteOptionsFixture.withAblationDatasets(
                                        3, 1, List.of(DatasetId.IMDB), DatasetId.MNIST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ablation dataset imdb is not among the suite's datasets [mnist]");
    }

    @Test
    void givenE1Plan_whenOrdered_thenSeedMajor() {
        // When
        List<PlannedRun> runs =
                SuitePlan.of(options, EnumSet.of(ExperimentId.E1)).runs(DatasetId.MNIST);

        // Then: all methods of seed 1 before seed 2
        assertThat(runs).hasSize(15);
        assertThat(runs.subList(0, 5)).allSatisfy(r -> assertThat(r.seed()).isEqualTo(1));
        assertThat(runs.get(0).label()).isEqualTo("mnist/dense/seed-1");
    }

    @Test
    void givenOnlyE4_whenPlan_thenItTrainsTheDenseAndMidlRunsOfSeedOne() {
        // When
        SuitePlan plan = SuitePlan.of(options, EnumSet.of(ExperimentId.E4));

        // Then
        assertThat(plan.runs())
                .extracting(PlannedRun::label)
                .containsExactly(
                        "mnist/dense/seed-1",
                        "mnist/midl/seed-1",
                        "adult/dense/seed-1",
                        "adult/midl/seed-1");
        assertThat(plan.runs()).allSatisfy(r -> assertThat(r.variant().savesParameters()).isTrue());
    }

    @Test
    void givenPrimaryAndAblationRuns_whenSpec_thenOnlyPrimaryMeasuresLatencyAndInputNoise() {
        // Given
        VariantCatalog c = new VariantCatalog(options);
        PlannedRun primary = new PlannedRun(DatasetId.ADULT, c.e1(Method.MIDL), 1);
        PlannedRun ablation = new PlannedRun(DatasetId.ADULT, c.activeRatio(0.2), 1);

        // Then
        assertThat(primary.spec(options).measureLatency()).isTrue();
        assertThat(primary.spec(options).inputNoiseSigmas()).hasSize(5);
        assertThat(ablation.spec(options).measureLatency()).isFalse();
        assertThat(ablation.spec(options).inputNoiseSigmas()).isEmpty();
        assertThat(primary.fingerprint(options)).containsKey("analysis");
        assertThat(ablation.fingerprint(options)).doesNotContainKey("analysis");
        assertThat(primary.relativeFolder()).isEqualTo(Path.of("runs", "adult", "midl", "seed-1"));
    }

    @Test
    void givenBadSelection_whenParse_thenMessageNamesIt() {
        assertThat(ExperimentId.parseSelection("all")).hasSize(5);
        assertThat(ExperimentId.parseSelection("e1, e3"))
                .containsExactly(ExperimentId.E1, ExperimentId.E3);
        assertThatThrownBy(() -> ExperimentId.parseSelection("e6"))
                .hasMessageContaining("unknown experiment 'e6'");
    }
}
