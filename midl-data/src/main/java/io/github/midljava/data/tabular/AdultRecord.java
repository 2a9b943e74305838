package io.github.midljava.data.tabular;

/**
 * One row of an Adult file: the 14 attribute values (stripped of surrounding spaces; {@code ?}
 * marks a missing value) and the income label.
 *
 * @param attributes the 14 attribute values in file order
 * @param label 1 for {@code >50K}, 0 for {@code <=50K}
 * @param line the 1-based line number in the file, for messages
 */
public record AdultRecord(String[] attributes, int label, int line) {}
