package io.github.midljava.data;

/**
 * A training split divided into the part to fit on and the part to select hyperparameters or stop
 * early on.
 *
 * @param train the samples to fit on
 * @param validation the held-out samples
 */
public record TrainValidation(DataSplit train, DataSplit validation) {}
