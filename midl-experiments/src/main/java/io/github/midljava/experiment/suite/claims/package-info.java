/**
 * The paper's claims next to our numbers: evidence per dataset selected from the suite's analysis
 * ({@link io.github.midljava.experiment.suite.claims.EvidenceCollector}) and verdicts computed from
 * it by stated rules ({@link io.github.midljava.experiment.suite.claims.ClaimsEvaluator}): at the
 * default configuration, paired by seed, decided by 95% Student t intervals, never written by hand.
 * Depends on {@code analysis}, never on {@code report}.
 */
package io.github.midljava.experiment.suite.claims;
