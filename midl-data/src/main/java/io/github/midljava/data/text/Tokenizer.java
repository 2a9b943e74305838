package io.github.midljava.data.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a review into words: HTML line breaks ({@code <br />}, {@code <br/>}, {@code <br>}, any
 * case) separate words like spaces, letters are lower-cased, and a word is a maximal run of letters
 * and apostrophes with apostrophes at either end removed (so the quote {@code 'great'} gives {@code
 * great} while {@code don't} stays). Digits and punctuation separate words and are dropped.
 *
 * <p>One pass over the characters, without regular expressions or intermediate strings, because
 * every review is tokenised two or three times per load.
 */
public final class Tokenizer {

    private Tokenizer() {}

    /** Returns the words of {@code text}, in order. */
    public static List<String> tokenize(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder(16);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (ch == '<') {
                int end = lineBreakEnd(text, i);
                flush(word, words);
                i = end > 0 ? end : i + 1;
                continue;
            }
            int cp = Character.codePointAt(text, i);
            if (cp == '\'' || Character.isLetter(cp)) {
                word.appendCodePoint(Character.toLowerCase(cp));
            } else {
                flush(word, words);
            }
            i += Character.charCount(cp);
        }
        flush(word, words);
        return words;
    }

    /** Returns the index after a line-break tag starting at {@code i}, or -1 if there is none. */
    private static int lineBreakEnd(String text, int i) {
        if (!text.regionMatches(true, i, "<br", 0, 3)) {
            return -1;
        }
        int j = i + 3;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        if (j < text.length() && text.charAt(j) == '/') {
            j++;
        }
        return j < text.length() && text.charAt(j) == '>' ? j + 1 : -1;
    }

    private static void flush(StringBuilder word, List<String> words) {
        int start = 0;
        int end = word.length();
        while (start < end && word.charAt(start) == '\'') {
            start++;
        }
        while (end > start && word.charAt(end - 1) == '\'') {
            end--;
        }
        if (end > start) {
            words.add(word.substring(start, end));
        }
        word.setLength(0);
    }
}
