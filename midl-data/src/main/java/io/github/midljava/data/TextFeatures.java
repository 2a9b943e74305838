package io.github.midljava.data;

/** How IMDB reviews become feature vectors over the vocabulary. */
public enum TextFeatures {
    /**
     * Log-scaled term frequency times smoothed inverse document frequency (idf from the training
     * split), each row L2-normalised: {@code (1 + ln tf) * (ln((1 + N) / (1 + df)) + 1)}.
     */
    TF_IDF,
    /** 1 if the word occurs in the review, else 0 (no normalisation). */
    BINARY
}
