package dev.sereno.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One listed phrase as a sequence of word patterns, as written by a policy author:
 * <ul>
 *   <li>a plain word matches that word, case, accents and apostrophes ignored ({@code miente});</li>
 *   <li>{@code <mentir>}: any form of the dictionary word (miente, mintió, mintiendo, mentirle…);</li>
 *   <li>{@code <mentir:2,3>}: its forms of the 2nd and 3rd person only (mientes, miente, mintió; not miento);</li>
 *   <li>{@code <revisar:past 3>}: its forms of one tense or mood only, of those persons when some are given
 *       (revisó, revisaba; not revisé, revisará): pres, past, fut, cond, subj, imp, inf, ger, part;</li>
 *   <li>{@code {INSULT}}: any entry of the word class INSULT, defined in a {@code [class INSULT]} section;</li>
 *   <li>{@code *}: any one word; {@code mient*}: any word starting with "mient";</li>
 *   <li>{@code {0-3}}: between 0 and 3 words of any kind (a gap), within the sentence; at most {@code {0-20}};</li>
 *   <li>{@code {0-3 -NEGATION -but}}: a gap none of whose words is an entry of the class NEGATION (a name in
 *       capitals) or the word "but";</li>
 *   <li>{@code ^} first: the match starts a sentence; {@code $} last: the match ends one ({@code ^ no $}).</li>
 * </ul>
 *
 * A line may carry its own exceptions after the phrase: {@code you {INSULT} -- unless: you {INSULT} day} (cancels a
 * match that words of the exception overlap) and {@code -- unless-after: not} (cancels a match that the exception
 * ends just before, as a {@code [KIND unless-after]} section does) and {@code -- unless-followed-by: but i will}
 * (cancels a match that the exception follows anywhere after it, as a {@code [KIND unless-followed-by]} section
 * does), as many as needed, for that line only.
 *
 * @param text        the line as written
 * @param words       the word patterns, normalised: plain words folded, lemmas lower-cased with their accents kept
 * @param where       {@code file:line} it was read from, for error messages
 * @param unless      this line's own {@code -- unless:} exceptions
 * @param unlessAfter this line's own {@code -- unless-after:} exceptions
 * @param unlessFollowedBy this line's own {@code -- unless-followed-by:} exceptions
 */
public record Phrase(String text, List<String> words, String where, List<Phrase> unless, List<Phrase> unlessAfter,
                     List<Phrase> unlessFollowedBy) {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_IN_A_WORD = Pattern.compile("[^\\p{L}\\p{N}'\u2019*]");
    private static final Pattern GAP = Pattern.compile("\\{\\s*(\\d{1,2})\\s*-\\s*(\\d{1,2})\\s*}");
    /** {@code {0-3 -NEGATION -but}}: a gap none of whose words is an entry of a class (in capitals) or a word. */
    private static final Pattern REFUSING_GAP = Pattern.compile(
            "\\{\\s*(\\d{1,2})\\s*-\\s*(\\d{1,2})((?:\\s+-\\s*[^\\s{}<>\\-][^\\s{}<>]*)+)\\s*}");
    /** A name in a refusing gap that is a word class: capitals, digits and _ only. */
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern CLASS = Pattern.compile("\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}");
    /** {@code <word>}, {@code <word:2,3>}, {@code <word:past 3>}: the word, then what follows its colon. */
    static final Pattern LEMMA = Pattern.compile("<\\s*([\\p{L}'\u2019-]+)\\s*(?::([^<>{}]*))?>");
    /**
     * The kinds of form a {@code <word:…>} may be limited to, by every name an author may write (English, short,
     * Spanish), each to its short name; in the order {@link #lemmaKey} writes them.
     */
    static final java.util.Map<String, String> FORM_NAMES = formNames();
    private static final List<String> FORMS_IN_ORDER = List.of(
            "pres", "past", "fut", "cond", "subj", "imp", "inf", "ger", "part");

    private static final Pattern EXCEPTION = Pattern.compile("\\s*(unless|unless-after|unless-followed-by)\\s*:(.*)",
            Pattern.DOTALL);
    private static final String EXCEPTION_MARK = "--";
    /**
     * The most words a gap may span: as far as a negation may reach ({@link PhraseList#MAX_WITHIN}), since the long
     * sentences of a complaint reply put as many words between the two halves of an accusation ("you have, after
     * all the calls and the two visits of our technician last week, never once…") as between a negation and it.
     */
    static final int MAX_GAP = 20;

    public Phrase {
        words = List.copyOf(words);
        unless = List.copyOf(unless);
        unlessAfter = List.copyOf(unlessAfter);
        unlessFollowedBy = List.copyOf(unlessFollowedBy);
    }

    public Phrase(String text, List<String> words, String where, List<Phrase> unless, List<Phrase> unlessAfter) {
        this(text, words, where, unless, unlessAfter, List.of());
    }

    public Phrase(String text, List<String> words, String where) {
        this(text, words, where, List.of(), List.of(), List.of());
    }

    /** The same phrase read at another place ({@code file:line}), its own exceptions with it. */
    Phrase at(String place) {
        if (place.equals(where)) {
            return this;
        }
        return new Phrase(text, words, place, atAll(unless, place), atAll(unlessAfter, place),
                atAll(unlessFollowedBy, place));
    }

    private static List<Phrase> atAll(List<Phrase> phrases, String place) {
        if (phrases.isEmpty()) {
            return phrases;
        }
        List<Phrase> out = new ArrayList<>(phrases.size());
        phrases.forEach(p -> out.add(p.at(place)));
        return out;
    }

    /** Whether the line carries exceptions of its own. */
    boolean hasExceptions() {
        return !unless.isEmpty() || !unlessAfter.isEmpty() || !unlessFollowedBy.isEmpty();
    }

    static Phrase parse(String text) {
        return parse(text, "?");
    }

    /** A line of a list: the phrase, then any {@code -- unless:} / {@code -- unless-after:} exceptions of its own. */
    static Phrase parse(String text, String where) {
        return parse(text, where, LIST_WORD);
    }

    /** How the phrase lists spell a word: folded, without apostrophes; with them, contractions are two words. */
    private static final java.util.function.UnaryOperator<String> LIST_WORD = Folding::word;

    /** A plain word as {@code fold} spells it: for the phrase lists, a contraction as the two words it stands for. */
    private static void addWord(List<String> words, String raw, java.util.function.UnaryOperator<String> fold) {
        if (fold == LIST_WORD) {
            Contractions.Split split = Contractions.split(Folding.fold(raw));
            if (split != null) {
                words.add(split.first());
                words.add(split.second());
                return;
            }
        }
        String folded = fold.apply(raw);
        if (!folded.isEmpty()) {
            words.add(folded);
        }
    }

    /**
     * As {@link #parse(String, String)}, spelling each plain word with {@code fold} rather than as the phrase lists
     * do: the commitment reader keeps apostrophes and reads ñ as n.
     */
    static Phrase parse(String text, String where, java.util.function.UnaryOperator<String> fold) {
        int mark = text.indexOf(EXCEPTION_MARK);
        if (mark < 0) {
            return parseWords(text, where, fold);
        }
        Phrase main = parseWords(text.substring(0, mark), where, fold);
        List<Phrase> unless = new ArrayList<>();
        List<Phrase> unlessAfter = new ArrayList<>();
        List<Phrase> unlessFollowedBy = new ArrayList<>();
        String[] parts = text.substring(mark + EXCEPTION_MARK.length()).split(EXCEPTION_MARK, -1);
        for (String part : parts) {
            Matcher m = EXCEPTION.matcher(part);
            if (!m.matches()) {
                throw new LexiconFormatException(where + ": \"" + text.strip() + "\": after -- expected \"unless:\", "
                        + "\"unless-after:\" or \"unless-followed-by:\" and a phrase, as in \"you {INSULT} -- unless: you {INSULT} day\"");
            }
            Phrase exception = parseWords(m.group(2), where, fold);
            if (exception.unanchored().isEmpty()) {
                throw new LexiconFormatException(where + ": \"" + text.strip() + "\": \"-- " + m.group(1)
                        + ":\" needs a phrase after it");
            }
            (switch (m.group(1)) {
                case "unless" -> unless;
                case "unless-after" -> unlessAfter;
                default -> unlessFollowedBy;
            }).add(exception);
        }
        return new Phrase(text.strip(), main.words(), where, unless, unlessAfter, unlessFollowedBy);
    }

    private static Phrase parseWords(String text, String where, java.util.function.UnaryOperator<String> fold) {
        List<String> words = new ArrayList<>();
        String[] raws = joinLimits(SPACES.split(text.strip()));
        for (int r = 0; r < raws.length; r++) {
            String raw = raws[r];
            if (raw.isEmpty()) {
                continue;
            }
            if (raw.equals(START) || raw.equals(END)) {
                boolean first = words.isEmpty();
                boolean last = r == raws.length - 1;
                if (raw.equals(START) ? !first : !last) {
                    throw new LexiconFormatException(where + ": \"" + text.strip() + "\": " + (raw.equals(START)
                            ? "^ (starts a sentence) goes first, before the first word"
                            : "$ (ends a sentence) goes last, after the last word"));
                }
                words.add(raw);
                continue;
            }
            if (raw.indexOf('^') >= 0 || raw.indexOf('$') >= 0) {
                throw new LexiconFormatException(where + ": \"" + raw + "\": write ^ and $ apart from the words, with"
                        + " a space: \"^ no $\" is a sentence that is only \"no\"");
            }
            if (isPlainWord(raw)) {
                // most words of a list are plain: folded directly, without the patterns below (a policy has thousands)
                addWord(words, raw, fold);
                continue;
            }
            Matcher m;
            if ((m = GAP.matcher(raw)).matches()) {
                int min = Integer.parseInt(m.group(1));
                int max = Integer.parseInt(m.group(2));
                if (min > max || max > MAX_GAP) {
                    throw new LexiconFormatException(where + ": \"" + raw + "\" is not a gap this reader takes; write"
                            + " {MIN-MAX} with MIN ≤ MAX ≤ " + MAX_GAP + ", e.g. {0-3}");
                }
                words.add("{" + min + "-" + max + "}");
            } else if ((m = REFUSING_GAP.matcher(raw)).matches()) {
                words.add(refusingGap(raw, m, where, fold));
            } else if ((m = CLASS.matcher(raw)).matches()) {
                words.add("{" + m.group(1).toUpperCase(Locale.ROOT) + "}");
            } else if ((m = LEMMA.matcher(raw)).matches()) {
                try {
                    words.add("<" + lemmaKey(m.group(1), m.group(2)) + ">");
                } catch (IllegalArgumentException e) {
                    throw new LexiconFormatException(where + ": \"" + raw + "\": " + e.getMessage());
                }
            } else if (raw.indexOf('{') >= 0 || raw.indexOf('<') >= 0) {
                throw new LexiconFormatException(where + ": \"" + raw + "\" is not a word pattern; write <word> for "
                        + "any form of a dictionary word, <word:2,3> for its forms of the 2nd and 3rd person only, "
                        + "<word:past> for its past forms only, "
                        + "{CLASS} for a word class, {0-3} for a gap of up to 3 words, {0-3 -NEGATION -but} for one"
                        + " with no entry of NEGATION nor the word but");
            } else {
                for (String w : SPACES.split(NOT_IN_A_WORD.matcher(raw).replaceAll(" ").strip())) {
                    addWord(words, w, fold);
                }
            }
        }
        return new Phrase(text.strip(), words, where);
    }

    /**
     * A refusing gap as the lists keep it: {@code {0-3 -{NEGATION} -but}}, each class in braces and each word as
     * {@code fold} spells it, in the order written.
     */
    private static String refusingGap(String raw, Matcher m, String where,
                                      java.util.function.UnaryOperator<String> fold) {
        int min = Integer.parseInt(m.group(1));
        int max = Integer.parseInt(m.group(2));
        if (min > max || max > MAX_GAP) {
            throw new LexiconFormatException(where + ": \"" + raw + "\" is not a gap this reader takes; write"
                    + " {MIN-MAX -REFUSED} with MIN ≤ MAX ≤ " + MAX_GAP + ", e.g. {0-3 -NEGATION}");
        }
        StringBuilder out = new StringBuilder("{").append(min).append('-').append(max);
        for (String refused : m.group(3).strip().split("\\s*-\\s*")) {
            if (refused.isEmpty()) {
                continue;
            }
            if (CLASS_NAME.matcher(refused).matches()) {
                out.append(" -{").append(refused).append('}');
                continue;
            }
            String word = fold.apply(refused);
            if (word.isEmpty() || !isPlainWord(refused) || refused.endsWith("*")) {
                throw new LexiconFormatException(where + ": \"" + raw + "\": \"-" + refused + "\" is neither a word"
                        + " class (its name in capitals: -NEGATION) nor a plain word (in lower case: -but)");
            }
            out.append(" -").append(word);
        }
        return out.append('}').toString();
    }

    /** A gap that refuses words or classes: {@code {0-3 -{NEGATION} -but}} as {@link #refusingGap} keeps it. */
    static boolean isRefusingGap(String word) {
        return isGap(word) && word.indexOf(' ') > 0;
    }

    /** The pieces of a {@code <word:past 3>} or a {@code {0-3 -NEGATION}} split at their spaces, put together again. */
    private static String[] joinLimits(String[] raws) {
        List<String> out = null;
        for (int r = 0; r < raws.length; r++) {
            String raw = raws[r];
            boolean limits = raw.startsWith("<") && raw.indexOf(':') > 0 && raw.indexOf('>') < 0;
            boolean refusing = raw.startsWith("{") && raw.indexOf('}') < 0 && r + 1 < raws.length
                    && raws[r + 1].startsWith("-");
            if (limits || refusing) {
                String close = limits ? ">" : "}";
                char open = limits ? '<' : '{';
                if (out == null) {
                    out = new ArrayList<>(List.of(raws).subList(0, r));
                }
                StringBuilder joined = new StringBuilder(raw);
                while (r + 1 < raws.length && joined.indexOf(close) < 0 && raws[r + 1].indexOf(open) < 0) {
                    joined.append(' ').append(raws[++r]);
                }
                raw = joined.toString();
            }
            if (out != null) {
                out.add(raw);
            }
        }
        return out == null ? raws : out.toArray(new String[0]);
    }

    /**
     * How a dictionary word is named to the dictionary: lower case, with its accents, then for {@code <mentir:3,2>}
     * its persons in order ({@code mentir:2,3}), for {@code <revisar:pasado 3>} its persons and the short names of its
     * forms in order ({@code revisar:3 past}); the build's precomputed forms use the same names.
     *
     * @param limits what followed the colon, or null
     * @throws IllegalArgumentException naming what is neither a person nor a form
     */
    static String lemmaKey(String lemma, String limits) {
        String word = lemma.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (limits == null) {
            return word;
        }
        java.util.TreeSet<Character> persons = new java.util.TreeSet<>();
        java.util.Set<String> forms = new java.util.HashSet<>();
        for (String part : limits.strip().split("[\\s,]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String form = FORM_NAMES.get(Folding.fold(part));
            if (part.length() == 1 && part.charAt(0) >= '1' && part.charAt(0) <= '3') {
                persons.add(part.charAt(0));
            } else if (form != null) {
                forms.add(form);
            } else {
                throw new IllegalArgumentException("\"" + part + "\" is neither a person nor a form; after the colon "
                        + "write persons (1, 2, 3) and forms (" + String.join(", ", FORMS_IN_ORDER) + "; or present,"
                        + " past, future, conditional, subjunctive, imperative, infinitive, gerund, participle), as in"
                        + " <word:2,3>, <word:past> or <word:fut 1>");
            }
        }
        if (persons.isEmpty() && forms.isEmpty()) {
            throw new IllegalArgumentException("nothing after the colon; write persons and forms, as in <word:2,3> or"
                    + " <word:past>, or leave the colon out for every form");
        }
        StringBuilder key = new StringBuilder(word).append(':');
        persons.forEach(c -> key.append(key.charAt(key.length() - 1) == ':' ? "" : ",").append(c));
        if (!forms.isEmpty()) {
            key.append(persons.isEmpty() ? "" : " ");
            key.append(String.join(",", FORMS_IN_ORDER.stream().filter(forms::contains).toList()));
        }
        return key.toString();
    }

    private static java.util.Map<String, String> formNames() {
        String[][] names = {
            {"pres", "present", "presente"},
            {"past", "pasado"},
            {"fut", "future", "futuro"},
            {"cond", "conditional", "condicional"},
            {"subj", "subjunctive", "subjuntivo"},
            {"imp", "imperative", "imperativo"},
            {"inf", "infinitive", "infinitivo"},
            {"ger", "gerund", "gerundio"},
            {"part", "participle", "participio"},
        };
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String[] row : names) {
            for (String name : row) {
                out.put(name, row[0]);
            }
        }
        return java.util.Map.copyOf(out);
    }

    /** Letters, digits, inner apostrophes and a final * only: nothing to strip, no pattern syntax. */
    private static boolean isPlainWord(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean inner = (c == '\'' || c == '\u2019') && i > 0 && i + 1 < raw.length();
            boolean star = c == '*' && i == raw.length() - 1 && i > 0;
            if (!Character.isLetterOrDigit(c) && !inner && !star) {
                return false;
            }
        }
        return true;
    }

    /** The most phrases one line may stand for through its alternatives: {@code (a|b) (c|d)} is four. */
    static final int MAX_ALTERNATIVES = 64;

    /**
     * A line of a list with its alternatives ({@code no (me|le|nos) <creer:1>}) read as the phrases it stands for, one
     * per choice of each group in order, each with the line's text as written, its {@code file:line} and the
     * exceptions of the line (whose own alternatives each make one more exception); a line without a group is one
     * phrase, as {@link #parse(String, String, java.util.function.UnaryOperator)} reads it.
     *
     * @throws LexiconFormatException for a group not closed or not opened, a | outside a group, a group written
     *                                against a word, a group inside a group, or more than {@link #MAX_ALTERNATIVES}
     */
    static List<Phrase> parseAll(String text, String where) {
        return parseAll(text, where, LIST_WORD);
    }

    /** As {@link #parseAll(String, String)}, spelling each plain word with {@code fold}. */
    static List<Phrase> parseAll(String text, String where, java.util.function.UnaryOperator<String> fold) {
        if (text.indexOf('(') < 0 && text.indexOf(')') < 0 && text.indexOf('|') < 0) {
            return List.of(parse(text, where, fold));
        }
        int mark = text.indexOf(EXCEPTION_MARK);
        String phrase = mark < 0 ? text : text.substring(0, mark);
        List<String> mains = alternatives(phrase, text, where);
        Phrase first = parse(mark < 0 ? mains.get(0) : mains.get(0) + text.substring(mark), where, fold);
        List<Phrase> unless = new ArrayList<>();
        List<Phrase> unlessAfter = new ArrayList<>();
        List<Phrase> unlessFollowedBy = new ArrayList<>();
        if (mark >= 0) {
            for (String part : text.substring(mark + EXCEPTION_MARK.length()).split(EXCEPTION_MARK, -1)) {
                int colon = part.indexOf(':');
                String marker = colon < 0 ? part : part.substring(0, colon + 1);
                for (String alternative : alternatives(colon < 0 ? part : part.substring(colon + 1), text, where)) {
                    Phrase one = parse("x " + EXCEPTION_MARK + marker + alternative, where, fold);
                    unless.addAll(one.unless());
                    unlessAfter.addAll(one.unlessAfter());
                    unlessFollowedBy.addAll(one.unlessFollowedBy());
                }
            }
        }
        List<Phrase> out = new ArrayList<>(mains.size());
        for (String main : mains) {
            Phrase words = main == mains.get(0) ? first : parseWords(main, where, fold);
            out.add(new Phrase(text.strip(), words.words(), where, unless, unlessAfter, unlessFollowedBy));
        }
        return out;
    }

    /** The texts {@code phrase} stands for, each group {@code (a|b c|)} replaced by one of its choices. */
    private static List<String> alternatives(String phrase, String line, String where) {
        List<String> out = new ArrayList<>(List.of(""));
        int at = 0;
        while (at < phrase.length()) {
            int open = phrase.indexOf('(', at);
            int close = phrase.indexOf(')', at);
            int bar = phrase.indexOf('|', at);
            int next = open < 0 ? phrase.length() : open;
            if (close >= 0 && close < next || bar >= 0 && bar < next) {
                throw new LexiconFormatException(where + ": \"" + line.strip() + "\": \"" + (close >= 0 && close < next
                        ? ")" : "|") + "\" outside a group; write the choices for one place in parentheses, as in"
                        + " \"no (me|le|nos) <creer:1>\"");
            }
            String before = phrase.substring(at, next);
            out.replaceAll(s -> s + before);
            if (open < 0) {
                break;
            }
            int end = phrase.indexOf(')', open);
            int inner = phrase.indexOf('(', open + 1);
            if (end < 0 || inner >= 0 && inner < end) {
                throw new LexiconFormatException(where + ": \"" + line.strip() + "\": " + (end < 0
                        ? "\"(\" opens a group that is not closed; write (a|b) with its )"
                        : "a group inside a group; write one group per place, or the whole choices in one group"));
            }
            boolean apartBefore = open == 0 || Character.isWhitespace(phrase.charAt(open - 1));
            boolean apartAfter = end + 1 == phrase.length() || Character.isWhitespace(phrase.charAt(end + 1));
            if (!apartBefore || !apartAfter) {
                throw new LexiconFormatException(where + ": \"" + line.strip() + "\": write a group apart from the"
                        + " words around it, with spaces: a choice is one or more whole words (\"(llamo|llamaré)\", not"
                        + " \"llam(o|aré)\")");
            }
            String[] choices = phrase.substring(open + 1, end).split("\\|", -1);
            if (choices.length < 2) {
                throw new LexiconFormatException(where + ": \"" + line.strip() + "\": a group without | offers no"
                        + " choice; write (a|b), or (a|) for a word that may be left out");
            }
            if ((long) out.size() * choices.length > MAX_ALTERNATIVES) {
                long total = out.size();
                for (String rest = phrase.substring(open); ; ) {
                    int o = rest.indexOf('(');
                    int c = rest.indexOf(')');
                    if (o < 0 || c < o) {
                        break;
                    }
                    total *= rest.substring(o, c).split("\\|", -1).length;
                    rest = rest.substring(c + 1);
                }
                throw new LexiconFormatException(where + ": \"" + line.strip() + "\" stands for " + total
                        + " phrases through its groups, more than the " + MAX_ALTERNATIVES + " a line may; split it into"
                        + " several lines, or put the choices of a place in a [class NAME] and write {NAME}");
            }
            List<String> grown = new ArrayList<>(out.size() * choices.length);
            for (String s : out) {
                for (String choice : choices) {
                    grown.add(s + " " + choice.strip() + " ");
                }
            }
            out = grown;
            at = end + 1;
        }
        return out;
    }

    /** The anchor written first: the match starts a sentence. */
    static final String START = "^";
    /** The anchor written last: the match ends a sentence. */
    static final String END = "$";

    /** The words without the anchors {@code ^} and {@code $}. */
    List<String> unanchored() {
        int from = !words.isEmpty() && words.get(0).equals(START) ? 1 : 0;
        int to = words.size() > from && words.get(words.size() - 1).equals(END) ? words.size() - 1 : words.size();
        return words.subList(from, to);
    }

    boolean startsSentence() {
        return !words.isEmpty() && words.get(0).equals(START);
    }

    boolean endsSentence() {
        return !words.isEmpty() && words.get(words.size() - 1).equals(END);
    }

    static boolean isGap(String word) {
        return word.startsWith("{") && Character.isDigit(word.charAt(1));
    }

    static boolean isClass(String word) {
        return word.startsWith("{") && !isGap(word);
    }

    static boolean isLemma(String word) {
        return word.startsWith("<");
    }

    static String inside(String word) {
        return word.substring(1, word.length() - 1);
    }
}
