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

    /** One phrase: its kind, its words, and whether it promises only with a time. */
    record Phrase(String kind, String[] words, boolean whenTimed) {
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
                boolean ok = p.endsWith("*") ? t.text().startsWith(p.substring(0, p.length() - 1)) : t.text().equals(p);
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Phrase> promises;
    private final List<Phrase> withoutTime;
    /** Each list's phrases by their first word; those whose first word is a wildcard under "*". */
    private final java.util.Map<String, List<Phrase>> promisesByFirst;
    private final java.util.Map<String, List<Phrase>> withoutTimeByFirst;

    private CommitmentList(List<Phrase> promises, List<Phrase> withoutTime) {
        this.promises = List.copyOf(promises);
        this.withoutTime = List.copyOf(withoutTime);
        this.promisesByFirst = index(this.promises);
        this.withoutTimeByFirst = index(this.withoutTime);
    }

    private static java.util.Map<String, List<Phrase>> index(List<Phrase> phrases) {
        java.util.Map<String, List<Phrase>> out = new java.util.HashMap<>();
        for (Phrase p : phrases) {
            String first = p.words()[0].endsWith("*") ? "*" : p.words()[0];
            out.computeIfAbsent(first, k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    /** The phrases that may match where {@code word} starts: those beginning with it, and those beginning with a wildcard. */
    static List<Phrase> candidates(java.util.Map<String, List<Phrase>> index, String word) {
        List<Phrase> exact = index.getOrDefault(word, List.of());
        List<Phrase> wild = index.getOrDefault("*", List.of());
        if (wild.isEmpty()) {
            return exact;
        }
        List<Phrase> all = new ArrayList<>(exact);
        all.addAll(wild);
        return all;
    }

    java.util.Map<String, List<Phrase>> promisesByFirst() {
        return promisesByFirst;
    }

    java.util.Map<String, List<Phrase>> withoutTimeByFirst() {
        return withoutTimeByFirst;
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
            Phrase p = new Phrase(kind, parts, whenTimed);
            (kind.equals(WITHOUT_TIME) ? without : promises).add(p);
        }
        return new CommitmentList(promises, without);
    }

    List<Phrase> promises() {
        return promises;
    }

    List<Phrase> withoutTime() {
        return withoutTime;
    }

    public int size() {
        return promises.size() + withoutTime.size();
    }
}
