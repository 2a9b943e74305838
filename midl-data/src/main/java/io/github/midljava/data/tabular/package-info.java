/**
 * Tabular benchmark: UCI Adult (census income), read from the canonical comma-separated files,
 * one-hot encoded and standardised with statistics of the training file only.
 */
package io.github.midljava.data.tabular;
