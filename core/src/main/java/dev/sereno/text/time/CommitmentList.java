package dev.sereno.text.time;

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
 * Any upper-case kind may be used; {@code #} starts a comment line. Words are compared folded (no case, no
 * accents); a word ending in {@code *} matches any word that starts so. Repeated sections add up. Immutable.
 */
public final class CommitmentList {
    /** The kind of a [WITHOUT_TIME] phrase that stands alone. */
    public static final String OTHER = "OTHER";
    static final String WITHOUT_TIME = "WITHOUT_TIME";
    private static final Pattern HEADER = Pattern.compile("\\[([A-Z][A-Z0-9_]*)(\\s+when-timed)?\\]");

    /**
     * One phrase: its kind, its words, whether it promises only with a time, and its rank among its list's phrases
     * that start at the same word (file order, phrases whose first word is a prefix after the others): of two
     * matches of the same length the lower rank wins.
     */
    record Phrase(String kind, String[] words, boolean whenTimed, int rank) {
        int size() {
            return words.length;
        }

        boolean matches(List<Words.Word> text, int at) {
            if (at + words.length > text.size()) {
                return false;
            }
            int sentence = text.get(at).sentence();
            for (int k = 0; k < words.length; k++) {
                Words.Word t = text.get(at + k);
                String p = words[k];
                if (t.sentence() != sentence) {
                    return false;
                }
                boolean ok = p.endsWith("*") ? t.text().regionMatches(0, p, 0, p.length() - 1) : t.text().equals(p);
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        Phrase ranked(int rank) {
            return new Phrase(kind, words, whenTimed, rank);
        }
    }

    /**
     * A list's phrases by their first word (a prefix first word under {@code *}), then by their second word (a phrase
     * of one word, or whose second word is a prefix, under the empty string): thousands of phrases may start with
     * "we" or "le", and only those whose second word is the text's next word are worth trying.
     */
    static final class Index {
        private final java.util.Map<String, java.util.Map<String, List<Phrase>>> byFirst = new java.util.HashMap<>();

        Index(List<Phrase> phrases) {
            int n = 0;
            for (Phrase p : phrases) {
                boolean wild = p.words()[0].endsWith("*");
                String first = wild ? "*" : p.words()[0];
                String second = p.words().length < 2 || p.words()[1].endsWith("*") ? "" : p.words()[1];
                byFirst.computeIfAbsent(first, k -> new java.util.HashMap<>())
                        .computeIfAbsent(second, k -> new ArrayList<>())
                        .add(p.ranked((wild ? phrases.size() : 0) + n++));
            }
        }

        /** The longest phrase matching at {@code at}, the lowest rank of those as long; null when none matches. */
        Phrase longest(List<Words.Word> text, int at) {
            String next = at + 1 < text.size() ? text.get(at + 1).text() : null;
            Phrase best = longest(byFirst.get(text.get(at).text()), next, text, at, null);
            return longest(byFirst.get("*"), next, text, at, best);
        }

        private static Phrase longest(java.util.Map<String, List<Phrase>> bySecond, String next,
                                      List<Words.Word> text, int at, Phrase best) {
            if (bySecond == null) {
                return best;
            }
            best = longest(bySecond.get(""), text, at, best);
            return next == null ? best : longest(bySecond.get(next), text, at, best);
        }

        private static Phrase longest(List<Phrase> phrases, List<Words.Word> text, int at, Phrase best) {
            if (phrases == null) {
                return best;
            }
            for (Phrase p : phrases) {
                if ((best == null || p.size() > best.size() || p.size() == best.size() && p.rank() < best.rank())
                        && p.matches(text, at)) {
                    best = p;
                }
            }
            return best;
        }
    }

    private final Index promisesIndex;
    private final Index withoutTimeIndex;
    private final int size;

    private CommitmentList(List<Phrase> promises, List<Phrase> withoutTime) {
        this.promisesIndex = new Index(promises);
        this.withoutTimeIndex = new Index(withoutTime);
        this.size = promises.size() + withoutTime.size();
    }

    Index promisesIndex() {
        return promisesIndex;
    }

    Index withoutTimeIndex() {
        return withoutTimeIndex;
    }

    public static CommitmentList empty() {
        return new CommitmentList(List.of(), List.of());
    }

    /**
     * Reads the text of a commitments file.
     *
     * @throws CommitmentListFormatException naming {@code source} and the line, for a phrase outside a section or a
     *                                       header that is not {@code [KIND]} or {@code [KIND when-timed]}
     */
    public static CommitmentList read(String text, String source) {
        List<Phrase> promises = new ArrayList<>();
        List<Phrase> without = new ArrayList<>();
        String kind = null;
        boolean whenTimed = false;
        String[] lines = text.split("\\R", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                var m = HEADER.matcher(line);
                if (!m.matches()) {
                    throw new CommitmentListFormatException(source + ":" + (n + 1) + ": \"" + line
                            + "\" is not a section header; expected [KIND] or [KIND when-timed], KIND in upper case "
                            + "such as CALL_BACK, or [WITHOUT_TIME]");
                }
                kind = m.group(1);
                whenTimed = m.group(2) != null;
                if (whenTimed && kind.equals(WITHOUT_TIME)) {
                    throw new CommitmentListFormatException(source + ":" + (n + 1)
                            + ": [WITHOUT_TIME] takes no when-timed: its phrases never come with a time");
                }
                continue;
            }
            if (kind == null) {
                throw new CommitmentListFormatException(source + ":" + (n + 1) + ": the phrase \"" + line
                        + "\" comes before any section; start with a header such as [CALL_BACK]");
            }
            List<Words.Word> words = Words.of(line.replace("*", "\u0000"));
            String[] parts = new String[words.size()];
            String folded = Words.fold(line);
            for (int k = 0; k < parts.length; k++) {
                Words.Word w = words.get(k);
                boolean star = w.end() < folded.length() && folded.charAt(w.end()) == '*';
                parts[k] = w.text() + (star ? "*" : "");
            }
            if (parts.length == 0) {
                throw new CommitmentListFormatException(source + ":" + (n + 1) + ": \"" + line + "\" has no words");
            }
            Phrase p = new Phrase(kind, parts, whenTimed, 0);
            (kind.equals(WITHOUT_TIME) ? without : promises).add(p);
        }
        return new CommitmentList(promises, without);
    }

    public int size() {
        return size;
    }
}
