package io.github.midljava.data.text;

/**
 * One IMDB review as stored in {@code aclImdb/<split>/<pos|neg>/<id>_<rating>.txt}.
 *
 * @param split {@code train} or {@code test}
 * @param label 1 for a positive review ({@code pos}, rating 7–10), 0 for a negative one ({@code
 *     neg}, rating 1–4)
 * @param id the review's number within its folder
 * @param rating the star rating from the file name
 * @param text the review, as written (may contain HTML line breaks {@code <br />})
 */
public record Review(String split, int label, int id, int rating, String text) {

    /** Returns the path below {@code aclImdb/}, e.g. {@code train/pos/0_9.txt}. */
    public String path() {
        return split + "/" + (label == 1 ? "pos" : "neg") + "/" + id + "_" + rating + ".txt";
    }
}
