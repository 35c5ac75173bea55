package dev.sereno.text;

import java.util.List;

/**
 * The phrases of one kind, with what cancels a match: a phrase of {@code unlessAfter} ending within a few words
 * before it in the same sentence (a negation: "no digo que…"), a phrase of {@code unlessFollowedBy} anywhere after
 * it (a commitment: "no lo sé… lo averiguaré"), or a phrase of {@code unless} that overlaps it (another reading of
 * the same words: "lie the device flat", "hemos inventado").
 *
 * @param unlessAfterWithin how many words may stand between a phrase of {@code unlessAfter} and the match it cancels
 *                          ({@code [KIND unless-after within N]}); {@link #DEFAULT_WITHIN} unless the list says
 */
public record PhraseList(String kind, List<Phrase> phrases, List<Phrase> unlessAfter, List<Phrase> unlessFollowedBy,
                         List<Phrase> unless, int unlessAfterWithin) {
    /** Words that may stand between a negation and the match it cancels when the section does not say. */
    public static final int DEFAULT_WITHIN = 3;
    /** The most a section may allow: {@code within 20}. */
    public static final int MAX_WITHIN = 20;

    public PhraseList {
        phrases = List.copyOf(phrases);
        unlessAfter = List.copyOf(unlessAfter);
        unlessFollowedBy = List.copyOf(unlessFollowedBy);
        unless = List.copyOf(unless);
        if (unlessAfterWithin < 0 || unlessAfterWithin > MAX_WITHIN) {
            throw new IllegalArgumentException("unless-after within " + unlessAfterWithin + ": expected 0 to "
                    + MAX_WITHIN);
        }
    }

    public PhraseList(String kind, List<Phrase> phrases, List<Phrase> unlessAfter, List<Phrase> unlessFollowedBy,
                      List<Phrase> unless) {
        this(kind, phrases, unlessAfter, unlessFollowedBy, unless, DEFAULT_WITHIN);
    }

    public PhraseList(String kind, List<Phrase> phrases, List<Phrase> unlessAfter, List<Phrase> unlessFollowedBy) {
        this(kind, phrases, unlessAfter, unlessFollowedBy, List.of());
    }

    /** The listed phrases as written in the file, for tools and documentation. */
    public List<String> phraseTexts() {
        return phrases.stream().map(Phrase::text).toList();
    }
}
