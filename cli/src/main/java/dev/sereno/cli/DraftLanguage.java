package dev.sereno.cli;

import dev.sereno.situation.Language;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a draft looks written in the other language than the situation's. Drafts are read with the phrase lists
 * of the situation's locale only, so an English draft in an {@code es} situation is not read at all: the agent is
 * told, instead of seeing a clean verdict. A rough count of the commonest short words, enough to tell Spanish from
 * English in a sentence or two.
 */
final class DraftLanguage {
    private static final Set<String> ES = Set.of("el", "la", "los", "las", "que", "de", "del", "y", "en", "es", "un",
            "una", "no", "usted", "su", "por", "para", "con", "lo", "se", "le", "me", "muy", "pero", "esta", "este");
    private static final Set<String> EN = Set.of("the", "you", "your", "is", "are", "and", "to", "of", "we", "it",
            "not", "that", "for", "this", "have", "i", "a", "an", "be", "will", "can", "with", "our", "was", "what");

    private DraftLanguage() {
    }

    /** The other language, when the draft has at least three of its common words and twice as many as of {@code locale}'s. */
    static Optional<Language> otherThan(Language locale, String draft) {
        if (draft == null) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(draft.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        int es = 0;
        int en = 0;
        for (String word : folded.split("[^\\p{L}']+")) {
            es += ES.contains(word) ? 1 : 0;
            en += EN.contains(word) ? 1 : 0;
        }
        Language other = locale == Language.ES ? Language.EN : Language.ES;
        int mine = locale == Language.ES ? es : en;
        int theirs = locale == Language.ES ? en : es;
        return theirs >= 3 && theirs >= 2 * mine + 1 ? Optional.of(other) : Optional.empty();
    }

    /** The note to show the agent, in the situation's language. */
    static String note(Language locale, Language other) {
        return locale == Language.ES
                ? "Nota: el borrador parece escrito en inglés y se ha leído con las frases en español: no se ha podido "
                        + "revisar. Escríbalo en español, o envíe la situación con locale \"en\"."
                : "Note: the draft looks written in Spanish and was read with the English phrases: it could not be "
                        + "checked. Write it in English, or send the situation with locale \"es\".";
    }
}
