package dev.sereno.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One listed phrase as a sequence of word patterns: a plain word matches that word (case and accents ignored),
 * {@code *} matches any one word, and a word ending in {@code *} matches words starting with it ({@code mient*}).
 */
record Phrase(String text, List<String> words) {
    // compiled once: a policy has thousands of phrase words, and String.replaceAll compiles its pattern per call
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_IN_A_WORD = Pattern.compile("[^\\p{L}\\p{N}'*]");

    static Phrase parse(String text) {
        List<String> words = new ArrayList<>();
        for (String raw : SPACES.split(Folding.fold(text).replace('\u2019', '\'').trim())) {
            String w = NOT_IN_A_WORD.matcher(raw).replaceAll("");
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return new Phrase(text.trim(), List.copyOf(words));
    }
}
