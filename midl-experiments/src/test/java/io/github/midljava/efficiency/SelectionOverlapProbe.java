package io.github.midljava.efficiency;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.github.midljava.data.DataSplit;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.DatasetLoaders;
import io.github.midljava.model.Method;
import io.github.midljava.model.ModelFactory;
import io.github.midljava.model.ModelOptions;
import io.github.midljava.nn.LightPath;
import io.github.midljava.nn.MidlBlock;
import io.github.midljava.nn.MidlOutput;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Diagnostic probe (not a test): how much the samples of a batch agree on their selected units, in
 * a trained MNIST MID-L model on the MNIST test set. A batched sparse kernel could compute the
 * units most of a batch selected with the packed dense kernel and only the rest pair by pair; this
 * prints how many units that would be and what share of the selected pairs they hold. Train and
 * save a model first: {@code ./midl train --dataset mnist --method midl --light LOW_RANK --preset
 * quick --save-model --out runs/sel}; then run with the experiments' test class path: {@code
 * io.github.midljava.efficiency.SelectionOverlapProbe runs/sel/model 64} (model folder, batch).
 */
public class SelectionOverlapProbe {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int batch = Integer.parseInt(args.length > 1 ? args[1] : "64");
        DataSplit test = DatasetLoaders.load(DatasetId.MNIST).test();
        ModelOptions options =
                new ModelOptions(
                        Method.MIDL,
                        MidlBlock.builder()
                                .setUnits(1)
                                .optLightPath(LightPath.LOW_RANK)
                                .buildConfig(),
                        0.5);
        int samples = test.labels().length;
        int d = test.features().length / samples;
        try (Model model = Model.newInstance("midl-mnist");
                NDManager manager = NDManager.newBaseManager()) {
            model.setBlock(
                    ModelFactory.build(
                            DatasetId.MNIST, test.sampleShape(), test.numClasses(), options));
            model.load(dir, "midl-mnist");
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray h = manager.create(test.features(), new Shape(samples, d));
            int layer = 0;
            for (Block block : model.getBlock().getChildren().values()) {
                layer++;
                if (!(block instanceof MidlBlock midl)) {
                    h = block.forward(ps, new NDList(h), false).singletonOrThrow();
                    continue;
                }
                MidlOutput out = midl.forwardDetailed(ps, h, false);
                int units = (int) out.mask().getShape().get(1);
                float[] mask = out.mask().toFloatArray();
                report(layer, mask, samples, units, batch);
                h = out.output();
            }
        }
    }

    private static void report(int layer, float[] mask, int samples, int units, int batch) {
        int[] count = new int[units];
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < units; j++) {
                count[j] += mask[s * units + j] > 0 ? 1 : 0;
            }
        }
        int[] deciles = new int[10];
        for (int c : count) {
            deciles[Math.min(9, c * 10 / samples)]++;
        }
        System.out.printf(
                "layer %d: units by how often the test set selects them (0-10%%, ..., 90-100%%):"
                        + " %s%n",
                layer, Arrays.toString(deciles));
        for (double share : new double[] {0.5, 0.75, 0.9}) {
            long hotPairs = 0;
            long pairs = 0;
            long hotUnits = 0;
            long batches = 0;
            for (int b0 = 0; b0 + batch <= samples; b0 += batch) {
                batches++;
                for (int j = 0; j < units; j++) {
                    int c = 0;
                    for (int s = b0; s < b0 + batch; s++) {
                        c += mask[s * units + j] > 0 ? 1 : 0;
                    }
                    pairs += c;
                    if (c >= share * batch) {
                        hotPairs += c;
                        hotUnits++;
                    }
                }
            }
            System.out.printf(
                    "  batch %d, units selected by >= %.0f%% of the batch: %.1f of %d per batch,"
                            + " holding %.1f%% of the selected pairs (density %.2f)%n",
                    batch,
                    share * 100,
                    (double) hotUnits / batches,
                    units,
                    100.0 * hotPairs / pairs,
                    hotUnits == 0 ? 0 : (double) hotPairs / ((double) hotUnits * batch));
        }
    }
}
