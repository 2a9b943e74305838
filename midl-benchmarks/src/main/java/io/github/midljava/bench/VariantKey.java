package io.github.midljava.bench;

import java.util.Locale;

/**
 * The one vocabulary of timed variants, shared by {@code midl bench} and experiment E4: which
 * model, on which runtime, how its MID-L full path is computed and with which kernel. Written as
 * {@code method/runtime/compute/kernel}, e.g. {@code midl/java/sparse/rows}.
 *
 * @param method {@code dense} or {@code midl} (the trained or benchmarked model)
 * @param runtime {@code java} (the Vector API kernels of midl-inference) or {@code djl} (the
 *     PyTorch engine)
 * @param compute the MID-L full path: {@code sparse} (k rows per sample), {@code dense} (all rows,
 *     then mask) or {@code auto} (the faster, by measurement); {@code dense} for a dense model
 * @param kernel what a single-sample call runs: {@code rows} (row dot products, MID-L gathers its
 *     rows), {@code panels} (the batched kernel on a batch of one) or {@code engine}; batches of
 *     more than one sample always run the batched kernels
 */
public record VariantKey(String method, String runtime, String compute, String kernel) {
    public VariantKey {
        for (String part : new String[] {method, runtime, compute, kernel}) {
            if (part == null || part.isEmpty() || part.contains("/")) {
                throw new IllegalArgumentException(
                        "variant parts must be non-empty words without '/', got " + part);
            }
        }
    }

    /** Parses {@code method/runtime/compute/kernel}. */
    public static VariantKey parse(String name) {
        String[] p = name.split("/");
        if (p.length != 4) {
            throw new IllegalArgumentException(
                    "variant name must be method/runtime/compute/kernel, got '" + name + "'");
        }
        return new VariantKey(p[0], p[1], p[2], p[3]);
    }

    /** Whether this is the dense model (a candidate for the dense reference). */
    public boolean isDenseModel() {
        return method.equals("dense");
    }

    /** Returns {@code method/runtime/compute/kernel}. */
    public String name() {
        return String.join("/", method, runtime, compute, kernel).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name();
    }
}
