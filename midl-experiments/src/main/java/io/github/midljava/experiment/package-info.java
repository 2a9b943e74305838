/** Runs and experiments: one training run end to end, its result and provenance, E1-E5. */
package io.github.midljava.experiment;
