package dev.sereno.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How agents really type, as a policy owner writes it per language ({@code phrases/es.spellings}): the reader then
 * reads each spelling as the words it stands for, so one list line covers them. Three sections, each of
 * {@code left = right} lines:
 *
 * <pre>
 * [shorthand]            a typed word = the word(s) it stands for:  xq = porque, gonna = going to
 * [stretched]            min-run = 3: a letter typed 3 or more times in a row is read once ("nooo" is "no")
 * [masked]               classes = INSULT PROFANITY, then one line per mask character: 1 = i l, * = any;
 *                        prefer = fuck: the word read when a mask fits it and others ("f**k": fuck or feck)
 * </pre>
 *
 * The forms of vos ("tenés", "podés", "decime", "sos") need no section: the Spanish dictionary has them, as the
 * second person's present and imperative, so {@code <tener>} and {@code <poder:2>} match them.
 *
 * Files add up: a policy folder's file extends the bundled one, and a later line for the same left side wins.
 * Immutable once read.
 */
public final class Spellings {
    /** No spelling read: the reader reads words as they are written. */
    public static final Spellings NONE = new Spellings(Map.of(), 0, List.of(), Map.of(), Set.of());

    private static final Set<String> SECTIONS = Set.of("shorthand", "stretched", "masked");

    /** Typed word (folded) to the words it stands for (folded). */
    final Map<String, String[]> shorthand;
    /** The shortest run of one letter read as that letter once; 0 when stretched letters are not read. */
    final int minRun;
    /** The word classes whose one-word entries a masked word may hide. */
    final List<String> maskClasses;
    /** A mask character to the letters it may hide; "*" for any letter. */
    final Map<Character, String> maskLetters;
    /** The words a mask is read as when it fits one of them and other words too ("f**k": fuck, not feck). */
    final Set<String> preferred;

    private Spellings(Map<String, String[]> shorthand, int minRun, List<String> maskClasses,
                      Map<Character, String> maskLetters, Set<String> preferred) {
        this.shorthand = shorthand;
        this.minRun = minRun;
        this.maskClasses = maskClasses;
        this.maskLetters = maskLetters;
        this.preferred = preferred;
    }

    public boolean isEmpty() {
        return shorthand.isEmpty() && minRun == 0 && maskLetters.isEmpty();
    }

    /** The typed words this language's shorthand reads, folded, and what each stands for. */
    public Map<String, List<String>> shorthand() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        shorthand.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }

    /**
     * Whether a typed word is read as shorthand where it stands: a shorthand of one character typed other than in
     * lower case ("Modelo X", "tipo Q", "Plan U") only as its sentence's first word. Both readers ask this.
     */
    public static boolean readsHere(int typedLength, char firstTyped, boolean firstOfSentence) {
        return typedLength > 1 || Character.isLowerCase(firstTyped) || firstOfSentence;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads one file; {@code source} names it in the problems, each {@code source:line: what was expected}. */
    public static Spellings read(String text, String source) {
        return builder().add(text, source).build();
    }

    /** Collects the lines of one or more files; problems are thrown together by {@link #build}. */
    public static final class Builder {
        private final Map<String, String[]> shorthand = new LinkedHashMap<>();
        private int minRun;
        private final Set<String> maskClasses = new LinkedHashSet<>();
        private final Map<Character, String> maskLetters = new LinkedHashMap<>();
        private final Set<String> preferred = new LinkedHashSet<>();
        private final List<String> problems = new ArrayList<>();

        private Builder() {
        }

        public Builder add(String text, String source) {
            String section = null;
            String[] lines = text.split("\r?\n", -1);
            for (int k = 0; k < lines.length; k++) {
                String line = lines[k];
                int hash = line.indexOf('#');
                String t = (hash < 0 ? line : line.substring(0, hash)).strip();
                if (t.isEmpty()) {
                    continue;
                }
                String where = source + ":" + (k + 1) + ": \"" + t + "\"";
                if (t.startsWith("[")) {
                    String name = t.endsWith("]") ? t.substring(1, t.length() - 1).strip() : "";
                    if (!SECTIONS.contains(name)) {
                        problems.add(where + " is not a section header; expected [shorthand], [stretched] or"
                                + " [masked]");
                        section = "?";
                    } else {
                        section = name;
                    }
                    continue;
                }
                if (section == null) {
                    problems.add(where + ": a line before any section; start with [shorthand], [stretched] or"
                            + " [masked]");
                    section = "?";
                    continue;
                }
                int eq = t.indexOf('=');
                if (eq <= 0 || eq == t.length() - 1 || t.substring(eq + 1).isBlank()) {
                    if (!section.equals("?")) {
                        problems.add(where + " is not \"typed = read\"; expected a line such as "
                                + example(section));
                    }
                    continue;
                }
                String left = Folding.word(t.substring(0, eq).strip());
                String[] right = words(t.substring(eq + 1));
                switch (section) {
                    case "shorthand" -> shorthand(left, right, where);
                    case "stretched" -> stretched(left, right, where);
                    case "masked" -> masked(left, right, where);
                    default -> {
                    }
                }
            }
            return this;
        }

        private static String example(String section) {
            return switch (section) {
                case "shorthand" -> "\"xq = porque\" or \"gonna = going to\"";
                case "stretched" -> "\"min-run = 3\"";
                default -> "\"classes = INSULT PROFANITY\", \"1 = i l\", \"* = any\" or \"prefer = fuck\"";
            };
        }

        private static String[] words(String text) {
            String s = text.strip();
            return s.isEmpty() ? new String[0] : s.split("\\s+");
        }

        private static boolean isWord(String w) {
            return !w.isEmpty() && w.chars().allMatch(Character::isLetterOrDigit);
        }

        private static boolean isLetters(String w) {
            return !w.isEmpty() && w.chars().allMatch(Character::isLetter);
        }

        private void shorthand(String left, String[] right, String where) {
            if (!isWord(left)) {
                problems.add(where + ": the typed spelling must be one word of letters and digits, as in \"xq\" or"
                        + " \"b4\"");
                return;
            }
            String[] read = new String[right.length];
            for (int i = 0; i < right.length; i++) {
                read[i] = Folding.word(right[i]);
                if (!isWord(read[i])) {
                    problems.add(where + ": \"" + right[i] + "\" is not a word; after \"=\" write the words the"
                            + " spelling stands for, as in \"gonna = going to\"");
                    return;
                }
            }
            if (read.length == 1 && read[0].equals(left)) {
                problems.add(where + ": the spelling stands for itself; leave the line out");
                return;
            }
            shorthand.put(left, read);
        }

        private void stretched(String left, String[] right, String where) {
            if (!left.equals("min-run")) {
                problems.add(where + ": [stretched] takes one line, \"min-run = N\" (3 to 9), or \"min-run = 0\" to"
                        + " read stretched letters as written");
                return;
            }
            int n = right.length == 1 && right[0].matches("\\d") ? Integer.parseInt(right[0]) : -1;
            if (n != 0 && (n < 3 || n > 9)) {
                problems.add(where + ": min-run must be a number from 3 to 9 (or 0, off): with 2, \"coffee\" and"
                        + " \"llamar\" would be read as \"cofe\" and \"lamar\"");
                return;
            }
            minRun = n;
        }

        private void masked(String left, String[] right, String where) {
            if (left.equals("classes")) {
                for (String c : right) {
                    if (!c.matches("[A-Z][A-Z0-9_]*")) {
                        problems.add(where + ": \"" + c + "\" is not a word class name; write upper-case names such"
                                + " as INSULT PROFANITY");
                        return;
                    }
                }
                maskClasses.addAll(Arrays.asList(right));
                return;
            }
            if (left.equals("prefer")) {
                for (String w : right) {
                    String f = Folding.word(w);
                    if (!isLetters(f)) {
                        problems.add(where + ": \"" + w + "\" is not a word; after \"prefer =\" write the words a mask"
                                + " is read as when it fits them and others, as in \"prefer = fuck\"");
                        return;
                    }
                    preferred.add(f);
                }
                return;
            }
            if (left.length() != 1 || Character.isLetter(left.charAt(0)) || Character.isWhitespace(left.charAt(0))) {
                problems.add(where + ": a mask is one character that is not a letter (a digit or a sign such as *, @,"
                        + " $), as in \"3 = e\"");
                return;
            }
            char mask = left.charAt(0);
            if (!Character.isDigit(mask) && "*@$!".indexOf(mask) < 0) {
                problems.add(where + ": '" + mask + "' cannot be read inside a word; the signs a mask may use are"
                        + " digits, *, @, $ and !");
                return;
            }
            StringBuilder letters = new StringBuilder();
            for (String r : right) {
                if (r.equals("any")) {
                    maskLetters.put(mask, "*");
                    return;
                }
                String f = Folding.word(r);
                if (!isLetters(f) || f.length() != 1) {
                    problems.add(where + ": \"" + r + "\" is not a letter; after \"=\" write the letters the mask may"
                            + " hide, one by one (\"1 = i l\"), or \"any\"");
                    return;
                }
                letters.append(f);
            }
            maskLetters.put(mask, letters.toString());
        }

        /** @throws LexiconFormatException listing every line that could not be read */
        public Spellings build() {
            if (!problems.isEmpty()) {
                throw new LexiconFormatException(problems);
            }
            if (shorthand.isEmpty() && minRun == 0 && maskLetters.isEmpty()) {
                return NONE;
            }
            return new Spellings(Map.copyOf(shorthand), minRun, List.copyOf(maskClasses), Map.copyOf(maskLetters),
                    Set.copyOf(preferred));
        }
    }
}
