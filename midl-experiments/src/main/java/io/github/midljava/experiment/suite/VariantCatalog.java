package io.github.midljava.experiment.suite;

import io.github.midljava.model.Method;
import io.github.midljava.model.ModelOptions;
import io.github.midljava.nn.GradientMode;
import io.github.midljava.nn.LightPath;
import io.github.midljava.nn.MidlBlock;
import io.github.midljava.nn.MidlConfig;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Names every variant of the suite and makes runs shared: a variant that trains exactly like an E1
 * variant (E3 at 0% label noise, the E5 point equal to the default configuration) <em>is</em> that
 * E1 variant, so its runs are reused rather than repeated.
 */
public final class VariantCatalog {

    private final SuiteOptions options;

    /** Creates the catalog of a suite. */
    public VariantCatalog(SuiteOptions options) {
        this.options = options;
    }

    /** Returns the E1 variant of {@code method}: the base configuration, clean full data. */
    public Variant e1(Method method) {
        return new Variant(method.cliName(), modelFor(method), 0, 1, true);
    }

    /** Returns the E3 variant of {@code method} trained with {@code level} label noise. */
    public Variant labelNoise(Method method, double level) {
        return canonical(
                method.cliName() + "-label-noise-" + Variant.number(level),
                modelFor(method),
                level,
                1);
    }

    /** Returns the E3 variant of {@code method} trained on the small training fraction. */
    public Variant smallData(Method method) {
        double f = options.smallTrainFraction();
        return canonical(
                method.cliName() + "-train-fraction-" + Variant.number(f), modelFor(method), 0, f);
    }

    /** Returns the E5 MID-L variant with another activeRatio. */
    public Variant activeRatio(double ratio) {
        return midl("ratio-" + Variant.number(ratio), b -> b.optActiveRatio(ratio));
    }

    /** Returns the E5 MID-L variant with another gradient mode. */
    public Variant gradientMode(GradientMode mode) {
        return midl("gradient-" + lower(mode), b -> b.optGradientMode(mode));
    }

    /** Returns the E5 MID-L variant with another light path. */
    public Variant lightPath(LightPath path) {
        return midl("light-" + lower(path), b -> b.optLightPath(path));
    }

    /** Returns the E5 MID-L variant with another gate rank. */
    public Variant gateRank(int rank) {
        return midl("gate-rank-" + rank, b -> b.optGateRank(rank));
    }

    /** Returns the E5 MID-L variant with another gate temperature. */
    public Variant temperature(double tau) {
        return midl("temperature-" + Variant.number(tau), b -> b.optTemperature(tau));
    }

    /** Returns the model options of {@code method} on the base configuration. */
    public ModelOptions modelFor(Method method) {
        return new ModelOptions(method, options.base().midl(), options.base().dropoutRate());
    }

    private Variant midl(String suffix, UnaryOperator<MidlBlock.Builder> change) {
        MidlConfig config =
                change.apply(MidlBlock.builder().fromConfig(options.base().midl())).buildConfig();
        ModelOptions model = new ModelOptions(Method.MIDL, config, options.base().dropoutRate());
        return canonical("midl-" + suffix, model, 0, 1);
    }

    private Variant canonical(String name, ModelOptions model, double labelNoise, double fraction) {
        Variant candidate = new Variant(name, model, labelNoise, fraction, false);
        Variant primary = e1(model.method());
        return candidate.trainsLike(primary) ? primary : candidate;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
