package dev.sereno.text;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * The bundled phrase and word lists of one language read once, at build time, and stored in the jar as the headers
 * and phrases {@link Lexicon.Builder} made of them ({@code META-INF/sereno/lists-es.bin}), so that loading the
 * bundled policy adds them to a lexicon without reading the files' text again: a start of the command line spends a
 * tenth of its time otherwise parsing the Spanish lists. Written by the {@code rules} module's build:
 *
 * <pre>java dev.sereno.text.ListStore POLICY_DIR OUTPUT_DIR</pre>
 *
 * <p>A stored file is used only for the very text it was made from (its length, CRC-32 and Adler-32), by the very
 * code that made it (the CRC-32 of the class files that read lists, and the Java version, whose Unicode tables fold
 * the words), and only when the store is whole (a CRC-32 of it all): anything else, a policy folder's own lists
 * among them, is read from its text as before, with the same result. Stored, a phrase is as the text gives it: the
 * same words, exceptions, sections, reaches and {@code file:line}, so the lexicon is equal either way.
 */
public final class ListStore {
    /** Where a language's store is, on the class path that holds the bundled policy. */
    public static final String RESOURCE = "META-INF/sereno/lists-%s.bin";
    private static final int MAGIC = 0x53524c53; // "SRLS"
    /** 2: a phrase carries its own {@code -- unless-followed-by:} exceptions after the other two. */
    private static final int VERSION = 2;
    /** The class files whose code gives the lexicon: a store made by other code is not used. */
    private static final String[] CODE = {"Lexicon", "Lexicon$Builder", "Lexicon$Line", "Phrase", "PhraseList",
        "Folding", "Contractions", "Contractions$Split", "ListStore"};
    private static final Pattern LANGUAGE = Pattern.compile("([a-z]{2})\\.(phrases|words)");
    private static final ListStore NONE = new ListStore(Map.of(), null);
    private static volatile Long codeKey;

    /** Each stored file by path: what it was made from and where its lines are in {@link #body}. */
    private final Map<String, Entry> entries;
    private final ByteBuffer body;

    private record Entry(int length, int crc, int adler, int start) {
    }

    private ListStore(Map<String, Entry> entries, ByteBuffer body) {
        this.entries = entries;
        this.body = body;
    }

    /**
     * The store of a language on a class path; an empty one (that adds nothing) when there is none, or it is
     * damaged, or other code made it. Never throws.
     */
    public static ListStore read(ClassLoader loader, String language) {
        if (loader == null) {
            return NONE;
        }
        try (InputStream in = loader.getResourceAsStream(String.format(RESOURCE, language))) {
            return in == null ? NONE : of(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** A store from its bytes; empty when they are not a whole store made by this code. */
    static ListStore of(byte[] bytes) {
        try {
            if (bytes.length < 24) {
                return NONE;
            }
            if (!StoredBytes.whole(bytes)) {
                return NONE;
            }
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (in.getInt() != MAGIC || in.getInt() != VERSION || in.getLong() != codeKey()) {
                return NONE;
            }
            int files = in.getInt();
            Map<String, Entry> entries = new HashMap<>();
            for (int f = 0; f < files; f++) {
                String path = StoredBytes.readString(in);
                entries.put(path, new Entry(in.getInt(), in.getInt(), in.getInt(), in.getInt()));
            }
            ByteBuffer body = in.slice(in.position(), bytes.length - 4 - in.position());
            return new ListStore(Map.copyOf(entries), body);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            return NONE;
        }
    }

    /** Whether nothing is stored. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Adds to {@code builder} the file {@code path} (as {@code builder.add} names it) whose text is {@code before},
     * a line break and {@code bundled}, as reading that text would: {@code before} (a policy folder's own lines, or
     * null) read from its text, then the lines stored for {@code bundled} when the store was made from exactly it.
     * Otherwise, or if what is stored cannot be read, adds nothing and says so.
     *
     * @return whether the file was added; when not, the caller reads its whole text itself
     * @throws LexiconFormatException as reading the text would: a problem in {@code before}, or a header's reach
     *                                that another's contradicts
     */
    public boolean addTo(Lexicon.Builder builder, String path, String before, String bundled) throws IOException {
        Entry entry = entries.get(path);
        if (entry == null || !madeFrom(entry, bundled)) {
            return false;
        }
        int offset = before == null ? 0 : lineBreaks(before + "\n");
        List<Lexicon.Line> lines;
        try {
            lines = lines(body.duplicate().position(entry.start()), path, offset);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            return false;
        }
        if (before != null) {
            builder.add(new StringReader(before), path);
        }
        builder.replay(lines, path, offset);
        return true;
    }

    /** How many lines a reader reads before the end of {@code text}: its line breaks, \r\n one. */
    static int lineBreaks(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                n++;
            } else if (c == '\r') {
                n++;
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            }
        }
        return n;
    }

    private static boolean madeFrom(Entry entry, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != entry.length()) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Adler32 adler = new Adler32();
        adler.update(bytes);
        return (int) crc.getValue() == entry.crc() && (int) adler.getValue() == entry.adler();
    }

    /** A file's stored lines, each phrase already at its place in {@code sourceName}. */
    private static List<Lexicon.Line> lines(ByteBuffer in, String sourceName, int lineOffset) {
        String[] strings = new String[in.getInt()];
        for (int k = 0; k < strings.length; k++) {
            strings[k] = StoredBytes.readString(in);
        }
        int count = in.getInt();
        List<Lexicon.Line> out = new ArrayList<>(count);
        // file:line for thousands of phrases, made without a concatenation's call site each time
        StringBuilder where = new StringBuilder(sourceName).append(':');
        int prefix = where.length();
        for (int k = 0; k < count; k++) {
            byte kind = in.get();
            int number = in.getInt();
            if (kind == 0) {
                String header = strings[in.getInt()];
                boolean isClass = in.get() != 0;
                String name = strings[in.getInt()];
                int modifier = in.getInt();
                int within = in.getInt();
                out.add(new Lexicon.Line(number, header, isClass, name, modifier < 0 ? null : strings[modifier], within,
                        null));
            } else if (kind == 1) {
                if (out.isEmpty()) {
                    throw new IllegalArgumentException("a stored file starts with a phrase");
                }
                where.setLength(prefix);
                out.add(new Lexicon.Line(number, null, false, null, null, -1,
                        phrase(in, strings, where.append(lineOffset + number).toString())));
            } else {
                throw new IllegalArgumentException("not a stored line: " + kind);
            }
        }
        return out;
    }

    private static Phrase phrase(ByteBuffer in, String[] strings, String where) {
        String text = strings[in.getInt()];
        String[] words = new String[in.getInt()];
        for (int w = 0; w < words.length; w++) {
            words[w] = strings[in.getInt()];
        }
        List<Phrase> unless = phrases(in, strings, where);
        List<Phrase> unlessAfter = phrases(in, strings, where);
        List<Phrase> unlessFollowedBy = phrases(in, strings, where);
        return new Phrase(text, List.of(words), where, unless, unlessAfter, unlessFollowedBy);
    }

    private static List<Phrase> phrases(ByteBuffer in, String[] strings, String where) {
        int n = in.getInt();
        if (n == 0) {
            return List.of();
        }
        List<Phrase> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(phrase(in, strings, where));
        }
        return out;
    }


    /**
     * The store of the given files, by path in a policy's layout ({@code phrases/es.phrases}); a file that cannot be
     * read as a list on its own is left out (loading the policy then reads it, and reports its problems).
     */
    static byte[] write(Map<String, String> files) {
        try {
            Map<String, byte[]> stored = new LinkedHashMap<>();
            Map<String, String> texts = new LinkedHashMap<>();
            for (Map.Entry<String, String> file : files.entrySet()) {
                List<Lexicon.Line> lines = new ArrayList<>();
                try {
                    Lexicon.builder().read(new StringReader(file.getValue()), file.getKey(), lines);
                } catch (LexiconFormatException e) {
                    continue;
                }
                if (lines.isEmpty() || lines.get(0).phrase() != null) {
                    continue;
                }
                stored.put(file.getKey(), lines(lines));
                texts.put(file.getKey(), file.getValue());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(codeKey());
            out.writeInt(stored.size());
            int start = 0;
            for (Map.Entry<String, byte[]> file : stored.entrySet()) {
                byte[] text = texts.get(file.getKey()).getBytes(StandardCharsets.UTF_8);
                CRC32 crc = new CRC32();
                crc.update(text);
                Adler32 adler = new Adler32();
                adler.update(text);
                StoredBytes.writeString(out, file.getKey());
                out.writeInt(text.length);
                out.writeInt((int) crc.getValue());
                out.writeInt((int) adler.getValue());
                out.writeInt(start);
                start += file.getValue().length;
            }
            for (byte[] lines : stored.values()) {
                out.write(lines);
            }
            out.flush();
            return StoredBytes.sealed(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file's lines: its strings once each, then the lines naming them by number. */
    private static byte[] lines(List<Lexicon.Line> lines) throws IOException {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        out.writeInt(lines.size());
        for (Lexicon.Line l : lines) {
            if (l.phrase() == null) {
                out.writeByte(0);
                out.writeInt(l.number());
                out.writeInt(number(numbers, l.header()));
                out.writeByte(l.isClass() ? 1 : 0);
                out.writeInt(number(numbers, l.name()));
                out.writeInt(l.modifier() == null ? -1 : number(numbers, l.modifier()));
                out.writeInt(l.within());
            } else {
                out.writeByte(1);
                out.writeInt(l.number());
                phrase(out, numbers, l.phrase());
            }
        }
        out.flush();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        DataOutputStream table = new DataOutputStream(all);
        table.writeInt(numbers.size());
        for (String s : numbers.keySet()) {
            StoredBytes.writeString(table, s);
        }
        table.write(body.toByteArray());
        table.flush();
        return all.toByteArray();
    }

    private static void phrase(DataOutputStream out, Map<String, Integer> numbers, Phrase p) throws IOException {
        out.writeInt(number(numbers, p.text()));
        out.writeInt(p.words().size());
        for (String w : p.words()) {
            out.writeInt(number(numbers, w));
        }
        for (List<Phrase> exceptions : List.of(p.unless(), p.unlessAfter(), p.unlessFollowedBy())) {
            out.writeInt(exceptions.size());
            for (Phrase e : exceptions) {
                phrase(out, numbers, e);
            }
        }
    }

    private static int number(Map<String, Integer> numbers, String s) {
        return numbers.computeIfAbsent(s, k -> numbers.size());
    }


    /**
     * What the code that reads lists is: the CRC-32 of its class files and the Java feature version (whose Unicode
     * tables fold words). -1 when a class file cannot be read: no store then matches.
     */
    static long codeKey() {
        Long key = codeKey;
        if (key == null) {
            key = computeCodeKey();
            codeKey = key;
        }
        return key;
    }

    private static long computeCodeKey() {
        List<String> names = new ArrayList<>();
        for (String name : CODE) {
            names.add("dev.sereno.text." + name);
        }
        long crc = classFilesCrc(ListStore.class.getClassLoader(), names);
        return crc == -1 ? -1 : (long) Runtime.version().feature() << 32 | crc;
    }

    /**
     * The CRC-32 of the class files of the classes named (binary names), in order; -1 when one cannot be read.
     * Internal API: the stores' staleness keys.
     */
    public static long classFilesCrc(ClassLoader loader, List<String> names) {
        if (loader == null) {
            return -1;
        }
        CRC32 crc = new CRC32();
        for (String name : names) {
            try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    return -1;
                }
                crc.update(in.readAllBytes());
            } catch (IOException e) {
                return -1;
            }
        }
        return crc.getValue();
    }

    /**
     * Writes {@code lists-CODE.bin} for every language whose phrase or word list is in {@code policy/phrases},
     * {@code finder-CODE.bin} ({@link FinderStore}) and {@code commitments-CODE.bin}
     * ({@link dev.sereno.text.time.CommitmentStore}); a stale or missing one is never used, so a failure here only costs
     * start time.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ListStore POLICY_DIR OUTPUT_DIR");
            System.exit(2);
        }
        Path policy = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Map<String, Map<String, String>> byLanguage = new TreeMap<>();
        try (Stream<Path> list = Files.list(policy.resolve("phrases"))) {
            for (Path file : list.sorted().toList()) {
                Matcher m = LANGUAGE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    byLanguage.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                            .put("phrases/" + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        Files.createDirectories(output);
        // quiet on success: it runs inside every build of the policy
        for (Map.Entry<String, Map<String, String>> language : byLanguage.entrySet()) {
            Files.write(output.resolve(String.format(RESOURCE.substring(RESOURCE.lastIndexOf('/') + 1),
                    language.getKey())), write(language.getValue()));
            // and the phrase finder of the same lists, with the spellings and the dictionary forms (FinderStore)
            FinderStore.write(policy, output, language.getKey());
            // and the commitment lists, whose phrases use the same lists' word classes (CommitmentStore)
            dev.sereno.text.time.CommitmentStore.write(policy, output, language.getKey());
        }
    }
}
