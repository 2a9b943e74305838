/**
 * The paper's claims next to our numbers: evidence per dataset collected from the stored runs
 * ({@link io.github.midljava.experiment.suite.claims.EvidenceCollector}) and verdicts computed from
 * it by stated rules ({@link io.github.midljava.experiment.suite.claims.ClaimsEvaluator}), never
 * written by hand.
 */
package io.github.midljava.experiment.suite.claims;
