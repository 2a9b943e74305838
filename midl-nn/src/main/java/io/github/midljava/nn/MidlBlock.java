package io.github.midljava.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A MID-L layer, a drop-in replacement for {@link Linear}: per sample, a learned gate picks the k
 * most useful of n units for an expensive full path, the other units take a cheap light path, and
 * the gate blends the two.
 *
 * <p>From Shaeri and Middel, "MID-L: Matrix-Interpolated Dropout Layer with Layer-wise Neuron
 * Selection", arXiv 2505.11416, 2025. Shapes, for input {@code x: [batch, d]}:
 *
 * <pre>
 *   gate   g = sigmoid((G x + b_g) / tau)      G: [n, d] or G_up [n, r_g] x G_down [r_g, d]
 *   mask   m = TopK(g, k)                      exactly k ones per row, ties to the lower index
 *   blend  a = m * g                           forward hard; backward per {@link GradientMode}
 *   full   h1 = W1 x + b1                      W1: [n, d]
 *   light  h2 = U V x + b2                     V: [r, d], U: [n, r] (or per {@link LightPath})
 *   output y = a * h1 + (1 - a) * h2           y: [batch, n]; the activation follows outside
 * </pre>
 *
 * <p>MID-L has no randomness: training and inference forwards give the same output. The paper does
 * not specify the gate parameterisation, the light path, the temperature, the gradient estimator or
 * a warm-up; each is an option of {@link Builder} with the default documented in {@link MidlConfig}
 * (our reading).
 *
 * <p>Two features serve the paper's experiments more than deployments, and stay here on purpose:
 * the selection ablations ({@link Selection#RANDOM}, {@link Selection#STATIC}) change only which k
 * units the mask keeps, inside the forward pass, so an outside wrapper would have to duplicate the
 * whole forward; and the warm-up ({@link #applySchedule}) changes k between epochs, which must be
 * saved with the parameters (a model saved mid-warm-up computes with the k it had, see {@link
 * #saveMetadata}). Both are off by default.
 */
public class MidlBlock extends AbstractBlock {

    /**
     * Version of the saved metadata: 1 = structure only; 2 = also temperature, active ratio, the k
     * in force and the training options.
     */
    private static final byte VERSION = 2;

    private final MidlConfig config;
    private long inputSize;
    private int currentK;

    private final Parameter fullWeight;
    private final Parameter fullBias;
    private final Parameter gateWeight;
    private final Parameter gateDown;
    private final Parameter gateUp;
    private final Parameter gateBias;
    private final Parameter lightWeight;
    private final Parameter lightDown;
    private final Parameter lightUp;
    private final Parameter lightBias;

    /** The sparsity penalty of the last training forward, until the loss collects it. */
    private NDArray pendingPenalty;

    MidlBlock(MidlConfig config) {
        super(VERSION);
        this.config = config;
        this.inputSize = config.inputSize();
        this.currentK = config.kFor(config.activeRatioAtEpoch(0));
        // Parameter order is fixed (it is the order of the saved file): full, gate, light.
        fullWeight = addParameter(weight("full_weight"));
        fullBias = addParameter(bias("full_bias"));
        boolean matrix = config.hasGateMatrix();
        boolean denseGate = config.gateKind() == GateKind.DENSE;
        gateWeight = matrix && denseGate ? addParameter(weight("gate_weight")) : null;
        gateDown = matrix && !denseGate ? addParameter(weight("gate_down")) : null;
        gateUp = matrix && !denseGate ? addParameter(weight("gate_up")) : null;
        gateBias = addParameter(bias("gate_bias"));
        LightPath light = config.lightPath();
        lightWeight = light == LightPath.DENSE ? addParameter(weight("light_weight")) : null;
        lightDown = light == LightPath.LOW_RANK ? addParameter(weight("light_down")) : null;
        lightUp = light == LightPath.LOW_RANK ? addParameter(weight("light_up")) : null;
        boolean hasLightBias = light == LightPath.DENSE || light == LightPath.LOW_RANK;
        lightBias = hasLightBias ? addParameter(bias("light_bias")) : null;
    }

    private static Parameter weight(String name) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
    }

    private static Parameter bias(String name) {
        return Parameter.builder().setName(name).setType(Parameter.Type.BIAS).build();
    }

    /** Returns a builder with the defaults of {@link MidlConfig}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the configuration this block was built with. */
    public MidlConfig getConfig() {
        return config;
    }

    /** Returns the number of units currently on the full path per sample. */
    public int getCurrentK() {
        return currentK;
    }

    /**
     * Sets the active ratio in force from now on (warm-up schedules and ratio sweeps call this).
     *
     * @param ratio in (0, 1]
     */
    public void setCurrentActiveRatio(double ratio) {
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("activeRatio must be in (0, 1], got " + ratio);
        }
        currentK = config.kFor(ratio);
    }

    /** Applies the warm-up schedule of the configuration for the given 0-based epoch. */
    public void applySchedule(int epoch) {
        setCurrentActiveRatio(config.activeRatioAtEpoch(epoch));
    }

    /** Returns d, the input size, once known (after initialisation or loading), else 0. */
    public long getInputSize() {
        return inputSize;
    }

    /** {@inheritDoc} */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        MidlOutput out = forwardDetailed(ps, inputs.singletonOrThrow(), training);
        return new NDList(out.output());
    }

    /**
     * Runs the forward pass and returns the gate and mask with the output, for metrics.
     *
     * @param ps the parameter store
     * @param x {@code [batch, d]}
     * @param training whether autograd records (also collects the sparsity penalty)
     * @return output, gate and mask
     */
    public MidlOutput forwardDetailed(ParameterStore ps, NDArray x, boolean training) {
        MidlOutput out = midl(x, weights(ps, x, training), config, currentK);
        if (training && config.sparsityWeight() > 0) {
            pendingPenalty = mulByScalar(out.gate().mean(), config.sparsityWeight());
        }
        return out;
    }

    private MidlWeights weights(ParameterStore ps, NDArray x, boolean training) {
        return new MidlWeights(
                value(ps, fullWeight, x, training),
                value(ps, fullBias, x, training),
                value(ps, gateWeight, x, training),
                value(ps, gateDown, x, training),
                value(ps, gateUp, x, training),
                value(ps, gateBias, x, training),
                value(ps, lightWeight, x, training),
                value(ps, lightDown, x, training),
                value(ps, lightUp, x, training),
                value(ps, lightBias, x, training));
    }

    private static NDArray value(ParameterStore ps, Parameter p, NDArray x, boolean training) {
        return p == null ? null : ps.getValue(p, x.getDevice(), training);
    }

    /**
     * The MID-L forward as a function of its arrays, the functional twin of the block (like {@link
     * Linear#linear}).
     *
     * @param x input {@code [batch, d]}
     * @param w the parameter arrays ({@code null} where the configuration has none)
     * @param config the configuration (kinds, temperature, gradient mode)
     * @param k units on the full path per sample, in [1, n]
     * @return output {@code y: [batch, n]}, gate and mask
     */
    public static MidlOutput midl(NDArray x, MidlWeights w, MidlConfig config, int k) {
        NDArray g = Activation.sigmoid(gateLogits(x, w, config));
        NDArray gd = g.stopGradient();
        NDArray m =
                config.selection() == Selection.RANDOM
                        ? TopKMask.mask(x.getManager().randomUniform(0, 1, gd.getShape()), k)
                        : TopKMask.mask(gd, k);
        NDArray a = blendWeight(g, gd, m, k, config);

        NDArray h1 = Linear.linear(x, w.fullWeight(), w.fullBias()).head();
        NDArray y;
        switch (config.lightPath()) {
            case ZERO:
                y = h1.mul(a);
                break;
            case IDENTITY:
                y = interpolate(h1, x, a);
                break;
            case DENSE:
                y = interpolate(h1, Linear.linear(x, w.lightWeight(), w.lightBias()).head(), a);
                break;
            case LOW_RANK:
                NDArray down = Linear.linear(x, w.lightDown()).head();
                y = interpolate(h1, Linear.linear(down, w.lightUp(), w.lightBias()).head(), a);
                break;
            default:
                throw new IllegalStateException("unknown light path " + config.lightPath());
        }
        return new MidlOutput(y, g, m);
    }

    /** {@code (G x + b_g) / tau}; for STATIC selection {@code b_g / tau} on every row. */
    private static NDArray gateLogits(NDArray x, MidlWeights w, MidlConfig config) {
        NDArray logits;
        if (!config.hasGateMatrix()) {
            // Start from an array of the batch's manager so the result does not live as long as
            // the model (an op's result joins the manager of its first operand).
            long batch = x.getShape().get(0);
            logits = x.getManager().zeros(new Shape(batch, config.units())).add(w.gateBias());
        } else if (config.gateKind() == GateKind.DENSE) {
            logits = Linear.linear(x, w.gateWeight(), w.gateBias()).head();
        } else {
            NDArray down = Linear.linear(x, w.gateDown()).head();
            logits = Linear.linear(down, w.gateUp(), w.gateBias()).head();
        }
        return config.temperature() == 1.0 ? logits : divByScalar(logits, config.temperature());
    }

    /**
     * {@code a / v}, with v in a scalar that libtorch owns. Not {@code a.div(float)}: DJL 0.36
     * makes that scalar from a Java direct buffer (libtorch {@code from_blob}, memory it does not
     * own) and closes it right after the op, while autograd keeps the scalar for the backward
     * ({@code d(a / v) / da = 1 / v}). Once the garbage collector frees the buffer, the backward
     * divides by whatever memory the buffer's place holds by then: gradients, hence trainings,
     * changed from run to run with a temperature other than 1 (measured: the gate gradient came out
     * divided by a scalar created after the forward). {@code full} allocates in libtorch, and the
     * forward value is the same division as before.
     */
    static NDArray divByScalar(NDArray a, double v) {
        return a.div(a.getManager().full(new Shape(), (float) v));
    }

    /** {@code a * v}, with v in a scalar that libtorch owns; see {@link #divByScalar}. */
    static NDArray mulByScalar(NDArray a, double v) {
        return a.mul(a.getManager().full(new Shape(), (float) v));
    }

    /** {@code a * h1 + (1 - a) * h2}, written as {@code h2 + a * (h1 - h2)}: one op fewer. */
    private static NDArray interpolate(NDArray h1, NDArray h2, NDArray a) {
        return h1.sub(h2).mul(a).add(h2);
    }

    /** The blend weight a: forward value {@code m * g} in every mode; backward per mode. */
    private static NDArray blendWeight(NDArray g, NDArray gd, NDArray m, int k, MidlConfig c) {
        switch (c.gradientMode()) {
            case MASKED:
                // d a / d g = m: unselected units get no gate gradient.
                return g.mul(m);
            case STRAIGHT_THROUGH:
                // a = g + stopGradient(m*g - g): forward m*g, d a / d g = 1 for every unit.
                return g.add(gd.mul(m.sub(1f)));
            case SOFT_TOPK:
                // a = s*g + stopGradient(m*g - s*g) with s = sigmoid((g - g_k) / t): forward m*g,
                // backward d(s*g)/dg, which is large only near the k-th largest gate value g_k.
                NDArray kth = gd.topK(k, 1, true, false).get(0).min(new int[] {1}, true);
                NDArray s = Activation.sigmoid(divByScalar(g.sub(kth), c.softTopKTemperature()));
                NDArray soft = s.mul(g);
                return soft.add(gd.mul(m).sub(soft.stopGradient()));
            default:
                throw new IllegalStateException("unknown gradient mode " + c.gradientMode());
        }
    }

    /**
     * Returns the sparsity penalty {@code lambda * mean(g)} of the last training forward of every
     * MID-L block under {@code root}, summed, and clears them; {@code null} if there is none. Add
     * it to the loss inside the gradient collector.
     *
     * @param root a block tree (a {@code SequentialBlock}, a model's block, or a MID-L block)
     * @return the summed penalty, a scalar in the batch's manager, or {@code null}
     */
    public static NDArray collectSparsityPenalty(Block root) {
        NDArray total = null;
        if (root instanceof MidlBlock) {
            MidlBlock b = (MidlBlock) root;
            total = b.pendingPenalty;
            b.pendingPenalty = null;
        }
        for (Block child : root.getChildren().values()) {
            NDArray p = collectSparsityPenalty(child);
            if (p != null) {
                total = total == null ? p : total.add(p);
            }
        }
        return total;
    }

    /** {@inheritDoc} */
    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {inputs[0].slice(0, inputs[0].dimension() - 1).add(config.units())};
    }

    /** {@inheritDoc} */
    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        if (inputShapes.length != 1 || inputShapes[0].dimension() != 2) {
            throw new IllegalArgumentException(
                    "MidlBlock expects one input of shape [batch, d], got "
                            + java.util.Arrays.toString(inputShapes));
        }
        long d = inputShapes[0].get(1);
        config.checkInputSize(d);
        if (config.inputSize() > 0 && config.inputSize() != d) {
            throw new IllegalArgumentException(
                    "inputSize was built as " + config.inputSize() + " but the input has d = " + d);
        }
        inputSize = d;
    }

    /** {@inheritDoc} */
    @Override
    public void prepare(Shape[] inputShapes) {
        long d = inputShapes[0].get(inputShapes[0].dimension() - 1);
        long n = config.units();
        fullWeight.setShape(new Shape(n, d));
        fullBias.setShape(new Shape(n));
        gateBias.setShape(new Shape(n));
        if (gateWeight != null) {
            gateWeight.setShape(new Shape(n, d));
        }
        if (gateDown != null) {
            gateDown.setShape(new Shape(config.gateRank(), d));
            gateUp.setShape(new Shape(n, config.gateRank()));
        }
        if (lightWeight != null) {
            lightWeight.setShape(new Shape(n, d));
        }
        if (lightDown != null) {
            lightDown.setShape(new Shape(config.lightRank(), d));
            lightUp.setShape(new Shape(n, config.lightRank()));
        }
        if (lightBias != null) {
            lightBias.setShape(new Shape(n));
        }
    }

    /**
     * Writes what the output depends on besides the parameters (format version {@value #VERSION}):
     * the structure (units, d, gate and light kinds and ranks, selection), the temperature, the
     * active ratio of the configuration and the k in force when saving (which differs from the
     * ratio's k during a warm-up), then the training-only options for the record.
     */
    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        os.writeLong(config.units());
        os.writeLong(inputSize);
        os.writeUTF(config.gateKind().name());
        os.writeInt(config.gateRank());
        os.writeUTF(config.lightPath().name());
        os.writeInt(config.lightRank());
        os.writeUTF(config.selection().name());
        // Version 2 from here.
        os.writeDouble(config.temperature());
        os.writeDouble(config.activeRatio());
        os.writeInt(currentK);
        os.writeUTF(config.gradientMode().name());
        os.writeDouble(config.softTopKTemperature());
        os.writeDouble(config.sparsityWeight());
        os.writeInt(config.warmupEpochs());
    }

    /**
     * Reads the metadata of {@link #saveMetadata} and checks that this block computes the same
     * function: every field the output depends on must equal the block's configuration, else a
     * {@link MalformedModelException} names each mismatch. The saved k is restored (a model saved
     * during or after a warm-up computes with the k it had). Version-1 files (structure only) are
     * still read; they carry no temperature nor k, so the block's own temperature and the k of its
     * final active ratio apply.
     */
    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is)
            throws IOException, MalformedModelException {
        if (loadVersion != 1 && loadVersion != VERSION) {
            throw new MalformedModelException(
                    "MidlBlock: unsupported parameter file version "
                            + loadVersion
                            + " (this library reads versions 1 and "
                            + VERSION
                            + ")");
        }
        java.util.List<String> mismatches = new java.util.ArrayList<>();
        long units = is.readLong();
        long d = is.readLong();
        expect(mismatches, "units", units, config.units());
        expect(mismatches, "gateKind", is.readUTF(), config.gateKind().name());
        expect(mismatches, "gateRank", is.readInt(), config.gateRank());
        expect(mismatches, "lightPath", is.readUTF(), config.lightPath().name());
        expect(mismatches, "lightRank", is.readInt(), config.lightRank());
        expect(mismatches, "selection", is.readUTF(), config.selection().name());
        int savedK = config.kFor(config.activeRatio());
        if (loadVersion >= 2) {
            expect(mismatches, "temperature", is.readDouble(), config.temperature());
            expect(mismatches, "activeRatio", is.readDouble(), config.activeRatio());
            savedK = is.readInt();
            // Training-only options: recorded, not checked (they do not change the output).
            is.readUTF();
            is.readDouble();
            is.readDouble();
            is.readInt();
        }
        if (!mismatches.isEmpty()) {
            throw new MalformedModelException(
                    "MidlBlock: the saved parameters do not fit this block: "
                            + String.join(", ", mismatches));
        }
        if (savedK < 1 || savedK > units) {
            throw new MalformedModelException(
                    "MidlBlock: saved k = " + savedK + " is outside [1, " + units + "]");
        }
        config.checkInputSize(d);
        if (config.inputSize() > 0 && config.inputSize() != d) {
            throw new MalformedModelException(
                    "MidlBlock: the saved parameters do not fit this block: inputSize saved "
                            + d
                            + ", built "
                            + config.inputSize());
        }
        inputSize = d;
        currentK = savedK;
        inputShapes = new Shape[] {new Shape(-1, d)};
    }

    private static void expect(
            java.util.List<String> mismatches, String field, Object saved, Object built) {
        if (!saved.equals(built)) {
            mismatches.add(field + " saved " + saved + ", built " + built);
        }
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return config.describe();
    }

    /**
     * Builds a {@link MidlBlock}: {@code set*} for required values, {@code opt*} for optional ones
     * (defaults in {@link MidlConfig}). Every value is validated in {@link #build()}.
     */
    public static final class Builder {
        private long units;
        private double activeRatio = 0.45;
        private GateKind gateKind = GateKind.LOW_RANK;
        private int gateRank = 16;
        private LightPath lightPath = LightPath.ZERO;
        private int lightRank = 16;
        private double temperature = 1.0;
        private GradientMode gradientMode = GradientMode.STRAIGHT_THROUGH;
        private double softTopKTemperature = 0.1;
        private double sparsityWeight;
        private int warmupEpochs;
        private Selection selection = Selection.LEARNED;
        private long inputSize;
        private double gateLearningRateScale = 1.0;

        private Builder() {}

        /** Sets n, the number of output units (required, >= 1). */
        public Builder setUnits(long units) {
            this.units = units;
            return this;
        }

        /** Sets the fraction of units on the full path, in (0, 1]; default 0.45. */
        public Builder optActiveRatio(double activeRatio) {
            this.activeRatio = activeRatio;
            return this;
        }

        /** Sets the gate kind; default LOW_RANK. */
        public Builder optGateKind(GateKind gateKind) {
            this.gateKind = gateKind;
            return this;
        }

        /** Sets r_g, the rank of a LOW_RANK gate, in [1, min(d, n)]; default 16. */
        public Builder optGateRank(int gateRank) {
            this.gateRank = gateRank;
            return this;
        }

        /**
         * Sets the light path kind; default ZERO (unselected units output 0). LOW_RANK is the
         * paper's reading of the light path; it cost 5 points on CIFAR-10 (docs/cifar-diagnosis).
         */
        public Builder optLightPath(LightPath lightPath) {
            this.lightPath = lightPath;
            return this;
        }

        /** Sets r, the rank of a LOW_RANK light path, in [1, min(d, n)]; default 16. */
        public Builder optLightRank(int lightRank) {
            this.lightRank = lightRank;
            return this;
        }

        /** Sets tau, the gate temperature, > 0; default 1. */
        public Builder optTemperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Sets the gradient mode; default STRAIGHT_THROUGH. */
        public Builder optGradientMode(GradientMode gradientMode) {
            this.gradientMode = gradientMode;
            return this;
        }

        /** Sets the temperature of the SOFT_TOPK relaxation, > 0; default 0.1. */
        public Builder optSoftTopKTemperature(double softTopKTemperature) {
            this.softTopKTemperature = softTopKTemperature;
            return this;
        }

        /** Sets lambda of the sparsity regulariser lambda * mean(g), >= 0; default 0. */
        public Builder optSparsityWeight(double sparsityWeight) {
            this.sparsityWeight = sparsityWeight;
            return this;
        }

        /** Sets the epochs of the 1.0 -> activeRatio warm-up, >= 0; default 0 (none). */
        public Builder optWarmupEpochs(int warmupEpochs) {
            this.warmupEpochs = warmupEpochs;
            return this;
        }

        /** Sets how the k units are chosen; default LEARNED (the ablations: RANDOM, STATIC). */
        public Builder optSelection(Selection selection) {
            this.selection = selection;
            return this;
        }

        /** Sets d when known, so that rank and IDENTITY checks run at build time. */
        public Builder optInputSize(long inputSize) {
            this.inputSize = inputSize;
            return this;
        }

        /** Sets the factor on the learning rate of the gate's parameters, > 0; default 1. */
        public Builder optGateLearningRateScale(double gateLearningRateScale) {
            this.gateLearningRateScale = gateLearningRateScale;
            return this;
        }

        /** Builds from an existing configuration (e.g. one read from a result file). */
        public Builder fromConfig(MidlConfig c) {
            units = c.units();
            activeRatio = c.activeRatio();
            gateKind = c.gateKind();
            gateRank = c.gateRank();
            lightPath = c.lightPath();
            lightRank = c.lightRank();
            temperature = c.temperature();
            gradientMode = c.gradientMode();
            softTopKTemperature = c.softTopKTemperature();
            sparsityWeight = c.sparsityWeight();
            warmupEpochs = c.warmupEpochs();
            selection = c.selection();
            inputSize = c.inputSize();
            gateLearningRateScale = c.gateLearningRateScale();
            return this;
        }

        /** Returns the validated configuration without building a block. */
        public MidlConfig buildConfig() {
            return new MidlConfig(
                    units,
                    activeRatio,
                    gateKind,
                    gateRank,
                    lightPath,
                    lightRank,
                    temperature,
                    gradientMode,
                    softTopKTemperature,
                    sparsityWeight,
                    warmupEpochs,
                    selection,
                    inputSize,
                    gateLearningRateScale);
        }

        /**
         * Returns the block.
         *
         * @throws IllegalArgumentException naming the invalid field and its allowed range
         */
        public MidlBlock build() {
            return new MidlBlock(buildConfig());
        }
    }
}
