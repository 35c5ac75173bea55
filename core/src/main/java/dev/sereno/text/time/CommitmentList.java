package dev.sereno.text.time;

import dev.sereno.text.Lexicon;
import dev.sereno.text.LexiconFormatException;
import dev.sereno.text.Morphology;
import dev.sereno.text.PhraseMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The phrases that make a commitment in one language, read from a {@code commitments/xx.commitments} file:
 * <pre>
 * [CALL_BACK]              phrases that promise a call back on their own ("le llamaremos", "I'll call you")
 * [CALL_BACK when-timed]   phrases that promise only with a time ("le llamo mañana"; "le llamo" alone may describe)
 * [WITHOUT_TIME]           phrases that put things off with no time ("en cuanto lo sepa", "as soon as I hear")
 * </pre>
 * Any upper-case kind may be used; {@code #} starts a comment line. A phrase is written in the phrase lists' pattern
 * language ({@code <llamar>}, {@code {CLASS}} from the same language's word classes, {@code *}, {@code wait*},
 * {@code {0-2}}, {@code ^}/{@code $}, {@code -- unless:}), compiled by the same compiler. Words are compared folded
 * (no case, no accents, ñ as n) with their apostrophes ("i'll" is not "ill"). Of two matches as long, the phrase
 * earlier in the file wins, phrases whose first word is a prefix after the others. Repeated sections add up.
 * Immutable.
 */
public final class CommitmentList {
    /** The kind of a [WITHOUT_TIME] phrase that stands alone. */
    public static final String OTHER = "OTHER";
    static final String WITHOUT_TIME = "WITHOUT_TIME";
    private static final Pattern HEADER = Pattern.compile("\\[([A-Z][A-Z0-9_]*)(\\s+when-timed)?\\]");

    /** What a phrase promises: its kind, and whether it promises only with a time. */
    record Phrase(String kind, boolean whenTimed) {
    }

    /**
     * The promises and the phrases without a time, compiled together so that a text's words are numbered once;
     * thousands of phrases may start with "we" or "le", and only those whose next word follows are tried.
     */
    static final class Index {
        static final int PROMISES = 0;
        static final int WITHOUT_TIME = 1;

        private final PhraseMatcher matcher;
        private final Phrase[][] phrases;

        Index(PhraseMatcher matcher, Phrase[] promises, Phrase[] withoutTime) {
            this.matcher = matcher;
            this.phrases = new Phrase[][] {promises, withoutTime};
        }

        /** The compiled phrases of both lists ({@link CommitmentStore} writes it). */
        PhraseMatcher matcher() {
            return matcher;
        }

        /** What each phrase promises: the promises', then the phrases without a time. */
        Phrase[][] phrases() {
            return phrases;
        }

        boolean isEmpty(int list) {
            return phrases[list].length == 0;
        }

        /**
         * The longest phrase of {@code list} matching at {@code at}, the earliest of those as long; null when none
         * matches.
         */
        Hit longest(PhraseMatcher.Text text, int at, int list) {
            PhraseMatcher.Match m = matcher.longest(text, at, list);
            return m == null ? null : new Hit(phrases[list][m.index()], at, m.end());
        }

        PhraseMatcher.Text text(Words.Spelt words) {
            return matcher.text(words.texts(), words.starts(), words.ends(), words.sentences());
        }
    }

    /** A phrase found in a text, from word {@code from} to before word {@code to}. */
    record Hit(Phrase phrase, int from, int to) {
    }

    private final Index index;
    private final int size;

    private CommitmentList(Index index) {
        this.index = index;
        this.size = index.phrases[Index.PROMISES].length + index.phrases[Index.WITHOUT_TIME].length;
    }

    Index index() {
        return index;
    }

    /** The list of phrases already compiled: as {@link CommitmentStore} read them. */
    static CommitmentList of(PhraseMatcher matcher, Phrase[] promises, Phrase[] withoutTime) {
        return new CommitmentList(new Index(matcher, promises, withoutTime));
    }

    public static CommitmentList empty() {
        return read("", "(none)");
    }

    /**
     * Reads the text of a commitments file whose phrases use no word class and no dictionary word.
     *
     * @throws CommitmentListFormatException as {@link #read(String, String, Lexicon, Morphology)}
     */
    public static CommitmentList read(String text, String source) {
        return read(text, source, Lexicon.empty(), null);
    }

    /**
     * Reads the text of a commitments file.
     *
     * @param classes    the language's phrase lists, whose word classes ({@code [class NAME]}) phrases may use
     * @param morphology the language's dictionary for {@code <word>}; null when it has none
     * @throws CommitmentListFormatException naming {@code source} and the line of each problem: a phrase outside a
     *                                       section, a header that is not {@code [KIND]} or {@code [KIND when-timed]},
     *                                       a pattern that cannot be read or compiled
     */
    public static CommitmentList read(String text, String source, Lexicon classes, Morphology morphology) {
        List<PhraseMatcher.Line> promises = new ArrayList<>();
        List<Phrase> promised = new ArrayList<>();
        List<PhraseMatcher.Line> promisesLed = new ArrayList<>();
        List<Phrase> promisedLed = new ArrayList<>();
        List<PhraseMatcher.Line> without = new ArrayList<>();
        List<Phrase> withoutWhat = new ArrayList<>();
        List<PhraseMatcher.Line> withoutLed = new ArrayList<>();
        List<Phrase> withoutWhatLed = new ArrayList<>();
        String kind = null;
        boolean whenTimed = false;
        String[] lines = text.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            String where = source + ":" + (n + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                var m = HEADER.matcher(line);
                if (!m.matches()) {
                    throw new CommitmentListFormatException(where + ": \"" + line
                            + "\" is not a section header; expected [KIND] or [KIND when-timed], KIND in upper case "
                            + "such as CALL_BACK, or [WITHOUT_TIME]");
                }
                kind = m.group(1);
                whenTimed = m.group(2) != null;
                if (whenTimed && kind.equals(WITHOUT_TIME)) {
                    throw new CommitmentListFormatException(where
                            + ": [WITHOUT_TIME] takes no when-timed: its phrases never come with a time");
                }
                continue;
            }
            if (kind == null) {
                throw new CommitmentListFormatException(where + ": the phrase \"" + line
                        + "\" comes before any section; start with a header such as [CALL_BACK]");
            }
            // of two matches as long, the earlier phrase wins, those led by a prefix (wait*) after all the others
            boolean prefixLed = prefixLed(line);
            boolean vague = kind.equals(WITHOUT_TIME);
            // "we'll", "we will" and "we shall" are one promise: the line is read as a draft is (Words#contraction)
            PhraseMatcher.Line l = new PhraseMatcher.Line(Words.spelt(line), where);
            Phrase p = new Phrase(kind, whenTimed);
            (vague ? (prefixLed ? withoutLed : without) : (prefixLed ? promisesLed : promises)).add(l);
            (vague ? (prefixLed ? withoutWhatLed : withoutWhat) : (prefixLed ? promisedLed : promised)).add(p);
        }
        promises.addAll(promisesLed);
        promised.addAll(promisedLed);
        without.addAll(withoutLed);
        withoutWhat.addAll(withoutWhatLed);
        Index index;
        try {
            // the classes' entries are read as the lines are: "i'll" in a class is "i will", as in a draft
            Lexicon spelt = classes.withClassEntriesSpelt(Words::spelt);
            index = new Index(PhraseMatcher.compile(List.of(promises, without), spelt, morphology, Words::fold),
                    promised.toArray(new Phrase[0]), withoutWhat.toArray(new Phrase[0]));
        } catch (LexiconFormatException e) {
            throw new CommitmentListFormatException(e.problems());
        }
        return new CommitmentList(index);
    }

    /** Whether the first word of the line is a prefix such as {@code wait*}. */
    private static boolean prefixLed(String line) {
        int space = line.indexOf(' ');
        String first = space < 0 ? line : line.substring(0, space);
        return first.length() > 1 && first.endsWith("*");
    }

    public int size() {
        return size;
    }
}
