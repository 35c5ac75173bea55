package dev.sereno.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the forms of every dictionary word ({@code <mentir>}) of a policy's phrase and commitment files, one language a file, so
 * that the policy built into a jar loads without opening a dictionary: {@code META-INF/sereno/forms-es.bin}, each
 * lemma with its folded forms (see {@link #store}). Run at build time by the {@code rules} module:
 *
 * <pre>java dev.sereno.text.FormsFile PHRASES_DIR OUTPUT_DIR [COMMITMENTS_DIR...]</pre>
 *
 * A word the dictionary does not know is left out here; loading the policy reports it with its line.
 */
public final class FormsFile {
    private static final Pattern FILE = Pattern.compile("([a-z]{2})\\.(phrases|words|commitments)");

    private FormsFile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: FormsFile PHRASES_DIR OUTPUT_DIR [COMMITMENTS_DIR...]");
            System.exit(2);
        }
        List<Path> more = new ArrayList<>();
        for (int k = 2; k < args.length; k++) {
            more.add(Path.of(args[k]));
        }
        // quiet on success: it runs inside every build of the policy
        write(Path.of(args[0]), Path.of(args[1]), more.toArray(new Path[0]));
    }

    /**
     * Writes one file per language found in {@code phrases} (and in {@code more} folders, such as the commitment
     * files'); returns how many words each holds.
     */
    public static Map<String, Integer> write(Path phrases, Path output, Path... more) throws IOException {
        Map<String, Set<String>> lemmas = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        for (Path dir : concat(phrases, more)) {
            try (Stream<Path> list = Files.list(dir)) {
                files.addAll(list.sorted().toList());
            }
        }
        for (Path file : files) {
            Matcher name = FILE.matcher(file.getFileName().toString());
            if (!name.matches()) {
                continue;
            }
            Set<String> words = lemmas.computeIfAbsent(name.group(1), k -> new TreeSet<>());
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int hash = line.indexOf('#');
                Matcher m = Phrase.LEMMA.matcher(hash < 0 ? line : line.substring(0, hash));
                while (m.find()) {
                    try {
                        words.add(Phrase.lemmaKey(m.group(1).strip(), m.group(2)));
                    } catch (IllegalArgumentException e) {
                        // loading the policy reports the line
                    }
                }
            }
        }
        Files.createDirectories(output);
        Map<String, Integer> counts = new TreeMap<>();
        for (Map.Entry<String, Set<String>> language : lemmas.entrySet()) {
            Morphology morphology = Morphology.forLanguage(language.getKey()).orElseThrow(() -> new IllegalStateException(
                    "no dictionary for " + language.getKey() + " on the class path"));
            Map<String, Set<String>> lines = new TreeMap<>();
            for (String lemma : language.getValue()) {
                Set<String> forms = morphology.forms(lemma);
                if (!forms.isEmpty()) {
                    lines.put(lemma, new TreeSet<>(forms));
                }
            }
            Path file = output.resolve(String.format("forms-%s.bin", language.getKey()));
            try {
                Files.write(file, store(lines));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            counts.put(language.getKey(), lines.size());
        }
        return counts;
    }

    private static final int MAGIC = 0x5352464d; // "SRFM"
    private static final int VERSION = 1;

    /**
     * The forms of each lemma as stored: a header, the number of lemmas, then each lemma and its forms (each string
     * its UTF-8 length and bytes), and a CRC-32 of it all: read at every start of the bundled policy (the Spanish
     * forms are 93,000 words), in half the time the text's lines and splits took.
     */
    static byte[] store(Map<String, Set<String>> forms) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(forms.size());
            for (Map.Entry<String, Set<String>> lemma : forms.entrySet()) {
                StoredBytes.writeString(out, lemma.getKey());
                out.writeInt(lemma.getValue().size());
                for (String form : lemma.getValue()) {
                    StoredBytes.writeString(out, form);
                }
            }
            out.flush();
            return StoredBytes.sealed(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds the forms stored in {@code bytes} to {@code out}; nothing when they are damaged or not a store of this
     * version (the dictionary then gives those words' forms). Never throws.
     *
     * @return whether they were read
     */
    static boolean read(byte[] bytes, Map<String, Set<String>> out) {
        if (bytes.length < 16) {
            return false;
        }
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        if (!StoredBytes.whole(bytes) || in.getInt() != MAGIC || in.getInt() != VERSION) {
            return false;
        }
        try {
            Map<String, Set<String>> read = new java.util.HashMap<>();
            int lemmas = in.getInt();
            for (int k = 0; k < lemmas; k++) {
                String lemma = StoredBytes.readString(in);
                String[] forms = new String[in.getInt()];
                for (int f = 0; f < forms.length; f++) {
                    forms[f] = StoredBytes.readString(in);
                }
                read.put(lemma, Set.of(forms));
            }
            out.putAll(read);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }


    private static List<Path> concat(Path first, Path... more) {
        List<Path> out = new ArrayList<>();
        out.add(first);
        out.addAll(List.of(more));
        return out;
    }
}
