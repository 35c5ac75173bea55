package dev.sereno.text;

import java.util.List;

/**
 * The phrases of one kind, with what cancels a match: a phrase of {@code unlessAfter} ending within a few words
 * before it in the same sentence (a negation: "no digo que…"), a phrase of {@code unlessFollowedBy} anywhere after
 * it (a commitment: "no lo sé… lo averiguaré"), or a phrase of {@code unless} that overlaps it (another reading of
 * the same words: "lie the device flat", "hemos inventado").
 */
public record PhraseList(String kind, List<Phrase> phrases, List<Phrase> unlessAfter, List<Phrase> unlessFollowedBy,
                         List<Phrase> unless) {
    public PhraseList {
        phrases = List.copyOf(phrases);
        unlessAfter = List.copyOf(unlessAfter);
        unlessFollowedBy = List.copyOf(unlessFollowedBy);
        unless = List.copyOf(unless);
    }

    public PhraseList(String kind, List<Phrase> phrases, List<Phrase> unlessAfter, List<Phrase> unlessFollowedBy) {
        this(kind, phrases, unlessAfter, unlessFollowedBy, List.of());
    }

    /** The listed phrases as written in the file, for tools and documentation. */
    public List<String> phraseTexts() {
        return phrases.stream().map(Phrase::text).toList();
    }
}
