package io.github.midljava.experiment.suite.claims;

/**
 * One row of the "claims vs our numbers" table.
 *
 * @param claim short name of the claim
 * @param paper what the paper says
 * @param ours our numbers, per dataset
 * @param rule how the verdict was computed from them
 * @param verdict the computed verdict
 */
public record ClaimRow(String claim, String paper, String ours, String rule, Verdict verdict) {}
