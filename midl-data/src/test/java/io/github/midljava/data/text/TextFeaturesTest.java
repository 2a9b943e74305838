package io.github.midljava.data.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.midljava.data.TextFeatures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokenizer, vocabulary and vectoriser on hand-checked examples. */
class TextFeaturesTest {

    @Test
    void givenHtmlBreaksQuotesAndDigits_whenTokenizing_thenLowercaseLetterApostropheWords() {
        // Given / When
        List<String> words =
                Tokenizer.tokenize("It's 'GREAT'!<br /><br />Don't miss it... 10/10 Café<BR>end");
        // Then
        assertThat(words).containsExactly("it's", "great", "don't", "miss", "it", "café", "end");
    }

    @Test
    void givenTrainTexts_whenFittingVocabulary_thenTopByDocumentFrequencyTiesAlphabetical() {
        // Given "b" in 3 docs, "a" and "c" in 2, "d" in 1
        List<String> train = List.of("b a c", "b b a", "b c d");
        // When
        Vocabulary v = Vocabulary.fit(train, 3);
        // Then
        assertThat(v.words()).containsExactly("b", "a", "c");
        assertThat(v.documentFrequency(0)).isEqualTo(3);
        assertThat(v.indexOf("d")).isEqualTo(-1);
    }

    @Test
    void givenVocabulary_whenTfIdf_thenLogTfSmoothedIdfAndUnitNorm() {
        // Given N = 2 documents; "x" in both (df 2), "y" in one (df 1)
        Vocabulary v = Vocabulary.fit(List.of("x y", "x"), 10);
        // When: a document with x three times and y once
        float[] row = new TextVectorizer(v, TextFeatures.TF_IDF).transform(List.of("x x x y"));
        // Then
        double wx = (1 + Math.log(3)) * (Math.log(3.0 / 3.0) + 1);
        double wy = (1 + Math.log(1)) * (Math.log(3.0 / 2.0) + 1);
        double norm = Math.sqrt(wx * wx + wy * wy);
        assertThat(row[v.indexOf("x")]).isCloseTo((float) (wx / norm), within(1e-6f));
        assertThat(row[v.indexOf("y")]).isCloseTo((float) (wy / norm), within(1e-6f));
    }

    @Test
    void givenUnknownWordsOnly_whenVectorising_thenZeroRowNotNaN() {
        // Given a vocabulary without the document's words
        Vocabulary v = Vocabulary.fit(List.of("a b"), 10);
        // When
        float[] tfidf = new TextVectorizer(v, TextFeatures.TF_IDF).transform(List.of("zzz"));
        float[] binary = new TextVectorizer(v, TextFeatures.BINARY).transform(List.of("b b"));
        // Then
        assertThat(tfidf).containsOnly(0f);
        assertThat(binary).containsExactly(0f, 1f);
    }
}
