package io.github.midljava.data.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words that become features: the {@code maxSize} words occurring in the most training
 * documents (document frequency), ties broken alphabetically so the choice is deterministic.
 */
public final class Vocabulary {

    private final List<String> words;
    private final Map<String, Integer> index;
    private final int[] documentFrequency;
    private final int documents;

    private Vocabulary(List<String> words, int[] documentFrequency, int documents) {
        this.words = List.copyOf(words);
        this.documentFrequency = documentFrequency;
        this.documents = documents;
        this.index = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            index.put(words.get(i), i);
        }
    }

    /** Chooses the vocabulary from the training texts, tokenised with {@link Tokenizer}. */
    public static Vocabulary fit(List<String> trainTexts, int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be >= 1, got " + maxSize);
        }
        // Per word: {document frequency, index of the last document counted}; the marker counts
        // each word once per document without building a set per document.
        Map<String, int[]> df = new HashMap<>();
        for (int d = 0; d < trainTexts.size(); d++) {
            for (String w : Tokenizer.tokenize(trainTexts.get(d))) {
                int[] entry = df.computeIfAbsent(w, k -> new int[] {0, -1});
                if (entry[1] != d) {
                    entry[0]++;
                    entry[1] = d;
                }
            }
        }
        List<Map.Entry<String, int[]>> entries = new ArrayList<>(df.entrySet());
        entries.sort(
                (a, b) ->
                        a.getValue()[0] != b.getValue()[0]
                                ? Integer.compare(b.getValue()[0], a.getValue()[0])
                                : a.getKey().compareTo(b.getKey()));
        int size = Math.min(maxSize, entries.size());
        List<String> words = new ArrayList<>(size);
        int[] freq = new int[size];
        for (int i = 0; i < size; i++) {
            words.add(entries.get(i).getKey());
            freq[i] = entries.get(i).getValue()[0];
        }
        return new Vocabulary(words, freq, trainTexts.size());
    }

    /** Returns the number of words. */
    public int size() {
        return words.size();
    }

    /** Returns the words, most frequent first. */
    public List<String> words() {
        return words;
    }

    /** Returns the feature index of {@code word}, or -1 if it is not in the vocabulary. */
    public int indexOf(String word) {
        Integer i = index.get(word);
        return i == null ? -1 : i;
    }

    /** Returns in how many training documents the word at {@code index} occurs. */
    public int documentFrequency(int index) {
        return documentFrequency[index];
    }

    /** Returns the number of training documents the vocabulary was chosen from. */
    public int documents() {
        return documents;
    }
}
