package io.github.midljava.experiment;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.github.midljava.data.DataSplit;
import io.github.midljava.data.Dataset;
import io.github.midljava.data.Splits;
import io.github.midljava.evaluate.GaussianInputNoise;
import io.github.midljava.evaluate.LabelNoise;
import io.github.midljava.flops.Flops;
import io.github.midljava.flops.FlopsCounter;
import io.github.midljava.model.Method;
import io.github.midljava.model.ModelFactory;
import io.github.midljava.model.ModelInspector;
import io.github.midljava.model.ModelOptions;
import io.github.midljava.train.ClassifierTrainer;
import io.github.midljava.train.EpochListener;
import io.github.midljava.train.GateProbe;
import io.github.midljava.train.Predictor;
import io.github.midljava.train.TrainingPlan;
import io.github.midljava.train.TrainingSummary;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training run end to end: prepare the data (subset, label noise), build the model, train,
 * evaluate (accuracy, noisy accuracy, FLOPs, parameters, optional latency and memory) and return
 * the {@link RunResult}. An optional {@link Analysis} sees the trained model before it is closed.
 */
public final class TrainRun {

    /** Looks at a trained model before it is closed (e.g. to estimate SMI of a hidden layer). */
    @FunctionalInterface
    public interface Analysis {
        /**
         * @param model the trained model
         * @param test the (clean) test split
         * @param spec the run's spec
         */
        void analyse(Model model, DataSplit test, RunSpec spec);
    }

    private TrainRun() {}

    /** Runs {@code spec} on already loaded data. */
    public static RunResult execute(RunSpec spec, Dataset data) {
        return execute(spec, data, null);
    }

    /** Runs {@code spec} on already loaded data and lets {@code analysis} see the model. */
    public static RunResult execute(RunSpec spec, Dataset data, Analysis analysis) {
        return execute(spec, data, analysis, 0);
    }

    /**
     * Runs {@code spec} on already loaded data, lets {@code analysis} see the model and, when
     * {@code curveProbe > 0}, records {@link EpochCurve}s: after every epoch the accuracy on a
     * fixed seeded subset of {@code curveProbe} training samples and on one of {@code curveProbe}
     * test samples, and the gate statistics of every MID-L layer on that test subset. Recording
     * costs three probe passes per epoch, outside the timed training steps (on small training
     * splits a pass over the whole test split would cost more than the epoch itself).
     *
     * @param curveProbe probe size for the curves; 0 records none
     */
    public static RunResult execute(RunSpec spec, Dataset data, Analysis analysis, int curveProbe) {
        if (curveProbe < 0) {
            throw new IllegalArgumentException("curveProbe must be >= 0, got " + curveProbe);
        }
        DataSplit train = prepareTrain(data.train(), spec);
        DataSplit test = data.test();
        TrainingPlan plan = spec.plan();
        Engine.getInstance().setRandomSeed((int) spec.seed());
        SequentialBlock block =
                ModelFactory.build(
                        spec.dataset(), train.sampleShape(), train.numClasses(), spec.model());
        String label = spec.dataset() + "/" + spec.model().method() + " seed " + spec.seed();
        try (Model model = Model.newInstance("midl-" + spec.dataset())) {
            model.setBlock(block);
            NDManager manager = model.getNDManager();
            List<EpochCurve> curves = curveProbe > 0 ? new ArrayList<>() : null;
            EpochListener listener =
                    curves == null
                            ? null
                            : curveRecorder(block, manager, train, test, spec, curveProbe, curves);
            TrainingSummary summary =
                    new ClassifierTrainer(plan, spec.seed(), spec.showProgress())
                            .train(model, train, label, listener);
            double testAccuracy = Predictor.accuracy(block, manager, test);
            double trainAccuracy = Predictor.accuracy(block, manager, train);
            Map<String, Double> noisy = new LinkedHashMap<>();
            for (double sigma : spec.inputNoiseSigmas()) {
                float[] x = GaussianInputNoise.add(test.features(), sigma, spec.seed() + 17);
                DataSplit noisyTest =
                        new DataSplit(x, test.labels(), test.sampleShape(), test.numClasses());
                noisy.put(Double.toString(sigma), Predictor.accuracy(block, manager, noisyTest));
            }
            Shape one = ClassifierTrainer.batchShape(test, 1);
            FlopsCounter.ModelFlops flops = FlopsCounter.count(block, one);
            Flops hidden = hiddenLayerFlops(spec, train, flops);
            Map<String, Double> latency = null;
            Long peak = null;
            if (spec.measureLatency()) {
                latency = new LinkedHashMap<>();
                PeakMemory.reset(); // so the peak below is that of inference, not of training
                for (int batch : new int[] {1, 256}) {
                    latency.put(
                            Integer.toString(batch),
                            medianLatencyMicros(block, manager, test, batch));
                }
                peak = PeakMemory.residentBytes();
            }
            if (analysis != null) {
                analysis.analyse(model, test, spec);
            }
            Map<String, String> config = config(spec, plan);
            return new RunResult(
                    spec.dataset().cliName(),
                    spec.model().method().cliName(),
                    spec.seed(),
                    spec.preset().cliName(),
                    plan.epochs(),
                    testAccuracy,
                    trainAccuracy,
                    ModelInspector.activeRatio(block),
                    flops.model(),
                    hidden,
                    hidden.honestSavings(),
                    hidden.paperStyleSavings(),
                    ModelInspector.parameterCount(block),
                    summary.secondsPerEpoch(),
                    summary.samplesPerSecond(),
                    summary.epochLosses(),
                    spec.labelNoise(),
                    spec.trainFraction(),
                    noisy,
                    latency,
                    peak,
                    ModelFactory.describe(spec.dataset(), train.sampleShape(), train.numClasses()),
                    hiddenDescription(spec),
                    Provenance.capture(data.fileChecksums(), data.description(), config),
                    curves);
        }
    }

    /** The listener that appends one {@link EpochCurve} per epoch to {@code curves}. */
    private static EpochListener curveRecorder(
            SequentialBlock block,
            NDManager manager,
            DataSplit train,
            DataSplit test,
            RunSpec spec,
            int probeSize,
            List<EpochCurve> curves) {
        DataSplit trainProbe = subset(train, probeSize, spec.seed() * 131 + 3);
        DataSplit testProbe = subset(test, probeSize, spec.seed() * 137 + 5);
        GateProbe gates = new GateProbe(block, testProbe);
        return (epoch, loss) ->
                curves.add(
                        new EpochCurve(
                                epoch + 1,
                                loss,
                                Predictor.accuracy(block, manager, trainProbe),
                                Predictor.accuracy(block, manager, testProbe),
                                ModelInspector.activeRatio(block),
                                gates.observe(manager)));
    }

    /** A fixed seeded subset of at most {@code size} samples of {@code split}. */
    static DataSplit subset(DataSplit split, int size, long seed) {
        if (size >= split.size()) {
            return split;
        }
        int[] order = Splits.permutation(split.size(), seed);
        return split.select(Arrays.copyOf(order, size));
    }

    /** Reduces the training split to {@code trainFraction} and flips {@code labelNoise} labels. */
    static DataSplit prepareTrain(DataSplit train, RunSpec spec) {
        DataSplit out = train;
        if (spec.trainFraction() < 1) {
            int keep =
                    Math.max(
                            train.numClasses(),
                            (int) Math.round(train.size() * spec.trainFraction()));
            int[] order = Splits.permutation(train.size(), spec.seed() * 31 + 7);
            out = out.select(Arrays.copyOf(order, keep));
        }
        if (spec.labelNoise() > 0) {
            out =
                    out.withLabels(
                            LabelNoise.flipSymmetric(
                                    out.labels(),
                                    out.numClasses(),
                                    spec.labelNoise(),
                                    spec.seed()));
        }
        return out;
    }

    /**
     * FLOPs of the hidden layers: the MID-L layers of a MID-L model; for dense and dropout models
     * the same layers as plain Linear layers (dense = honest = paper-style), taken from the dense
     * count of the MID-L twin of the model.
     */
    private static Flops hiddenLayerFlops(
            RunSpec spec, DataSplit train, FlopsCounter.ModelFlops flops) {
        if (spec.model().method().usesMidl()) {
            return flops.midlLayers();
        }
        ModelOptions twin =
                new ModelOptions(Method.MIDL, spec.model().midl(), spec.model().dropoutRate());
        SequentialBlock midl =
                ModelFactory.build(spec.dataset(), train.sampleShape(), train.numClasses(), twin);
        long dense =
                FlopsCounter.count(midl, ClassifierTrainer.batchShape(train, 1))
                        .midlLayers()
                        .dense();
        return Flops.plain(dense);
    }

    /** Median wall-clock microseconds of one inference call (copy-in, forward, one value read). */
    static double medianLatencyMicros(
            SequentialBlock block, NDManager manager, DataSplit test, int batch) {
        int len = test.featureLength();
        int b = Math.min(batch, test.size());
        Shape shape = ClassifierTrainer.batchShape(test, b);
        int reps = batch == 1 ? 300 : 20;
        double[] times = new double[reps];
        for (int r = -reps / 5; r < reps; r++) { // the first fifth warms up
            long start = System.nanoTime();
            try (NDManager sub = manager.newSubManager()) {
                NDArray x = sub.create(FloatBuffer.wrap(test.features(), 0, b * len), shape);
                block.forward(new ParameterStore(sub, false), new NDList(x), false)
                        .head()
                        .getFloat(0, 0);
            }
            if (r >= 0) {
                times[r] = (System.nanoTime() - start) / 1e3;
            }
        }
        Arrays.sort(times);
        return times[reps / 2];
    }

    private static String hiddenDescription(RunSpec spec) {
        Method m = spec.model().method();
        if (m.usesMidl()) {
            return spec.model().midlLayer(ModelFactory.hiddenUnits(spec.dataset())).describe();
        }
        return m == Method.DROPOUT ? "Linear + dropout " + spec.model().dropoutRate() : "Linear";
    }

    private static Map<String, String> config(RunSpec spec, TrainingPlan plan) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("dataset", spec.dataset().cliName());
        c.put("method", spec.model().method().cliName());
        c.put("preset", spec.preset().cliName());
        c.put("seed", Long.toString(spec.seed()));
        c.put("plan", plan.toString());
        c.put("hiddenLayer", hiddenDescription(spec));
        c.put("dropoutRate", Double.toString(spec.model().dropoutRate()));
        c.put("labelNoise", Double.toString(spec.labelNoise()));
        c.put("trainFraction", Double.toString(spec.trainFraction()));
        c.put("inputNoiseSigmas", Arrays.toString(spec.inputNoiseSigmas()));
        c.put("data", spec.data().toString());
        return c;
    }
}
