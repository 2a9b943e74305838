/**
 * Information-theoretic and robustness metrics for the MID-L experiments, in plain Java over {@code
 * float}/{@code double} arrays (no DJL).
 *
 * <ul>
 *   <li>{@link io.github.midljava.evaluate.KnnMutualInformation}: mutual information between a
 *       continuous scalar and a discrete label by the k-nearest-neighbour estimator of B. C. Ross,
 *       "Mutual Information between Discrete and Continuous Data Sets", PLoS ONE 9(2), 2014,
 *       computed as scikit-learn's {@code mutual_info_classif} does.
 *   <li>{@link io.github.midljava.evaluate.SlicedMutualInformation}: sliced mutual information of
 *       Z. Goldfeld and K. Greenewald, "Sliced Mutual Information: A Scalable Measure of
 *       Statistical Dependence", NeurIPS 2021 (experiment E2).
 *   <li>{@link io.github.midljava.evaluate.PerNeuronMutualInformation}: the per-unit selectivity
 *       distribution (experiment E2).
 *   <li>{@link io.github.midljava.evaluate.LabelNoise} and {@link
 *       io.github.midljava.evaluate.GaussianInputNoise}: the corruptions of experiment E3.
 *   <li>{@link io.github.midljava.evaluate.GateStats}: how a MID-L gate behaves on a probe set
 *       (entropy, units ever selected, churn between epochs), for the training curves.
 * </ul>
 *
 * <p>Everything random takes an explicit seed and uses {@link java.util.Random}, whose algorithm is
 * fixed by its specification, so a seed gives the same numbers on every JDK.
 */
package io.github.midljava.evaluate;
