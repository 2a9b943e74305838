package io.github.midljava.experiment.suite.analysis;

import io.github.midljava.data.DatasetId;
import io.github.midljava.experiment.suite.PlannedRun;
import io.github.midljava.experiment.suite.StoredRun;
import io.github.midljava.experiment.suite.SuiteOptions;
import io.github.midljava.experiment.suite.SuiteOutcome;
import io.github.midljava.experiment.suite.SuitePlan;
import io.github.midljava.experiment.suite.Variant;
import io.github.midljava.experiment.suite.VariantCatalog;
import io.github.midljava.experiment.suite.efficiency.EfficiencyResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The stored runs of a suite, looked up by dataset, variant and seeds for the reports. */
public final class ResultSet {

    private final SuitePlan plan;
    private final SuiteOutcome outcome;

    /** Wraps a plan and what running it stored. */
    public ResultSet(SuitePlan plan, SuiteOutcome outcome) {
        this.plan = plan;
        this.outcome = outcome;
    }

    /** Returns the plan. */
    public SuitePlan plan() {
        return plan;
    }

    /** Returns the options. */
    public SuiteOptions options() {
        return plan.options();
    }

    /** Returns the variant catalog. */
    public VariantCatalog catalog() {
        return plan.catalog();
    }

    /** Returns the outcome of the invocation. */
    public SuiteOutcome outcome() {
        return outcome;
    }

    /**
     * Returns the stored runs of a variant on a dataset for the given seeds (missing ones skipped).
     */
    public List<StoredRun> runs(DatasetId dataset, Variant variant, List<Long> seeds) {
        List<StoredRun> out = new ArrayList<>();
        for (long s : seeds) {
            StoredRun r = outcome.runs().get(new PlannedRun(dataset, variant, s));
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** Returns the mean and spread of {@code value} over the stored runs of a variant. */
    public Stat stat(
            DatasetId dataset,
            Variant variant,
            List<Long> seeds,
            ToDoubleFunction<StoredRun> value) {
        List<StoredRun> runs = runs(dataset, variant, seeds);
        return Stat.of(runs.stream().mapToDouble(value).toArray());
    }

    /** Returns the first stored run of a variant among {@code seeds}, or null. */
    public StoredRun first(DatasetId dataset, Variant variant, List<Long> seeds) {
        List<StoredRun> runs = runs(dataset, variant, seeds);
        return runs.isEmpty() ? null : runs.get(0);
    }

    /** Returns the E4 benchmark of a dataset, or null. */
    public EfficiencyResult efficiency(DatasetId dataset) {
        return outcome.efficiency().get(dataset);
    }

    /** Returns every stored run. */
    public Collection<StoredRun> all() {
        return outcome.runs().values();
    }

    /** Returns the seeds as text, e.g. "seeds 1-3" or "seed 1". */
    public static String seedText(List<Long> seeds) {
        if (seeds.size() == 1) {
            return "seed " + seeds.get(0);
        }
        return "seeds " + seeds.get(0) + "-" + seeds.get(seeds.size() - 1);
    }
}
