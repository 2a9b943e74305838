package io.github.midljava.experiment.suite.claims;

import java.util.List;

/** How far our numbers support one of the paper's claims. */
public enum Verdict {
    /** Every dataset measured passes the claim's rule. */
    SUPPORTED("supported"),
    /** Some datasets or criteria pass, others do not. */
    PARTLY("partly"),
    /** No dataset measured passes. */
    NOT_SUPPORTED("not supported"),
    /**
     * A comparison behind the claim has fewer than 3 seed pairs: no verdict is given on so little
     * (the numbers are still shown).
     */
    NOT_ENOUGH_SEEDS("not enough seeds"),
    /** Nothing was measured for this claim. */
    NOT_MEASURED("not measured");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** Returns the text shown in reports. */
    public String label() {
        return label;
    }

    /**
     * Combines per-dataset outcomes: none measured gives NOT_MEASURED, any INSUFFICIENT gives
     * NOT_ENOUGH_SEEDS, all PASS gives SUPPORTED, all FAIL gives NOT_SUPPORTED, anything else
     * PARTLY.
     */
    public static Verdict combine(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return NOT_MEASURED;
        }
        if (outcomes.contains(Outcome.INSUFFICIENT)) {
            return NOT_ENOUGH_SEEDS;
        }
        if (outcomes.stream().allMatch(o -> o == Outcome.PASS)) {
            return SUPPORTED;
        }
        if (outcomes.stream().allMatch(o -> o == Outcome.FAIL)) {
            return NOT_SUPPORTED;
        }
        return PARTLY;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The result of a claim's rule on one dataset (or one criterion). */
    public enum Outcome {
        /** The rule holds. */
        PASS,
        /** It holds in part (some criteria, or only the weaker accounting). */
        PARTIAL,
        /** It does not hold. */
        FAIL,
        /** Fewer seed pairs than a verdict needs. */
        INSUFFICIENT;

        /** Returns PASS if every flag holds, FAIL if none does, else PARTIAL; null for no flags. */
        public static Outcome of(List<Boolean> criteria) {
            if (criteria.isEmpty()) {
                return null;
            }
            long passed = criteria.stream().filter(b -> b).count();
            return passed == criteria.size() ? PASS : passed == 0 ? FAIL : PARTIAL;
        }

        /**
         * Combines criteria's outcomes: INSUFFICIENT if any is, PASS if all pass, FAIL if all fail,
         * else PARTIAL; null for none.
         */
        public static Outcome combine(List<Outcome> criteria) {
            if (criteria.isEmpty()) {
                return null;
            }
            if (criteria.contains(INSUFFICIENT)) {
                return INSUFFICIENT;
            }
            if (criteria.stream().allMatch(o -> o == PASS)) {
                return PASS;
            }
            if (criteria.stream().allMatch(o -> o == FAIL)) {
                return FAIL;
            }
            return PARTIAL;
        }
    }
}
