package io.github.midljava.experiment.suite.claims;

/**
 * One row of the "claims vs our numbers" table.
 *
 * @param claim short name of the claim
 * @param paper what the paper says
 * @param scope what the verdict rests on: datasets, seeds and configuration
 * @param ours our numbers at the default configuration, per dataset, with the paired intervals
 * @param sweep numbers of other configurations (E5 sweep, labelled with ratio and seed count),
 *     shown for context and never deciding the verdict; "—" if none
 * @param rule how the verdict was computed
 * @param verdict the computed verdict
 */
public record ClaimRow(
        String claim,
        String paper,
        String scope,
        String ours,
        String sweep,
        String rule,
        Verdict verdict) {}
