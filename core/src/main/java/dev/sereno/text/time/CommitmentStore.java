package dev.sereno.text.time;

import dev.sereno.text.FinderStore;
import dev.sereno.text.ListStore;
import dev.sereno.text.Morphology;
import dev.sereno.text.PhraseMatcher;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * The bundled commitment lists ({@code commitments/es.commitments}) compiled at build time and stored in the jar
 * ({@code META-INF/sereno/commitments-es.bin}, beside {@link FinderStore}'s finder), so that loading the bundled
 * policy reads their {@link PhraseMatcher} instead of compiling 2,600 lines and the word classes they use: the
 * Spanish lists' compile was the longest step of a cold start's lists thread after the finder's read (150-200 ms of
 * CPU, half of it compiling word classes, a quarter parsing the lines). Written by the {@code rules} module's build,
 * with the lists ({@link ListStore}'s step).
 *
 * <p>As for the stored finder, a stored list is used only when it was compiled from the very texts the policy loads
 * (the commitments file, and the phrase lists whose word classes its phrases use, with the spellings: each one's
 * length, CRC-32 and Adler-32), with the very dictionary forms ({@link Morphology#formsKey}), by the very code that
 * reads it (the class files of the matcher, the commitment list, its word splitter and the finder's key, with the
 * Java version), and only when it is whole (a CRC-32 of it all). Otherwise, a policy folder's own lines among them,
 * the list is compiled as before, to the same list.
 */
public final class CommitmentStore {
    /** Where a language's stored commitment list is, on the class path that holds the bundled policy. */
    public static final String RESOURCE = "META-INF/sereno/commitments-%s.bin";
    private static final int MAGIC = 0x5352434d; // "SRCM"
    private static final int VERSION = 1;
    /** The classes whose code compiles, splits or reads a commitment list, besides the finder's (its key). */
    private static final Class<?>[] CODE = {PhraseMatcher.class, CommitmentList.class, Words.class,
        CommitmentStore.class};
    private static volatile Long codeKey;

    private CommitmentStore() {
    }

    /** Where a language's commitment list is, in a policy's layout. */
    public static String path(String language) {
        return "commitments/" + language + ".commitments";
    }

    /**
     * The commitment list stored on {@code loader} for {@code language}, when it was compiled from exactly these texts
     * (by path: the phrase lists of {@link FinderStore#paths} the policy has, and the commitments file) and
     * {@code morphology}'s forms by this code; null otherwise, or when it is missing or damaged: the caller then
     * compiles it. Never throws.
     */
    public static CommitmentList read(ClassLoader loader, String language, Map<String, String> texts,
                                      Morphology morphology) {
        if (loader == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(String.format(RESOURCE, language))) {
            return in == null ? null : of(in.readAllBytes(), texts, morphology);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The stored list in {@code bytes} when they are a whole store made from exactly these; else null. */
    static CommitmentList of(byte[] bytes, Map<String, String> texts, Morphology morphology) {
        try {
            if (bytes.length < 32 || !whole(bytes)) {
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
                String text = texts.get(readString(in));
                if (text == null || !madeFrom(in.getInt(), in.getInt(), in.getInt(), text)) {
                    return null;
                }
            }
            CommitmentList.Phrase[][] phrases = new CommitmentList.Phrase[2][];
            for (int list = 0; list < phrases.length; list++) {
                int n = in.getInt();
                if (n < 0 || n > in.remaining()) {
                    return null;
                }
                phrases[list] = new CommitmentList.Phrase[n];
                for (int k = 0; k < phrases[list].length; k++) {
                    phrases[list][k] = new CommitmentList.Phrase(readString(in), in.get() != 0);
                }
            }
            PhraseMatcher matcher = PhraseMatcher.read(bytes, in.position(), bytes.length - 4);
            if (matcher.size(CommitmentList.Index.PROMISES) != phrases[0].length
                    || matcher.size(CommitmentList.Index.WITHOUT_TIME) != phrases[1].length) {
                return null;
            }
            return CommitmentList.of(matcher, phrases[0], phrases[1]);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The stored form of the commitment list compiled from {@code texts} (by path: the phrase lists in the order the
     * policy reads them, then the commitments file); null when they do not make one (loading the policy then reports
     * their problems).
     */
    static byte[] write(Map<String, String> texts, Morphology morphology) {
        String language = null;
        Map<String, String> lists = new LinkedHashMap<>();
        String commitments = null;
        for (Map.Entry<String, String> file : texts.entrySet()) {
            if (file.getKey().startsWith("commitments/")) {
                commitments = file.getValue();
                language = file.getKey().substring("commitments/".length(), file.getKey().indexOf('.'));
            } else {
                lists.put(file.getKey(), file.getValue());
            }
        }
        if (commitments == null) {
            return null;
        }
        CommitmentList list;
        try {
            list = CommitmentList.read(commitments, path(language), FinderStore.lexicon(lists), morphology);
        } catch (CommitmentListFormatException | dev.sereno.text.LexiconFormatException e) {
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
                writeString(out, file.getKey());
                out.writeInt(text.length);
                out.writeInt(crc(text));
                out.writeInt(adler(text));
            }
            CommitmentList.Index index = list.index();
            for (CommitmentList.Phrase[] phrases : index.phrases()) {
                out.writeInt(phrases.length);
                for (CommitmentList.Phrase p : phrases) {
                    writeString(out, p.kind());
                    out.writeByte(p.whenTimed() ? 1 : 0);
                }
            }
            index.matcher().write(out);
            out.flush();
            byte[] content = bytes.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(content);
            return ByteBuffer.allocate(content.length + 4).put(content).putInt((int) crc.getValue()).array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code commitments-CODE.bin} into {@code output} for {@code language}'s commitments file in
     * {@code policy/commitments}, compiled with the word classes of its phrase lists in {@code policy/phrases};
     * nothing when it has none or it does not compile. A stale or missing one is never used, so a failure here only
     * costs start time.
     */
    public static void write(Path policy, Path output, String language) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String path : FinderStore.paths(language)) {
            Path file = policy.resolve(path);
            if (Files.isRegularFile(file)) {
                texts.put(path, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        Path target = output.resolve(String.format(RESOURCE.substring(RESOURCE.lastIndexOf('/') + 1), language));
        Path commitments = policy.resolve(path(language));
        byte[] stored = null;
        if (Files.isRegularFile(commitments)) {
            texts.put(path(language), Files.readString(commitments, StandardCharsets.UTF_8));
            stored = write(texts, Morphology.forLanguage(language).orElse(null));
        }
        if (stored == null) {
            Files.deleteIfExists(target);
        } else {
            Files.write(target, stored);
        }
    }

    /**
     * What the code that compiles and reads the list is: the CRC-32 of the class files of {@link #CODE} and all their
     * nested classes, with the finder's key ({@link FinderStore#codeKey}: the compiler, the lexicon, the Java
     * version). -1 when a class file cannot be read: no store then matches.
     */
    static long codeKey() {
        Long key = codeKey;
        if (key == null) {
            List<String> names = new ArrayList<>();
            for (Class<?> c : CODE) {
                nested(c, names);
            }
            long crc = ListStore.classFilesCrc(CommitmentStore.class.getClassLoader(), names);
            long finder = FinderStore.codeKey();
            key = crc == -1 || finder == -1 ? -1 : finder * 31 + crc;
            codeKey = key;
        }
        return key;
    }

    private static void nested(Class<?> c, List<String> out) {
        out.add(c.getName());
        for (Class<?> inner : c.getDeclaredClasses()) {
            nested(inner, out);
        }
    }

    private static long formsKey(Morphology morphology) {
        return morphology == null ? -1 : morphology.formsKey();
    }

    private static boolean madeFrom(int length, int crc, int adler, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return bytes.length == length && crc(bytes) == crc && adler(bytes) == adler;
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

    private static boolean whole(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        return (int) crc.getValue() == ByteBuffer.wrap(bytes).getInt(bytes.length - 4);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("not a stored string");
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }
}
