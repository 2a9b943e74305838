/**
 * Text benchmark: the IMDB Large Movie Review Dataset (aclImdb), read from its archive or extracted
 * folder, tokenised, and turned into TF-IDF or binary bag-of-words vectors over a vocabulary chosen
 * from the training reviews only.
 */
package io.github.midljava.data.text;
