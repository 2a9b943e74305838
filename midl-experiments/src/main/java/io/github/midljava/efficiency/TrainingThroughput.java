package io.github.midljava.efficiency;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.midljava.model.Method;
import io.github.midljava.train.ClassifierTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training throughput of the MNIST MLP at batch 128 (Adam, lr 1e-3, softmax cross-entropy, fixed
 * random batch, as the PyTorch reference script does), for several methods measured round-robin in
 * rounds so that machine drift hits all alike; the median round counts.
 */
final class TrainingThroughput {

    private TrainingThroughput() {}

    /** Returns samples per second per method (median over rounds). */
    static Map<Method, Double> measure(
            List<Method> methods, int batch, int rounds, int stepsPerRound) {
        List<Model> models = new ArrayList<>();
        List<Trainer> trainers = new ArrayList<>();
        Map<Method, double[]> perRound = new LinkedHashMap<>();
        try {
            for (Method m : methods) {
                Model model = BenchModels.create(BenchModels.MNIST_MLP, m, 0.45, 0);
                models.add(model);
                Trainer t =
                        model.newTrainer(
                                new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                                        .optOptimizer(
                                                Optimizer.adam()
                                                        .optLearningRateTracker(
                                                                Tracker.fixed(1e-3f))
                                                        .build()));
                trainers.add(t);
                perRound.put(m, new double[rounds]);
            }
            java.util.Random random = new java.util.Random(0);
            float[] xs = new float[batch * 784];
            long[] ys = new long[batch];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < batch; i++) {
                ys[i] = random.nextInt(10);
            }
            for (int r = -1; r < rounds; r++) { // round -1 warms up
                for (int i = 0; i < methods.size(); i++) {
                    Trainer t = trainers.get(i);
                    long start = System.nanoTime();
                    for (int s = 0; s < stepsPerRound; s++) {
                        // Each step's arrays live in a sub-manager (results join the manager of
                        // their first operand), as in the real training loop.
                        try (NDManager sub = t.getManager().newSubManager()) {
                            NDArray x = sub.create(xs, new Shape(batch, 784));
                            ClassifierTrainer.step(t, x, sub.create(ys));
                        }
                    }
                    if (r >= 0) {
                        perRound.get(methods.get(i))[r] =
                                (double) stepsPerRound
                                        * batch
                                        / ((System.nanoTime() - start) / 1e9);
                    }
                }
            }
        } finally {
            trainers.forEach(Trainer::close);
            models.forEach(Model::close);
        }
        Map<Method, Double> out = new LinkedHashMap<>();
        perRound.forEach(
                (m, v) -> {
                    double[] s = v.clone();
                    Arrays.sort(s);
                    out.put(m, s[s.length / 2]);
                });
        return out;
    }
}
