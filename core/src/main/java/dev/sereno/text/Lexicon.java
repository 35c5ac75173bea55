package dev.sereno.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrase lists and word classes of one language. The file format is meant for policy authors:
 *
 * <pre>
 * # a comment
 * [class INSULT]                   a word class: one word or phrase per line, used as {INSULT} in any phrase
 * idiota
 * &lt;imbécil&gt;                        any form of a dictionary word: imbécil, imbéciles
 * [CALLS_CUSTOMER_LIAR]            phrases of this kind, one per line
 * usted &lt;mentir&gt;                   miente, mintió, está mintiendo…
 * es usted un {INSULT}
 * you are * lying                  * is any one word; mient* is any word starting with "mient"
 * no me creo {0-3} lo que          {0-3}: up to three words of any kind in between
 * [CALLS_CUSTOMER_LIAR unless-after]        cancels a match when it ends at most 3 words before it, same sentence
 * no digo que
 * [DOUBTS_CUSTOMER unless-after within 8]   the same, with up to 8 words in between
 * {NEGACION}
 * [EVASIVE unless-followed-by]     cancels a match when it appears anywhere after it
 * lo averiguaré
 * [LIE unless]                     cancels a match it overlaps: another reading of the same words
 * lie it flat
 * you {INSULT} -- unless: you {INSULT} day          exceptions of one line only: overlapping words (unless:), or
 * &lt;mentir&gt; -- unless-after: no vamos a           words ending just before it (unless-after:), or words
 * no lo sé -- unless-followed-by: lo averiguaré      anywhere after it (unless-followed-by:)
 * </pre>
 *
 * Matching ignores case, accents and apostrophes and works on whole words. Sections with the same header add up,
 * so a second file can extend a list or a class.
 */
public final class Lexicon {
    private static final Pattern HEADER = Pattern.compile(
            "\\[\\s*(class\\s+)?([A-Z][A-Z0-9_]*)\\s*(unless-after|unless-followed-by|unless)?"
                    + "(?:\\s+within\\s+(\\d{1,3}))?\\s*]");
    private static final Lexicon EMPTY = new Lexicon(Map.of(), Map.of(), Spellings.NONE);

    private final Map<String, PhraseList> lists;
    private final Map<String, List<Phrase>> classes;
    private final Spellings spellings;

    private Lexicon(Map<String, PhraseList> lists, Map<String, List<Phrase>> classes, Spellings spellings) {
        this.lists = Collections.unmodifiableMap(lists);
        this.classes = Collections.unmodifiableMap(classes);
        this.spellings = spellings;
    }

    /** How the language's agents type ({@code phrases/xx.spellings}), which the reader reads drafts with. */
    public Spellings spellings() {
        return spellings;
    }

    public static Lexicon empty() {
        return EMPTY;
    }

    public Map<String, PhraseList> lists() {
        return lists;
    }

    public PhraseList list(String kind) {
        return lists.get(kind);
    }

    /** The word classes by name ({@code INSULT}), each entry a phrase. */
    public Map<String, List<Phrase>> classes() {
        return classes;
    }

    /**
     * This lexicon with the text of each class entry respelt as another reader spells its words (the commitments'
     * reader reads "we'll" as "we will"), so that its classes match the words that reader reads; the lists as they
     * are.
     */
    public Lexicon withClassEntriesSpelt(java.util.function.UnaryOperator<String> respell) {
        Map<String, List<Phrase>> cls = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<String, List<Phrase>> e : classes.entrySet()) {
            List<Phrase> out = new ArrayList<>(e.getValue().size());
            for (Phrase p : e.getValue()) {
                String text = respell.apply(p.text());
                changed |= !text.equals(p.text());
                out.add(text.equals(p.text()) ? p : new Phrase(text, p.words(), p.where(), p.unless(), p.unlessAfter(),
                        p.unlessFollowedBy()));
            }
            cls.put(e.getKey(), List.copyOf(out));
        }
        return changed ? new Lexicon(lists, cls, spellings) : this;
    }

    /** Reads one phrase file; {@code sourceName} is used in error messages. */
    public static Lexicon read(Reader reader, String sourceName) throws IOException {
        return builder().add(reader, sourceName).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One line of a list file that says something: a section header ({@code phrase} null) or a phrase.
     *
     * @param number   its line number in the file
     * @param header   the header as written, without its comment; null for a phrase
     * @param isClass  a {@code [class NAME]} header
     * @param name     the kind or class the header names
     * @param modifier {@code unless-after}, {@code unless-followed-by}, {@code unless} or null
     * @param within   the header's {@code within N}, or -1
     * @param phrase   the phrase, or null for a header
     */
    record Line(int number, String header, boolean isClass, String name, String modifier, int within, Phrase phrase) {
    }

    /** Collects sections from one or more files. */
    public static final class Builder {
        private final Map<String, List<Phrase>[]> sections = new LinkedHashMap<>();
        private final Map<String, List<Phrase>> classes = new LinkedHashMap<>();
        /** The reach a kind's unless-after section gave, and where, when one did. */
        private final Map<String, Integer> within = new LinkedHashMap<>();
        private final Map<String, String> withinWhere = new LinkedHashMap<>();
        private Spellings spellings = Spellings.NONE;

        private Builder() {
        }

        /** How the language's agents type, read from its {@code .spellings} files. */
        public Builder spellings(Spellings spellings) {
            this.spellings = spellings == null ? Spellings.NONE : spellings;
            return this;
        }

        @SuppressWarnings("unchecked")
        private List<Phrase>[] section(String kind) {
            return sections.computeIfAbsent(kind, k -> new List[] {
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()});
        }

        public Builder add(Reader reader, String sourceName) throws IOException {
            read(reader, sourceName, null);
            return this;
        }

        /**
         * Reads a file as {@link #add} does and, when {@code lines} is given, also keeps each header and phrase read
         * with its line number, for {@link ListStore} to store and {@link #replay} to add again.
         */
        void read(Reader reader, String sourceName, List<Line> lines) throws IOException {
            BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
            List<Phrase> current = null;
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                String text = stripComment(line).strip();
                if (text.isEmpty()) {
                    continue;
                }
                String where = sourceName + ":" + lineNo;
                if (text.startsWith("[")) {
                    Matcher m = HEADER.matcher(text);
                    if (!m.matches() || (m.group(1) != null && m.group(3) != null)) {
                        throw new LexiconFormatException(where + ": \"" + text + "\" is not a section header; expected"
                                + " [KIND], [KIND unless-after], [KIND unless-after within N], [KIND unless-followed-by],"
                                + " [KIND unless] or [class NAME]");
                    }
                    Line header = new Line(lineNo, text, m.group(1) != null, m.group(2), m.group(3),
                            m.group(4) == null ? -1 : Integer.parseInt(m.group(4)), null);
                    current = enter(header, where);
                    if (lines != null) {
                        lines.add(header);
                    }
                    continue;
                }
                if (current == null) {
                    throw new LexiconFormatException(where
                            + ": a phrase before any section; start the file with a header such as [EVASIVE]");
                }
                for (Phrase phrase : Phrase.parseAll(text, where)) {
                    checked(phrase);
                    current.add(phrase);
                    if (lines != null) {
                        lines.add(new Line(lineNo, null, false, null, null, -1, phrase));
                    }
                }
            }
        }

        /**
         * Adds again lines kept by {@link #read}, as if the file they were read from were read here, with
         * {@code lineOffset} lines before it: the same sections, the same phrases and the same problems, each phrase
         * naming {@code sourceName} and its line. The first line must be a header (a stored file starts with one).
         */
        void replay(List<Line> lines, String sourceName, int lineOffset) {
            List<Phrase> current = null;
            for (Line l : lines) {
                String where = sourceName + ":" + (lineOffset + l.number());
                if (l.phrase() == null) {
                    current = enter(l, where);
                } else {
                    current.add(l.phrase().at(where));
                }
            }
        }

        /** The list a header's phrases go to, after checking its reach against the other headers of its kind. */
        private List<Phrase> enter(Line header, String where) {
            if (header.within() >= 0) {
                within(header.name(), header.modifier(), header.within(), where, header.header());
            }
            if (header.isClass()) {
                return classes.computeIfAbsent(header.name(), k -> new ArrayList<>());
            }
            List<Phrase>[] s = section(header.name());
            String modifier = header.modifier();
            return modifier == null ? s[0] : switch (modifier) {
                case "unless-after" -> s[1];
                case "unless-followed-by" -> s[2];
                default -> s[3];
            };
        }

        private void within(String kind, String modifier, int words, String where, String header) {
            if (!"unless-after".equals(modifier)) {
                throw new LexiconFormatException(where + ": \"" + header + "\": only an unless-after section takes"
                        + " \"within N\" (how many words may stand between the negation and the match), as in"
                        + " [" + kind + " unless-after within 8]");
            }
            if (words > PhraseList.MAX_WITHIN) {
                throw new LexiconFormatException(where + ": \"" + header + "\": within " + words
                        + " is too far; write a number of words from 0 to " + PhraseList.MAX_WITHIN);
            }
            Integer before = within.putIfAbsent(kind, words);
            if (before != null && before != words) {
                throw new LexiconFormatException(where + ": \"" + header + "\" says within " + words + ", but "
                        + withinWhere.get(kind) + " already said within " + before + " for " + kind
                        + "; give one reach per kind");
            }
            withinWhere.putIfAbsent(kind, where);
        }

        /** A phrase that can be compiled: it has words, and starts and ends with one. */
        static Phrase checked(Phrase phrase) {
            phrase.unless().forEach(Builder::checked);
            phrase.unlessAfter().forEach(Builder::checked);
            phrase.unlessFollowedBy().forEach(Builder::checked);
            List<String> words = phrase.unanchored();
            String where = phrase.where();
            String text = phrase.text();
            if (words.isEmpty()) {
                throw new LexiconFormatException(where + ": \"" + text + "\" has no words");
            }
            String first = words.get(0);
            if (first.equals("*") || Phrase.isGap(first)) {
                throw new LexiconFormatException(where + ": \"" + text
                        + "\" starts with a wildcard or a gap; a phrase must start with a word, a <word> or a {CLASS}");
            }
            if (Phrase.isGap(words.get(words.size() - 1))) {
                throw new LexiconFormatException(where + ": \"" + text + "\" ends with a gap; a gap goes between words:"
                        + " at the end it would decide nothing but how many more words the finding shows, so write the"
                        + " word that must follow it, or $ when the phrase must end its sentence");
            }
            return phrase;
        }

        public Lexicon build() {
            Map<String, PhraseList> out = new LinkedHashMap<>();
            sections.forEach((kind, s) -> out.put(kind, new PhraseList(kind, read(s[0]), read(s[1]), read(s[2]),
                    read(s[3]), within.getOrDefault(kind, PhraseList.DEFAULT_WITHIN))));
            Map<String, List<Phrase>> cls = new LinkedHashMap<>();
            classes.forEach((name, phrases) -> cls.put(name, List.copyOf(read(phrases))));
            return new Lexicon(out, cls, spellings);
        }

        /**
         * The phrases as the reader reads a draft: a shorthand a line spells ("not gonna happen", "q idiota eres")
         * stands for the same words as in the draft ("not going to happen"), so the line matches both spellings.
         */
        private List<Phrase> read(List<Phrase> phrases) {
            if (spellings.shorthand.isEmpty()) {
                return phrases;
            }
            List<Phrase> out = null;
            for (int k = 0; k < phrases.size(); k++) {
                Phrase p = phrases.get(k);
                Phrase r = read(p);
                if (r != p && out == null) {
                    out = new ArrayList<>(phrases.subList(0, k));
                }
                if (out != null) {
                    out.add(r);
                }
            }
            return out == null ? phrases : out;
        }

        private Phrase read(Phrase p) {
            List<String> words = null;
            for (int k = 0; k < p.words().size(); k++) {
                String w = p.words().get(k);
                String[] stands = spellings.shorthand.get(w);
                if (stands != null && words == null) {
                    words = new ArrayList<>(p.words().subList(0, k));
                }
                if (words != null) {
                    if (stands == null) {
                        words.add(w);
                    } else {
                        words.addAll(List.of(stands));
                    }
                }
            }
            List<Phrase> unless = read(p.unless());
            List<Phrase> unlessAfter = read(p.unlessAfter());
            List<Phrase> unlessFollowedBy = read(p.unlessFollowedBy());
            if (words == null && unless == p.unless() && unlessAfter == p.unlessAfter()
                    && unlessFollowedBy == p.unlessFollowedBy()) {
                return p;
            }
            return new Phrase(p.text(), words == null ? p.words() : words, p.where(), unless, unlessAfter,
                    unlessFollowedBy);
        }

        private static String stripComment(String line) {
            int hash = line.indexOf('#');
            return hash < 0 ? line : line.substring(0, hash);
        }
    }
}
