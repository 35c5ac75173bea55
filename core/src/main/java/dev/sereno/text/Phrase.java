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

    boolean wordMatches(int index, String folded) {
        String p = words.get(index);
        if (p.equals("*")) {
            return true;
        }
        if (p.length() > 1 && p.endsWith("*")) {
            return folded.startsWith(p.substring(0, p.length() - 1));
        }
        return p.equals(folded);
    }

    /** Whether the phrase matches the tokens starting at {@code from}; returns the index after the last matched token or -1. */
    int matchAt(List<Token> tokens, int from) {
        if (from + words.size() > tokens.size()) {
            return -1;
        }
        int sentence = tokens.get(from).sentence();
        for (int k = 0; k < words.size(); k++) {
            Token t = tokens.get(from + k);
            if (t.sentence() != sentence || !wordMatches(k, t.folded())) {
                return -1;
            }
        }
        return from + words.size();
    }
}
