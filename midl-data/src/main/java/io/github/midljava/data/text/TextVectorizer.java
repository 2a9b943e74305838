package io.github.midljava.data.text;

import io.github.midljava.data.TextFeatures;
import java.util.List;

/**
 * Turns texts into dense vectors over a {@link Vocabulary}.
 *
 * <ul>
 *   <li>{@link TextFeatures#TF_IDF}: {@code (1 + ln tf) * idf} with {@code idf = ln((1 + N) / (1 +
 *       df)) + 1} (N training documents, df from training), each row scaled to unit L2 norm; the
 *       log damps words repeated many times in one review, the smoothing keeps idf finite and
 *       positive.
 *   <li>{@link TextFeatures#BINARY}: 1 where the word occurs, else 0.
 * </ul>
 */
public final class TextVectorizer {

    private final Vocabulary vocabulary;
    private final TextFeatures kind;
    private final float[] idf;

    /** Creates a vectoriser; idf comes from the vocabulary's training statistics. */
    public TextVectorizer(Vocabulary vocabulary, TextFeatures kind) {
        this.vocabulary = vocabulary;
        this.kind = kind;
        this.idf = new float[vocabulary.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] =
                    (float)
                            (Math.log(
                                            (1.0 + vocabulary.documents())
                                                    / (1.0 + vocabulary.documentFrequency(i)))
                                    + 1.0);
        }
    }

    /** Returns the vectors of {@code texts}, row-major {@code [texts, vocabulary size]}. */
    public float[] transform(List<String> texts) {
        int v = vocabulary.size();
        float[] out = new float[texts.size() * v];
        int[] counts = new int[v];
        int[] touched = new int[v];
        for (int d = 0; d < texts.size(); d++) {
            int nTouched = 0;
            for (String w : Tokenizer.tokenize(texts.get(d))) {
                int i = vocabulary.indexOf(w);
                if (i >= 0) {
                    if (counts[i]++ == 0) {
                        touched[nTouched++] = i;
                    }
                }
            }
            int row = d * v;
            double norm = 0;
            for (int t = 0; t < nTouched; t++) {
                int i = touched[t];
                float value =
                        kind == TextFeatures.BINARY
                                ? 1f
                                : (float) (1.0 + Math.log(counts[i])) * idf[i];
                out[row + i] = value;
                norm += (double) value * value;
                counts[i] = 0;
            }
            if (kind == TextFeatures.TF_IDF && norm > 0) {
                float scale = (float) (1.0 / Math.sqrt(norm));
                for (int t = 0; t < nTouched; t++) {
                    out[row + touched[t]] *= scale;
                }
            }
        }
        return out;
    }
}
