package dev.sereno.text;

import java.util.ArrayList;
import java.util.List;

/**
 * One listed phrase as a sequence of word patterns: a plain word matches that word (case and accents ignored),
 * {@code *} matches any one word, and a word ending in {@code *} matches words starting with it ({@code mient*}).
 */
record Phrase(String text, List<String> words) {

    static Phrase parse(String text) {
        List<String> words = new ArrayList<>();
        for (String raw : Folding.fold(text).replace('\u2019', '\'').trim().split("\\s+")) {
            String w = raw.replaceAll("[^\\p{L}\\p{N}'*]", "");
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return new Phrase(text.trim(), List.copyOf(words));
    }
}
