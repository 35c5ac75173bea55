package dev.sereno.text;

import dev.sereno.situation.Language;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a draft looks written in the other language than the situation's: a rough count of the commonest short
 * words, enough to tell Spanish from English in a sentence or two. A draft is read in the language it is written in
 * (an English insult in a Spanish situation still blocks); the advice stays in the situation's language, and the
 * text report and {@code sereno try} tell the agent which lists read the draft.
 */
public final class DraftLanguage {
    private static final Set<String> ES = Set.of("el", "la", "los", "las", "que", "de", "del", "y", "en", "es", "un",
            "una", "no", "usted", "su", "por", "para", "con", "lo", "se", "le", "me", "muy", "pero", "esta", "este");
    private static final Set<String> EN = Set.of("the", "you", "your", "is", "are", "and", "to", "of", "we", "it",
            "not", "that", "for", "this", "have", "i", "a", "an", "be", "will", "can", "with", "our", "was", "what");

    private DraftLanguage() {
    }

    /** The other language, when the draft has at least three of its common words and twice as many as of {@code locale}'s. */
    public static Optional<Language> otherThan(Language locale, String draft) {
        if (draft == null) {
            return Optional.empty();
        }
        // one pass, no regular expressions: it runs on every call with a draft
        int es = 0;
        int en = 0;
        StringBuilder word = new StringBuilder(16);
        for (int i = 0; i <= draft.length(); i++) {
            char c = i < draft.length() ? draft.charAt(i) : ' ';
            if (Character.isLetter(c) || c == '\'') {
                word.append(Character.toLowerCase(c));
                continue;
            }
            if (word.length() > 0 && word.length() <= 6) {
                String w = Folding.fold(word);
                es += ES.contains(w) ? 1 : 0;
                en += EN.contains(w) ? 1 : 0;
            }
            word.setLength(0);
        }
        Language other = locale == Language.ES ? Language.EN : Language.ES;
        int mine = locale == Language.ES ? es : en;
        int theirs = locale == Language.ES ? en : es;
        return theirs >= 3 && theirs >= 2 * mine + 1 ? Optional.of(other) : Optional.empty();
    }

    /** The note to show the agent, in the situation's language. */
    public static String note(Language locale, Language other) {
        return locale == Language.ES
                ? "Nota: el borrador parece escrito en inglés, así que se ha leído con las frases en inglés; el consejo "
                        + "sigue en español."
                : "Note: the draft looks written in Spanish, so it was read with the Spanish phrases; the advice stays "
                        + "in English.";
    }
}
