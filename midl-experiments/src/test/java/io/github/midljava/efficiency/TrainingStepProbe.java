package io.github.midljava.efficiency;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.midljava.model.Method;
import io.github.midljava.train.ClassifierTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Diagnostic probe (not a test): where a training step of the benchmark MLP (batch 128, Adam)
 * spends its time, dense against MID-L: the forward alone, forward and backward, and the whole step
 * with the optimizer, each over 20 steps, the models taking turns round by round (the first two
 * rounds warm up). Run with the experiments' test class path and the engine's threads set, e.g.
 * {@code OMP_NUM_THREADS=1 java --add-modules jdk.incubator.vector -Dai.djl.pytorch.num_threads=1
 * -Dai.djl.pytorch.num_interop_threads=1 -cp ... io.github.midljava.efficiency.TrainingStepProbe 7}
 * (rounds).
 */
public class TrainingStepProbe {
    private static final int BATCH = 128;
    private static final int STEPS = 20;
    private static final String[] PARTS = {"forward", "forward+backward", "step"};

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args.length > 0 ? args[0] : "7");
        List<Method> methods = List.of(Method.DENSE, Method.MIDL);
        List<Model> models = new ArrayList<>();
        List<Trainer> trainers = new ArrayList<>();
        for (Method m : methods) {
            Model model = BenchModels.create(BenchModels.MNIST_MLP, m, 0.45, 0);
            models.add(model);
            trainers.add(
                    model.newTrainer(
                            new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                                    .optOptimizer(
                                            Optimizer.adam()
                                                    .optLearningRateTracker(Tracker.fixed(1e-3f))
                                                    .build())));
        }
        Random random = new Random(0);
        float[] xs = new float[BATCH * 784];
        long[] ys = new long[BATCH];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < BATCH; i++) {
            ys[i] = random.nextInt(10);
        }
        double[][][] micros = new double[methods.size()][PARTS.length][rounds];
        for (int r = -2; r < rounds; r++) {
            for (int i = 0; i < methods.size(); i++) {
                Trainer trainer = trainers.get(i);
                for (int part = 0; part < PARTS.length; part++) {
                    long start = System.nanoTime();
                    for (int s = 0; s < STEPS; s++) {
                        step(trainer, xs, ys, part);
                    }
                    if (r >= 0) {
                        micros[i][part][r] = (System.nanoTime() - start) / 1e3 / STEPS;
                    }
                }
            }
        }
        trainers.forEach(Trainer::close);
        models.forEach(Model::close);
        for (int i = 0; i < methods.size(); i++) {
            for (int part = 0; part < PARTS.length; part++) {
                double[] t = micros[i][part].clone();
                Arrays.sort(t);
                System.out.printf(
                        "%-6s %-17s median %8.0f us  min %8.0f us%n",
                        methods.get(i), PARTS[part], t[rounds / 2], t[0]);
            }
        }
    }

    /** One step of part 0 (forward), 1 (forward and backward) or 2 (the trainer's full step). */
    private static void step(Trainer trainer, float[] xs, long[] ys, int part) {
        try (NDManager sub = trainer.getManager().newSubManager()) {
            NDArray x = sub.create(xs, new Shape(BATCH, 784));
            NDArray y = sub.create(ys);
            if (part == 2) {
                ClassifierTrainer.step(trainer, x, y);
                return;
            }
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList pred = trainer.forward(new NDList(x));
                NDArray loss = trainer.getLoss().evaluate(new NDList(y), pred);
                if (part == 1) {
                    gc.backward(loss);
                } else {
                    loss.toFloatArray();
                }
            }
        }
    }
}
