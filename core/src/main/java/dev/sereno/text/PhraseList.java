package dev.sereno.text;

import java.util.List;

/**
 * The phrases of one kind, with what cancels a match: a phrase of {@code unlessAfter} ending within a few words
 * before it in the same sentence (a negation: "no digo que…"), or a phrase of {@code unlessFollowedBy} anywhere
 * after it (a commitment: "no lo sé… lo averiguaré").
 */
public record PhraseList(String kind, List<Phrase> phrases, List<Phrase> unlessAfter, List<Phrase> unlessFollowedBy) {
    public PhraseList {
        phrases = List.copyOf(phrases);
        unlessAfter = List.copyOf(unlessAfter);
        unlessFollowedBy = List.copyOf(unlessFollowedBy);
    }

    /** The listed phrases as written in the file, for tools and documentation. */
    public List<String> phraseTexts() {
        return phrases.stream().map(Phrase::text).toList();
    }
}
