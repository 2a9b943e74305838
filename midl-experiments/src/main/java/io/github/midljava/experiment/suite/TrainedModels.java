package io.github.midljava.experiment.suite;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.SequentialBlock;
import io.github.midljava.data.DataSplit;
import io.github.midljava.data.DatasetId;
import io.github.midljava.model.ModelFactory;
import io.github.midljava.model.ModelOptions;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rebuilds a trained model from the weights a run kept ({@link RunStore#PARAMETERS}). */
public final class TrainedModels {

    private TrainedModels() {}

    /**
     * Builds the model of {@code options} and loads its weights; the caller closes the model.
     *
     * @param dataset the benchmark (architecture)
     * @param split any split of it (sample shape, number of classes)
     * @param options the run's model options
     * @param parameters the weights file
     */
    public static Model load(
            DatasetId dataset, DataSplit split, ModelOptions options, Path parameters)
            throws IOException {
        if (!Files.isRegularFile(parameters)) {
            throw new IOException(
                    "missing trained weights "
                            + parameters
                            + " (delete the run's result.json to train it again)");
        }
        SequentialBlock block =
                ModelFactory.build(dataset, split.sampleShape(), split.numClasses(), options);
        Model model =
                Model.newInstance("midl-" + dataset.cliName() + "-" + options.method().cliName());
        model.setBlock(block);
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(parameters)))) {
            block.loadParameters(model.getNDManager(), in);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            model.close();
            throw new IOException(
                    "cannot load trained weights " + parameters + ": " + e.getMessage(), e);
        }
        return model;
    }
}
