package io.github.midljava.experiment.suite;

import io.github.midljava.data.DatasetId;
import io.github.midljava.model.Method;
import io.github.midljava.nn.GradientMode;
import io.github.midljava.nn.LightPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The runs a selection of experiments needs, each once, in execution order: per dataset first the
 * E1 runs seed by seed (so that an interrupted suite already holds complete comparisons), then E3's
 * and E5's own runs. E4 adds no training run: it times the trained DENSE and MIDL models of the
 * first E1 seed.
 */
public final class SuitePlan {

    private final SuiteOptions options;
    private final Set<ExperimentId> experiments;
    private final VariantCatalog catalog;
    private final List<PlannedRun> runs;

    private SuitePlan(SuiteOptions options, Set<ExperimentId> experiments) {
        this.options = options;
        this.experiments = Set.copyOf(experiments);
        this.catalog = new VariantCatalog(options);
        this.runs = List.copyOf(collect());
    }

    /** Plans the runs of {@code experiments}. */
    public static SuitePlan of(SuiteOptions options, Set<ExperimentId> experiments) {
        if (experiments == null || experiments.isEmpty()) {
            throw new IllegalArgumentException("select at least one experiment");
        }
        return new SuitePlan(options, experiments);
    }

    /** Returns the suite's options. */
    public SuiteOptions options() {
        return options;
    }

    /** Returns the selected experiments. */
    public Set<ExperimentId> experiments() {
        return experiments;
    }

    /** Returns the catalog that names the variants. */
    public VariantCatalog catalog() {
        return catalog;
    }

    /** Returns every training run, each once, in execution order. */
    public List<PlannedRun> runs() {
        return runs;
    }

    /** Returns the training runs of one dataset, in execution order. */
    public List<PlannedRun> runs(DatasetId dataset) {
        return runs.stream().filter(r -> r.dataset() == dataset).toList();
    }

    /** Returns whether E4 is selected (one efficiency benchmark per dataset). */
    public boolean benchmarksEfficiency() {
        return experiments.contains(ExperimentId.E4);
    }

    /** Returns the E1 run whose trained weights E4 times, for DENSE or MIDL. */
    public PlannedRun efficiencySource(DatasetId dataset, Method method) {
        return new PlannedRun(dataset, catalog.e1(method), options.e1Seeds().get(0));
    }

    private List<PlannedRun> collect() {
        Set<PlannedRun> out = new LinkedHashSet<>();
        List<Long> e1Seeds = options.e1Seeds();
        List<Long> ablation = options.ablationSeedList();
        for (DatasetId d : options.datasets()) {
            List<PlannedRun> own = new ArrayList<>();
            List<PlannedRun> primary = new ArrayList<>();
            if (experiments.contains(ExperimentId.E1)) {
                addAll(
                        primary,
                        d,
                        options.e1Methods(d).stream().map(catalog::e1).toList(),
                        e1Seeds);
            }
            List<Variant> baselines = options.baselineMethods().stream().map(catalog::e1).toList();
            if (experiments.contains(ExperimentId.E2)) {
                addAll(primary, d, baselines, e1Seeds);
            }
            if (experiments.contains(ExperimentId.E3)) {
                addAll(primary, d, baselines, e1Seeds); // input noise, full-data gap
            }
            if (experiments.contains(ExperimentId.E3) && options.ablates(d)) {
                addAll(primary, d, baselines, ablation); // the 0% point of every seed used
                for (Method m : options.baselineMethods()) {
                    for (double level : options.labelNoiseLevels()) {
                        add(
                                own,
                                primary,
                                new PlannedRunList(d, catalog.labelNoise(m, level), ablation));
                    }
                    add(own, primary, new PlannedRunList(d, catalog.smallData(m), ablation));
                }
            }
            if (experiments.contains(ExperimentId.E4)) {
                primary.add(efficiencySource(d, Method.DENSE));
                primary.add(efficiencySource(d, Method.MIDL));
            }
            if (experiments.contains(ExperimentId.E5) && options.ablates(d)) {
                addAll(
                        primary,
                        d,
                        List.of(catalog.e1(Method.DENSE), catalog.e1(Method.MIDL)),
                        ablation);
                for (Variant v : ablationVariants()) {
                    add(own, primary, new PlannedRunList(d, v, ablation));
                }
            }
            // Seed-major for the E1 runs: all methods of seed 1 first, then seed 2, ...
            primary.sort(Comparator.comparingLong(PlannedRun::seed));
            out.addAll(primary);
            out.addAll(own);
        }
        return new ArrayList<>(out);
    }

    /** Returns the E5 variants in report order (duplicates of the default included once). */
    public List<Variant> ablationVariants() {
        Set<Variant> out = new LinkedHashSet<>();
        for (double r : options.activeRatios()) {
            out.add(catalog.activeRatio(r));
        }
        for (GradientMode g : options.gradientModes()) {
            out.add(catalog.gradientMode(g));
        }
        for (LightPath p : options.lightPaths()) {
            out.add(catalog.lightPath(p));
        }
        for (int r : options.gateRanks()) {
            out.add(catalog.gateRank(r));
        }
        for (double t : options.temperatures()) {
            out.add(catalog.temperature(t));
        }
        return new ArrayList<>(out);
    }

    /** A variant's runs over some seeds. */
    private record PlannedRunList(DatasetId dataset, Variant variant, List<Long> seeds) {}

    /**
     * Adds a variant's runs: to {@code primary} if it is an E1 variant (reused), else to {@code
     * own}.
     */
    private static void add(List<PlannedRun> own, List<PlannedRun> primary, PlannedRunList list) {
        List<PlannedRun> target = list.variant().primary() ? primary : own;
        for (long s : list.seeds()) {
            target.add(new PlannedRun(list.dataset(), list.variant(), s));
        }
    }

    private static void addAll(
            List<PlannedRun> target, DatasetId d, List<Variant> variants, List<Long> seeds) {
        for (long s : seeds) {
            for (Variant v : variants) {
                target.add(new PlannedRun(d, v, s));
            }
        }
    }
}
