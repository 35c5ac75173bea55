package dev.sereno.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A policy's labelled example drafts ({@code examples/xx.examples}), from which an {@link ExampleModel} learns: one
 * draft a line, after the kinds of finding it must give and a colon, or after {@code GOOD:} when it must give none.
 * <pre>
 * # comment
 * INSULTS_CUSTOMER: Es usted un inútil.
 * INFLEXIBLE, MAKES_EXCUSES: No puedo hacer nada, el sistema no me deja.
 * GOOD: No le estoy llamando mentiroso: le explico lo que pasó.
 * </pre>
 * A draft of several lines is written on one, each line break as {@code \n}. The kinds are the finding kinds the
 * policy's rules read (as the phrase lists' sections are named), so an example says what the lists would have to
 * find in it.
 */
public final class Examples {
    /** The word that labels a draft that must give no finding. */
    public static final String GOOD = "GOOD";
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    /** Longer than any reply an agent types: a line this long is a file pasted into another by mistake. */
    static final int MAX_LENGTH = 5_000;

    /**
     * One labelled draft.
     *
     * @param kinds the kinds of finding it must give; empty for a good one
     * @param text  the draft
     * @param where {@code file:line}
     */
    public record Line(Set<String> kinds, String text, String where) {
        public Line {
            kinds = Set.copyOf(kinds);
        }

        public boolean good() {
            return kinds.isEmpty();
        }
    }

    private Examples() {
    }

    /**
     * Every example of one file, in file order.
     *
     * @throws LexiconFormatException naming each bad line as {@code source:line:} and what is wrong with it
     */
    public static List<Line> read(Reader reader, String source) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Line> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String raw;
        int number = 0;
        while ((raw = in.readLine()) != null) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + number;
            int colon = line.indexOf(':');
            if (colon <= 0) {
                problems.add(where + ": write the kinds, a colon, then the draft (KIND: text, or GOOD: text)");
                continue;
            }
            Set<String> kinds = new LinkedHashSet<>();
            boolean good = false;
            String bad = null;
            for (String k : line.substring(0, colon).split(",")) {
                String kind = k.strip();
                if (kind.equals(GOOD)) {
                    good = true;
                } else if (KIND.matcher(kind).matches()) {
                    kinds.add(kind);
                } else {
                    bad = kind;
                    break;
                }
            }
            String text = line.substring(colon + 1).strip().replace("\\n", "\n");
            if (bad != null) {
                problems.add(where + ": \"" + bad + "\" is not a kind: write it in capitals (INSULTS_CUSTOMER), or GOOD");
            } else if (good && !kinds.isEmpty()) {
                problems.add(where + ": GOOD and a kind together: a good draft gives no finding");
            } else if (!good && kinds.isEmpty()) {
                problems.add(where + ": no kind before the colon: write the kinds, or GOOD");
            } else if (text.isEmpty()) {
                problems.add(where + ": no draft after the colon");
            } else if (text.length() > MAX_LENGTH) {
                problems.add(where + ": the draft is " + text.length() + " characters long, over " + MAX_LENGTH);
            } else {
                out.add(new Line(kinds, text, where));
            }
        }
        if (!problems.isEmpty()) {
            throw new LexiconFormatException(problems);
        }
        return out;
    }
}
