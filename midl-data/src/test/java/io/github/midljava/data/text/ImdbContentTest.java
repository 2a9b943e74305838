package io.github.midljava.data.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.midljava.data.Dataset;
import io.github.midljava.data.DatasetId;
import io.github.midljava.data.TestData;
import io.github.midljava.data.TextFeatures;
import org.junit.jupiter.api.Test;

/** IMDB loaded from the real subset archive in {@code MIDL_DATA_DIR}. */
class ImdbContentTest {

    @Test
    void givenRealSubset_whenReadingRawReviews_thenBalancedSplitsAndKnownFirstReview() {
        // Given the shared aclImdb_subset.tar.gz
        // When
        ImdbCorpus corpus = ImdbLoader.readCorpus(TestData.options());
        // Then
        assertThat(corpus.train()).hasSize(5000);
        assertThat(corpus.test()).hasSize(5000);
        assertThat(corpus.train().stream().filter(r -> r.label() == 1)).hasSize(2500);
        assertThat(corpus.test().stream().filter(r -> r.label() == 1)).hasSize(2500);
        Review first =
                corpus.train().stream()
                        .filter(r -> r.path().equals("train/pos/0_9.txt"))
                        .findFirst()
                        .orElseThrow();
        assertThat(first.text()).startsWith("Bromwell High is a cartoon comedy.");
        assertThat(first.rating()).isEqualTo(9);
        assertThat(Tokenizer.tokenize(first.text()))
                .startsWith("bromwell", "high", "is", "a", "cartoon", "comedy");
        assertThat(corpus.source()).isEqualTo("imdb/aclImdb_subset.tar.gz");
    }

    @Test
    void givenRealSubset_whenLoadingTfIdf_thenUnitRowsOver5000WordsAndBalancedLabels() {
        // Given default options (TF-IDF, 5000 words); When
        Dataset imdb = TestData.load(DatasetId.IMDB);
        // Then
        assertThat(imdb.train().size()).isEqualTo(5000);
        assertThat(imdb.test().size()).isEqualTo(5000);
        assertThat(imdb.train().sampleShape()).containsExactly(5000);
        assertThat(TestData.histogram(imdb.train())).containsExactly(2500, 2500);
        assertThat(TestData.histogram(imdb.test())).containsExactly(2500, 2500);
        assertThat(imdb.classNames()).containsExactly("neg", "pos");
        assertThat(imdb.fileChecksums()).containsOnlyKeys("imdb/aclImdb_subset.tar.gz");
        float[] f = imdb.train().features();
        for (int row = 0; row < 5000; row += 499) {
            double norm = 0;
            for (int j = 0; j < 5000; j++) {
                norm += (double) f[row * 5000 + j] * f[row * 5000 + j];
            }
            assertThat(Math.sqrt(norm)).as("row %d", row).isCloseTo(1, within(1e-4));
        }
    }

    @Test
    void givenBinaryFeaturesAndSmallVocabulary_whenLoading_thenZeroOneColumnsOfThatWidth() {
        // Given binary bag-of-words over 100 words
        // When
        Dataset imdb =
                ImdbLoader.load(
                        TestData.options()
                                .withImdbFeatures(TextFeatures.BINARY)
                                .withImdbVocabularySize(100));
        // Then
        assertThat(imdb.test().sampleShape()).containsExactly(100);
        for (float v : imdb.test().features()) {
            assertThat(v == 0f || v == 1f).isTrue();
        }
        // "the" occurs in nearly every review and is the most frequent word: column 0
        double theShare = 0;
        for (int row = 0; row < imdb.train().size(); row++) {
            theShare += imdb.train().features()[row * 100];
        }
        assertThat(theShare / imdb.train().size()).isGreaterThan(0.9);
        assertThat(imdb.description()).contains("binary bag-of-words", "vocabulary of 100 words");
    }
}
