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
 * The phrase lists of one language. The file format is meant for policy authors:
 *
 * <pre>
 * # a comment
 * [CALLS_CUSTOMER_LIAR]            phrases of this kind, one per line
 * usted miente
 * you are * lying                  * is any one word; mient* is any word starting with "mient"
 * [CALLS_CUSTOMER_LIAR unless-after]        cancels a match when it ends just before it, same sentence
 * no digo que
 * [EVASIVE unless-followed-by]     cancels a match when it appears anywhere after it
 * lo averiguaré
 * </pre>
 *
 * Matching ignores case and accents and works on whole words. Sections with the same header add up, so a second
 * file can extend a list.
 */
public final class Lexicon {
    private static final Pattern HEADER = Pattern.compile("\\[\\s*([A-Z][A-Z0-9_]*)\\s*(unless-after|unless-followed-by)?\\s*]");
    private static final Lexicon EMPTY = new Lexicon(Map.of());

    private final Map<String, PhraseList> lists;

    private Lexicon(Map<String, PhraseList> lists) {
        this.lists = Collections.unmodifiableMap(lists);
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

    /** Reads one phrase file; {@code sourceName} is used in error messages. */
    public static Lexicon read(Reader reader, String sourceName) throws IOException {
        return builder().add(reader, sourceName).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects sections from one or more files. */
    public static final class Builder {
        private final Map<String, List<Phrase>[]> sections = new LinkedHashMap<>();

        private Builder() {
        }

        @SuppressWarnings("unchecked")
        private List<Phrase>[] section(String kind) {
            return sections.computeIfAbsent(kind, k -> new List[] {new ArrayList<>(), new ArrayList<>(), new ArrayList<>()});
        }

        public Builder add(Reader reader, String sourceName) throws IOException {
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
                if (text.startsWith("[")) {
                    Matcher m = HEADER.matcher(text);
                    if (!m.matches()) {
                        throw new LexiconFormatException(sourceName + ":" + lineNo + ": \"" + text
                                + "\" is not a section header; expected [KIND], [KIND unless-after] or [KIND unless-followed-by]");
                    }
                    List<Phrase>[] s = section(m.group(1));
                    String modifier = m.group(2);
                    current = modifier == null ? s[0] : modifier.equals("unless-after") ? s[1] : s[2];
                    continue;
                }
                if (current == null) {
                    throw new LexiconFormatException(sourceName + ":" + lineNo
                            + ": a phrase before any section; start the file with a header such as [EVASIVE]");
                }
                Phrase phrase = Phrase.parse(text);
                if (phrase.words().isEmpty()) {
                    throw new LexiconFormatException(sourceName + ":" + lineNo + ": \"" + text + "\" has no words");
                }
                if (phrase.words().get(0).equals("*")) {
                    throw new LexiconFormatException(sourceName + ":" + lineNo + ": \"" + text
                            + "\" starts with a wildcard; a phrase must start with a plain word");
                }
                current.add(phrase);
            }
            return this;
        }

        public Lexicon build() {
            Map<String, PhraseList> out = new LinkedHashMap<>();
            sections.forEach((kind, s) -> out.put(kind, new PhraseList(kind, s[0], s[1], s[2])));
            return new Lexicon(out);
        }

        private static String stripComment(String line) {
            int hash = line.indexOf('#');
            return hash < 0 ? line : line.substring(0, hash);
        }
    }
}
