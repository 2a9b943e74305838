package io.github.midljava.data.text;

import java.util.List;

/**
 * The raw IMDB reviews, each split ordered negative first, then positive, each by id.
 *
 * @param train the training reviews
 * @param test the test reviews
 * @param source what they were read from (relative to the data root or cache)
 */
public record ImdbCorpus(List<Review> train, List<Review> test, String source) {

    /** Copies the lists. */
    public ImdbCorpus {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }
}
