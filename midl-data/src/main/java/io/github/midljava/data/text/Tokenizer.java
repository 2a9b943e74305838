package io.github.midljava.data.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a review into words: HTML line breaks ({@code <br />} and variants) become spaces, the
 * text is lower-cased, and a word is a maximal run of letters and apostrophes, with apostrophes at
 * either end removed (so quotes like {@code 'great'} give {@code great} while {@code don't} stays).
 * Digits and punctuation separate words and are dropped.
 */
public final class Tokenizer {

    private static final Pattern LINE_BREAK =
            Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);

    private Tokenizer() {}

    /** Returns the words of {@code text}, in order. */
    public static List<String> tokenize(String text) {
        String s = LINE_BREAK.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); ) {
            int cp = i < s.length() ? s.codePointAt(i) : ' ';
            boolean wordChar = Character.isLetter(cp) || cp == '\'';
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                addTrimmed(words, s, start, i);
                start = -1;
            }
            i += i < s.length() ? Character.charCount(cp) : 1;
        }
        return words;
    }

    private static void addTrimmed(List<String> words, String s, int start, int end) {
        while (start < end && s.charAt(start) == '\'') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '\'') {
            end--;
        }
        if (end > start) {
            words.add(s.substring(start, end));
        }
    }
}
