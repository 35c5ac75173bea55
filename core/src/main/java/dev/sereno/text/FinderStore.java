package dev.sereno.text;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * The bundled lists' {@link PhraseFinder} built at build time and stored in the jar
 * ({@code META-INF/sereno/finder-es.bin}, beside {@link ListStore}'s lists), so that the first call in a language
 * reads its index instead of building it: the Spanish index's build was the longest step of a cold start (about
 * 380 ms of CPU, hash maps filled entry by entry). Written by the {@code rules} module's build, with the lists.
 *
 * <p>As for the stored lists, a stored finder is used only when it was built from the very texts the policy loads
 * (each list's length, CRC-32 and Adler-32: the spellings, the phrases and the words), with the very dictionary forms
 * ({@link Morphology#formsKey}), by the very code that reads it (the class files of the finder and of the lexicon,
 * and the Java version), and only when it is whole (a CRC-32 of it all). Otherwise, a policy folder's own lines among
 * them, the finder is built as before, to the same finder.
 */
public final class FinderStore {
    /** Where a language's stored finder is, on the class path that holds the bundled policy. */
    public static final String RESOURCE = "META-INF/sereno/finder-%s.bin";
    private static final int MAGIC = 0x53524653; // "SRFS"
    /** 2: the words masks may hide stored with the index, which is then read without the lexicon. */
    private static final int VERSION = 2;
    /** The class files that build or read the index, beside the finder's own (all its nested classes). */
    private static final String[] CODE = {"WordTable", "Morphology", "Spellings", "FinderStore"};
    private static volatile Long codeKey;

    private FinderStore() {
    }

    /** The files a language's finder is built from, in the order the policy reads them. */
    public static List<String> paths(String language) {
        return List.of("phrases/" + language + ".spellings", "phrases/" + language + ".phrases",
                "phrases/" + language + ".words");
    }

    /**
     * The finder stored on {@code loader} for {@code language}, when it was built from exactly {@code texts} (by path,
     * those of {@link #paths} the policy has) and {@code morphology}'s forms by this code; null otherwise, or when it is
     * missing or damaged: the caller then builds it. Never throws. Needs no lexicon: the words masks may hide are
     * stored with the index, so a start that reads every list stored does not make one.
     *
     * @param spellings the spellings read from {@code texts} (its {@code .spellings} file): the finder's word table
     *                  reads with them
     */
    public static PhraseFinder read(ClassLoader loader, String language, Map<String, String> texts,
            Spellings spellings, Morphology morphology) {
        if (loader == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(String.format(RESOURCE, language))) {
            return in == null ? null : of(in.readAllBytes(), texts, spellings, morphology);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The stored finder in {@code bytes} when they are a whole store made from exactly these; else null. */
    static PhraseFinder of(byte[] bytes, Map<String, String> texts, Spellings spellings, Morphology morphology) {
        try {
            if (bytes.length < 32 || !StoredBytes.whole(bytes)) {
                return null;
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 4);
            if (in.getInt() != MAGIC || in.getInt() != VERSION || in.getLong() != codeKey()
                    || in.getLong() != formsKey(morphology)) {
                return null;
            }
            int files = in.getInt();
            if (files != texts.size()) {
                return null;
            }
            for (int f = 0; f < files; f++) {
                String text = texts.get(StoredBytes.readString(in));
                if (text == null || !madeFrom(in.getInt(), in.getInt(), in.getInt(), text)) {
                    return null;
                }
            }
            return PhraseFinder.Stored.read(bytes, in.position(), bytes.length - 4, spellings);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean madeFrom(int length, int crc, int adler, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != length) {
            return false;
        }
        return crc(bytes) == crc && adler(bytes) == adler;
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    private static int adler(byte[] bytes) {
        Adler32 adler = new Adler32();
        adler.update(bytes);
        return (int) adler.getValue();
    }

    private static long formsKey(Morphology morphology) {
        return morphology == null ? -1 : morphology.formsKey();
    }

    /**
     * The stored form of the finder of {@code texts} (by path, in the order the policy reads them: the spellings, the
     * phrases, the words); null when they do not make one (loading the policy then reports their problems).
     */
    static byte[] write(Map<String, String> texts, Morphology morphology) {
        Lexicon lexicon;
        PhraseFinder finder;
        try {
            lexicon = lexicon(texts);
            finder = new PhraseFinder(lexicon, morphology);
        } catch (LexiconFormatException e) {
            return null;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(codeKey());
            out.writeLong(formsKey(morphology));
            out.writeInt(texts.size());
            for (Map.Entry<String, String> file : texts.entrySet()) {
                byte[] text = file.getValue().getBytes(StandardCharsets.UTF_8);
                StoredBytes.writeString(out, file.getKey());
                out.writeInt(text.length);
                out.writeInt(crc(text));
                out.writeInt(adler(text));
            }
            PhraseFinder.Stored.write(finder, out);
            out.flush();
            return StoredBytes.sealed(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lexicon the policy reads from these texts: the spellings, then each list in order. */
    public static Lexicon lexicon(Map<String, String> texts) {
        Lexicon.Builder builder = Lexicon.builder();
        try {
            for (Map.Entry<String, String> file : texts.entrySet()) {
                if (file.getKey().endsWith(".spellings")) {
                    builder.spellings(Spellings.builder().add(file.getValue(), file.getKey()).build());
                }
            }
            for (Map.Entry<String, String> file : texts.entrySet()) {
                if (!file.getKey().endsWith(".spellings")) {
                    builder.add(new StringReader(file.getValue()), file.getKey());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return builder.build();
    }

    /**
     * What the code that builds and reads the index is: the CRC-32 of its class files (the finder's, each of its nested
     * classes', those of {@link #CODE}) with {@link ListStore}'s key (the lexicon's code, and the Java version).
     * -1 when a class file cannot be read: no store then matches. Internal API: the stored commitment lists' key
     * includes it.
     */
    public static long codeKey() {
        Long key = codeKey;
        if (key == null) {
            key = computeCodeKey();
            codeKey = key;
        }
        return key;
    }

    private static long computeCodeKey() {
        List<String> names = new ArrayList<>();
        nested(PhraseFinder.class, names);
        for (String name : CODE) {
            names.add("dev.sereno.text." + name);
        }
        long crc = ListStore.classFilesCrc(FinderStore.class.getClassLoader(), names);
        long lists = ListStore.codeKey();
        return crc == -1 || lists == -1 ? -1 : lists * 31 + crc;
    }

    /** A class and every class nested in it, by binary name. */
    static void nested(Class<?> c, List<String> out) {
        out.add(c.getName());
        for (Class<?> inner : c.getDeclaredClasses()) {
            nested(inner, out);
        }
    }

    /**
     * Writes {@code finder-CODE.bin} into {@code output} for {@code language}'s lists in {@code policy/phrases};
     * nothing when it has none or they do not build. A stale or missing one is never used, so a failure here only costs
     * start time.
     */
    static void write(Path policy, Path output, String language) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String path : paths(language)) {
            Path file = policy.resolve(path);
            if (Files.isRegularFile(file)) {
                texts.put(path, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        if (!texts.containsKey(paths(language).get(1)) && !texts.containsKey(paths(language).get(2))) {
            return;
        }
        byte[] stored = write(texts, Morphology.forLanguage(language).orElse(null));
        Path target = output.resolve(String.format(RESOURCE.substring(RESOURCE.lastIndexOf('/') + 1), language));
        if (stored == null) {
            Files.deleteIfExists(target);
        } else {
            Files.write(target, stored);
        }
    }
}
