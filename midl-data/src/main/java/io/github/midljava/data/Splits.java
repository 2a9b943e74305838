package io.github.midljava.data;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Deterministic, seeded ways of dividing a {@link DataSplit}. */
public final class Splits {

    /**
     * Seed of the subset that {@link DataOptions#trainLimit()} keeps, fixed so that a limited run
     * always sees the same samples.
     */
    public static final long TRAIN_LIMIT_SEED = 0L;

    private Splits() {}

    /**
     * Returns the sample indices that a training-set limit keeps: all of {@code [0, n)} if {@code
     * limit} is 0 or at least {@code n}, else {@link #sampleIndices(int, int, long)} with {@link
     * #TRAIN_LIMIT_SEED}.
     */
    public static int[] trainLimitIndices(int n, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0 = all), got " + limit);
        }
        if (limit == 0 || limit >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        return sampleIndices(n, limit, TRAIN_LIMIT_SEED);
    }

    /**
     * Returns the records that a training-set limit keeps, in file order: {@code records} itself if
     * the limit keeps all, else those at {@link #trainLimitIndices(int, int)}.
     */
    public static <T> List<T> trainLimit(List<T> records, int limit) {
        int[] keep = trainLimitIndices(records.size(), limit);
        if (keep.length == records.size()) {
            return records;
        }
        return Arrays.stream(keep).mapToObj(records::get).toList();
    }

    /**
     * Returns {@code "<total> <what>"} and, if fewer were kept, {@code " (<kept> kept)"}: how the
     * loaders' descriptions state a training limit.
     */
    public static String countKept(int total, int kept, String what) {
        return total + " " + what + (kept < total ? " (" + kept + " kept)" : "");
    }

    /**
     * Divides {@code split} into a training and a validation part; the same seed always gives the
     * same division. Both parts keep the original sample order.
     *
     * @param split the split to divide, usually {@link Dataset#train()}
     * @param validationFraction the share of samples that goes to validation, in (0, 1); the count
     *     is rounded to the nearest integer
     * @param seed the seed of the shuffle that picks the validation samples
     * @throws IllegalArgumentException if the fraction is outside (0, 1) or would leave a part
     *     empty
     */
    public static TrainValidation trainValidation(
            DataSplit split, double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException(
                    "validationFraction must be in (0, 1), got " + validationFraction);
        }
        int n = split.size();
        int validationSize = (int) Math.round(n * validationFraction);
        if (validationSize == 0 || validationSize == n) {
            throw new IllegalArgumentException(
                    "validationFraction "
                            + validationFraction
                            + " of "
                            + n
                            + " samples leaves "
                            + (validationSize == 0 ? "the validation" : "the training")
                            + " part empty");
        }
        int[] order = permutation(n, seed);
        int[] validation = Arrays.copyOfRange(order, 0, validationSize);
        int[] train = Arrays.copyOfRange(order, validationSize, n);
        Arrays.sort(validation);
        Arrays.sort(train);
        return new TrainValidation(split.select(train), split.select(validation));
    }

    /**
     * Returns {@code k} distinct indices out of {@code [0, n)}, sorted ascending, chosen by a
     * seeded shuffle (the first {@code k} of {@link #permutation(int, long)}).
     */
    public static int[] sampleIndices(int n, int k, long seed) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("cannot pick " + k + " of " + n + " indices");
        }
        int[] picked = Arrays.copyOf(permutation(n, seed), k);
        Arrays.sort(picked);
        return picked;
    }

    /**
     * Returns a permutation of {@code [0, n)} by a Fisher-Yates shuffle driven by {@link
     * java.util.Random}, whose algorithm the JDK specifies, so the result is the same on every JVM.
     */
    public static int[] permutation(int n, long seed) {
        return permutation(n, new Random(seed));
    }

    /**
     * Returns a permutation of {@code [0, n)} by a Fisher-Yates shuffle that draws from {@code
     * random}, for callers that keep one generator across several shuffles (e.g. one per epoch).
     */
    public static int[] permutation(int n, Random random) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
