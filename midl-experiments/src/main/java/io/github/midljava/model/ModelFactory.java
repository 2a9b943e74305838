package io.github.midljava.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import io.github.midljava.data.DatasetId;
import io.github.midljava.nn.MidlBlock;

/**
 * Builds the model of each benchmark. MID-L replaces the hidden fully connected layers; DENSE and
 * DROPOUT are the same model with plain {@code Linear} layers. Our choice: the paper does not fix
 * the architectures.
 *
 * <ul>
 *   <li>MNIST: MLP 784-512-512-10.
 *   <li>CIFAR-10, CIFAR-100, SVHN: three conv blocks (conv 3x3, batch norm, ReLU, 2x2 max pool; 32,
 *       64, 128 channels), then a head of two hidden layers of 512 units.
 *   <li>UCI Adult: MLP over the encoded features, two hidden layers of 256 units.
 *   <li>IMDB: MLP over the TF-IDF bag of words, two hidden layers of 512 units.
 * </ul>
 */
public final class ModelFactory {

    private ModelFactory() {}

    /** The hidden width of the fully connected layers of a benchmark's model. */
    public static int hiddenUnits(DatasetId dataset) {
        return dataset == DatasetId.ADULT ? 256 : 512;
    }

    /**
     * Builds the model for a benchmark.
     *
     * @param dataset which benchmark
     * @param sampleShape the shape of one sample (without batch)
     * @param numClasses the number of output logits
     * @param options the method of the hidden layers
     * @return an uninitialised block; its input is {@code [batch, sampleShape...]}
     */
    public static SequentialBlock build(
            DatasetId dataset, long[] sampleShape, int numClasses, ModelOptions options) {
        SequentialBlock net = new SequentialBlock();
        switch (dataset) {
            case CIFAR10:
            case CIFAR100:
            case SVHN:
                for (int channels : new int[] {32, 64, 128}) {
                    net.add(convBlock(channels));
                }
                break;
            default:
                break;
        }
        net.add(Blocks.batchFlattenBlock()); // images and MLP inputs alike become [batch, d]
        int hidden = hiddenUnits(dataset);
        for (int layer = 0; layer < 2; layer++) {
            net.add(hiddenLayer(hidden, options));
            net.add(Activation.reluBlock()); // a named block, so exporters can recognise it
            if (options.method() == Method.DROPOUT) {
                net.add(Dropout.builder().optRate((float) options.dropoutRate()).build());
            }
        }
        net.add(Linear.builder().setUnits(numClasses).build());
        return net;
    }

    private static Block convBlock(int channels) {
        return new SequentialBlock()
                .add(
                        Conv2d.builder()
                                .setFilters(channels)
                                .setKernelShape(new Shape(3, 3))
                                .optPadding(new Shape(1, 1))
                                .build())
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
    }

    private static Block hiddenLayer(int units, ModelOptions options) {
        if (options.method().usesMidl()) {
            return MidlBlock.builder().fromConfig(options.midlLayer(units)).build();
        }
        return Linear.builder().setUnits(units).build();
    }

    /** Returns the one-line architecture description used in reports. */
    public static String describe(DatasetId dataset, long[] sampleShape, int numClasses) {
        int h = hiddenUnits(dataset);
        switch (dataset) {
            case CIFAR10:
            case CIFAR100:
            case SVHN:
                return "CNN [conv3x3(32)-BN-ReLU-pool]x[64]x[128] -> 2048 -> "
                        + h
                        + " -> "
                        + h
                        + " -> "
                        + numClasses;
            default:
                long d = 1;
                for (long s : sampleShape) {
                    d *= s;
                }
                return "MLP " + d + "-" + h + "-" + h + "-" + numClasses;
        }
    }
}
