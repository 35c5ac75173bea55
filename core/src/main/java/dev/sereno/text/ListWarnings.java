package dev.sereno.text;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code sereno check} says about a list file that reads, but not as its author likely meant: a
 * {@code <word:…>} whose persons leave out a kind of form it names ({@code <hacer:inf,imp 2,3>}: an infinitive has no
 * person, so the persons narrow it away and the line never matches "hacer"). Warnings, not problems: the line still
 * matches what is left.
 */
public final class ListWarnings {
    private ListWarnings() {
    }

    /**
     * The warnings of one phrase or word file, each naming its {@code file:line}; none when the file cannot be read
     * (its problems are reported by reading it) or the language has no dictionary.
     *
     * @param sourceName how the warnings name the file
     */
    public static List<String> of(Reader reader, String sourceName, Morphology morphology) throws IOException {
        if (morphology == null) {
            return List.of();
        }
        List<Lexicon.Line> lines = new ArrayList<>();
        try {
            Lexicon.builder().read(reader, sourceName, lines);
        } catch (LexiconFormatException e) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (Lexicon.Line line : lines) {
            if (line.phrase() != null) {
                narrowedAway(line.phrase(), morphology, out);
            }
        }
        return List.copyOf(out);
    }

    private static void narrowedAway(Phrase phrase, Morphology morphology, Set<String> out) {
        for (String w : phrase.words()) {
            if (!Phrase.isLemma(w)) {
                continue;
            }
            String key = Phrase.inside(w);
            int colon = key.indexOf(':');
            int space = key.indexOf(' ', colon + 1);
            if (colon < 0 || space < 0) {
                continue; // no limits, or persons alone, or forms alone: nothing narrows another away
            }
            String word = key.substring(0, colon);
            String persons = key.substring(colon + 1, space);
            List<String> lost = new ArrayList<>();
            for (String form : key.substring(space + 1).split(",")) {
                if (morphology.forms(word + ":" + persons + " " + form).isEmpty()
                        && !morphology.forms(word + ":" + form).isEmpty()) {
                    lost.add(form);
                }
            }
            if (!lost.isEmpty()) {
                out.add(phrase.where() + ": \"" + phrase.text() + "\": in <" + key + ">, the persons " + persons
                        + " leave out its " + String.join(", ", lost) + " forms, which have "
                        + (lost.size() == 1 ? "no such person" : "none of those persons")
                        + "; write <" + word + ":" + String.join(",", lost) + "> on a line of its own, or leave "
                        + String.join(", ", lost) + " out");
            }
        }
        phrase.unless().forEach(p -> narrowedAway(p, morphology, out));
        phrase.unlessAfter().forEach(p -> narrowedAway(p, morphology, out));
        phrase.unlessFollowedBy().forEach(p -> narrowedAway(p, morphology, out));
    }
}
