package dev.sereno.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import morfologik.fsa.FSA;
import morfologik.fsa.FSATraversal;
import morfologik.fsa.MatchResult;
import morfologik.stemming.Dictionary;

/**
 * The inflected forms of a dictionary word (a lemma), so that a phrase written once as {@code <mentir>} matches
 * "miente", "mintió", "mintiendo", "mentirle"… Backed by the synthesis dictionaries LanguageTool publishes for
 * morfologik (an FSA from {@code lemma|tag} to the inflected form), shipped as separate jars
 * ({@code org.softcatala:spanish-pos-dict}, {@code org.languagetool:english-pos-dict}; LGPL-2.1, see NOTICE).
 * A lemma is expanded once, when a policy is loaded; matching then compares folded words by hash and never
 * consults the dictionary. Thread-safe; dictionaries and expansions are cached for the life of the JVM.
 *
 * <p>A policy built into a jar ships the forms of its own dictionary words ({@code META-INF/sereno/forms-es.bin},
 * written by {@link FormsFile} at build time), so loading it reads no dictionary at all; the dictionary is opened
 * only for a word those files lack, such as one a policy folder adds.
 */
public final class Morphology {
    /** Forms worked out when a policy was built, so that loading it needs no dictionary: see {@link FormsFile}. */
    static final String PRECOMPUTED = "META-INF/sereno/forms-%s.bin";
    /** The same as text, as {@link FormsFile} wrote them before it stored them: still read from older jars. */
    static final String PRECOMPUTED_TEXT = "META-INF/sereno/forms-%s.txt";
    private static final Map<String, Optional<Morphology>> LOADED = new ConcurrentHashMap<>();

    private final String name;
    private final URL dictionary;
    private volatile FSA fsa;
    private byte separator;
    private final Map<String, Set<String>> expanded = new ConcurrentHashMap<>();
    /** What the precomputed forms were read from: a CRC-32 of their files' bytes, and how many files. */
    private final long formsKey;

    /**
     * The stored forms' files ({@code forms-CODE.bin}) read but not yet parsed; null once they are. Parsed on the first
     * {@link #forms} call: a start of the bundled policy that reads its finder and commitment lists stored asks for no
     * word's forms, only for {@link #formsKey}, so it does not parse the 2.7 MB of Spanish forms.
     */
    private volatile List<byte[]> unparsed;

    private Morphology(String name, URL dictionary, Map<String, Set<String>> precomputed, List<byte[]> unparsed,
                       long formsKey) {
        this.name = name;
        this.dictionary = dictionary;
        this.formsKey = formsKey;
        this.expanded.putAll(precomputed);
        this.unparsed = unparsed.isEmpty() ? null : unparsed;
    }

    /** Adds the stored forms to {@link #expanded} if they are not yet: before any word is expanded. */
    private void parsed() {
        if (unparsed == null) {
            return;
        }
        synchronized (expanded) {
            List<byte[]> files = unparsed;
            if (files != null) {
                Map<String, Set<String>> out = new java.util.HashMap<>();
                for (byte[] file : files) {
                    FormsFile.read(file, out);
                }
                // a word of the text files (older jars) stands as before: the stored files were read first
                out.keySet().removeAll(expanded.keySet());
                expanded.putAll(out);
                unparsed = null;
            }
        }
    }

    /**
     * The dictionary of a language by its code ({@code es}, {@code en}), or empty when its jar is not on the
     * class path and no precomputed forms are either.
     */
    public static Optional<Morphology> forLanguage(String code) {
        return LOADED.computeIfAbsent(code, Morphology::load);
    }

    private static Optional<Morphology> load(String code) {
        String resource = switch (code) {
            case "es" -> "/org/languagetool/resource/es/es-ES_synth.dict";
            case "en" -> "/org/languagetool/resource/en/english_synth.dict";
            default -> null;
        };
        URL url = resource == null ? null : Morphology.class.getResource(resource);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        long[] files = {0};
        List<byte[]> unparsed = new java.util.ArrayList<>();
        Map<String, Set<String>> precomputed = precomputed(code, bytes -> {
            crc.update(bytes);
            files[0]++;
        }, unparsed);
        if (url == null) {
            // without a dictionary, whether there is a Morphology at all depends on the stored forms read: read them now
            Map<String, Set<String>> out = new java.util.HashMap<>();
            for (byte[] file : unparsed) {
                FormsFile.read(file, out);
            }
            out.keySet().removeAll(precomputed.keySet());
            precomputed.putAll(out);
            unparsed.clear();
            if (precomputed.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new Morphology(code, url, precomputed, unparsed, files[0] << 32 | crc.getValue()));
    }

    /**
     * What this dictionary's precomputed forms were read from (a CRC-32 of their files, and how many there are), for a
     * store built from them ({@link FinderStore}): forms read from other files may differ.
     */
    public long formsKey() {
        return formsKey;
    }

    /**
     * Every {@code META-INF/sereno/forms-CODE.bin} on the class path (see {@link FormsFile#store}), and every
     * {@code forms-CODE.txt} (one lemma a line, a tab, its forms) that jars built before it carry. A damaged stored
     * file is skipped: its words are then expanded from the dictionary, to the same forms. The stored files are put
     * in {@code stored} unparsed, the text files read.
     */
    private static Map<String, Set<String>> precomputed(String code, java.util.function.Consumer<byte[]> read,
                                                        List<byte[]> stored) {
        Map<String, Set<String>> out = new java.util.HashMap<>();
        ClassLoader loader = Morphology.class.getClassLoader();
        if (loader == null) {
            return out;
        }
        try {
            for (URL file : java.util.Collections.list(loader.getResources(String.format(PRECOMPUTED, code)))) {
                try (java.io.InputStream in = file.openStream()) {
                    byte[] bytes = in.readAllBytes();
                    read.accept(bytes);
                    stored.add(bytes);
                }
            }
            for (URL file : java.util.Collections.list(loader.getResources(String.format(PRECOMPUTED_TEXT, code)))) {
                // an older jar's forms, not known to a store (whose key then names where they are: it never matches)
                read.accept(file.toString().getBytes(StandardCharsets.UTF_8));
                try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                        file.openStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        int tab = line.indexOf('\t');
                        if (tab > 0) {
                            out.put(line.substring(0, tab), Set.of(line.substring(tab + 1).split(" ")));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the precomputed " + code + " word forms", e);
        }
        return out;
    }

    private FSA fsa() {
        FSA loaded = fsa;
        if (loaded == null) {
            synchronized (this) {
                if (fsa == null) {
                    if (dictionary == null) {
                        return null;
                    }
                    try {
                        Dictionary d = Dictionary.read(dictionary);
                        separator = (byte) d.metadata.getSeparator();
                        fsa = d.fsa;
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the " + name + " dictionary " + dictionary, e);
                    }
                }
                loaded = fsa;
            }
        }
        return loaded;
    }

    /** Which dictionary this is: the language code. */
    public String name() {
        return name;
    }

    /**
     * Every form of the lemma the dictionary knows, folded (lower case, no accents), the lemma itself included;
     * empty when the dictionary does not know the word.
     */
    public Set<String> forms(String lemma) {
        String key = lemma.strip().toLowerCase(java.util.Locale.ROOT);
        int colon = key.indexOf(':');
        String word = colon < 0 ? key : key.substring(0, colon);
        String persons = colon < 0 ? "" : key.substring(colon);
        parsed();
        Set<String> forms = expanded.computeIfAbsent(key, this::expand);
        // a pronominal verb is listed under its plain infinitive: <quejarse> is <quejar>, whose forms have the clitics
        if (forms.isEmpty() && word.endsWith("se") && word.length() > 4) {
            return expanded.computeIfAbsent(word.substring(0, word.length() - 2) + persons, this::expand);
        }
        return forms;
    }

    /**
     * The persons a dictionary tag gives a form, as a set of '1', '2', '3' in a string; empty for a form with no
     * person (an infinitive, a gerund, a noun). Spanish verb tags carry the person in their fifth place
     * ({@code VMIP3S0}); the English tags mark only the present: VBZ the third person singular, VBP the others.
     */
    static String persons(String tag) {
        int colon = tag.indexOf(':');
        String verb = colon < 0 ? tag : tag.substring(0, colon);
        if (verb.equals("VBZ")) {
            return "3";
        }
        if (verb.equals("VBP")) {
            return "12";
        }
        if (verb.length() >= 5 && verb.charAt(0) == 'V' && verb.charAt(4) >= '1' && verb.charAt(4) <= '3') {
            return String.valueOf(verb.charAt(4));
        }
        return "";
    }

    /**
     * The kind of form a dictionary tag gives a verb form, by the short names of {@link Phrase#FORM_NAMES}:
     * {@code pres}, {@code past}, {@code fut}, {@code cond}, {@code subj}, {@code imp}, {@code inf}, {@code ger},
     * {@code part}; a form may be of two (the English base form is both {@code inf} and {@code imp}), of none (a
     * noun). Spanish tags (EAGLES) carry the mood in their third place and the tense in their fourth
     * ({@code VMIS3S0}: indicative preterite); English (Penn) tags name the form (VBD the past).
     */
    static java.util.List<String> formsOf(String tag) {
        int colon = tag.indexOf(':');
        String verb = colon < 0 ? tag : tag.substring(0, colon);
        switch (verb) {
            case "VB":
                return java.util.List.of("inf", "imp");
            case "VBP", "VBZ":
                return java.util.List.of("pres");
            case "VBD":
                return java.util.List.of("past");
            case "VBG":
                return java.util.List.of("ger");
            case "VBN":
                return java.util.List.of("part");
            default:
                break;
        }
        if (verb.length() < 4 || verb.charAt(0) != 'V' || "MAS".indexOf(verb.charAt(1)) < 0) {
            return java.util.List.of();
        }
        return switch (verb.charAt(2)) {
            case 'N' -> java.util.List.of("inf");
            case 'G' -> java.util.List.of("ger");
            case 'P' -> java.util.List.of("part");
            case 'M' -> java.util.List.of("imp");
            case 'S' -> java.util.List.of("subj");
            case 'I' -> switch (verb.charAt(3)) {
                case 'P' -> java.util.List.of("pres");
                case 'I', 'S' -> java.util.List.of("past");
                case 'F' -> java.util.List.of("fut");
                case 'C' -> java.util.List.of("cond");
                default -> java.util.List.of();
            };
            default -> java.util.List.of();
        };
    }

    /**
     * {@code lemma}, or {@code lemma:2,3} for the forms of those persons only, {@code lemma:past} for its forms of
     * that kind only, {@code lemma:3 past,fut} for both limits at once (as {@link Phrase#lemmaKey} writes them).
     */
    private Set<String> expand(String name) {
        int colon = name.indexOf(':');
        String lemma = colon < 0 ? name : name.substring(0, colon);
        String persons = null;
        Set<String> kinds = null;
        if (colon >= 0) {
            for (String part : name.substring(colon + 1).split("[ ,]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                if (Character.isDigit(part.charAt(0))) {
                    persons = persons == null ? part : persons + part;
                } else {
                    if (kinds == null) {
                        kinds = new java.util.HashSet<>();
                    }
                    kinds.add(part);
                }
            }
        }
        FSA fsa = fsa();
        if (fsa == null) {
            return Set.of();
        }
        byte[] prefix = (lemma + "|").getBytes(StandardCharsets.UTF_8);
        MatchResult m = new FSATraversal(fsa).match(prefix);
        if (m.kind != MatchResult.SEQUENCE_IS_A_PREFIX) {
            return Set.of();
        }
        Set<String> out = new java.util.HashSet<>();
        for (ByteBuffer entry : fsa.getSequences(m.node)) {
            byte[] rest = new byte[entry.remaining()];
            entry.get(rest);
            int sep = indexOf(rest, separator, 0);
            if (sep < 0) {
                continue;
            }
            if (persons != null || kinds != null) {
                String tag = new String(rest, 0, sep, StandardCharsets.UTF_8);
                if (persons != null && !ofPersons(tag, persons) || kinds != null && !ofKinds(tag, kinds)) {
                    continue;
                }
            }
            // the key is "lemma|TAG"; the form is stored as a suffix edit of the key: the first byte says how many
            // bytes to cut from the end of the key ('A' = none), then what to append
            int keyLength = prefix.length + sep;
            int cut = rest[sep + 1] - 'A';
            int end = indexOf(rest, separator, sep + 2);
            int suffixEnd = end < 0 ? rest.length : end;
            if (cut < 0 || cut > keyLength) {
                continue;
            }
            byte[] key = new byte[keyLength];
            System.arraycopy(prefix, 0, key, 0, prefix.length);
            System.arraycopy(rest, 0, key, prefix.length, sep);
            int keep = keyLength - cut;
            byte[] form = new byte[keep + suffixEnd - (sep + 2)];
            System.arraycopy(key, 0, form, 0, keep);
            System.arraycopy(rest, sep + 2, form, keep, suffixEnd - (sep + 2));
            String word = new String(form, StandardCharsets.UTF_8);
            if (!word.isEmpty() && word.indexOf('|') < 0 && word.indexOf(' ') < 0) {
                out.add(Folding.word(word));
            }
        }
        if (!out.isEmpty() && colon < 0) {
            out.add(Folding.word(lemma));
        }
        return Set.copyOf(out);
    }

    private static boolean ofKinds(String tag, Set<String> wanted) {
        for (String kind : formsOf(tag)) {
            if (wanted.contains(kind)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ofPersons(String tag, String wanted) {
        String has = persons(tag);
        for (int k = 0; k < has.length(); k++) {
            if (wanted.indexOf(has.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
