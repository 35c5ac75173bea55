package dev.sereno.engine.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A trusted kjar's generated classes, bounded once at build time instead of at every start. {@link PolicyLoader}
 * puts a budget check in every loop of a kjar's classes before loading them (reading and rewriting some 1,200 classes
 * with ASM: a fifth of the CPU of a cold start of the CLI). The CLI's build runs {@link #main} to store the result in
 * its jar, named by a digest of what it was made from: the kjar's class files (by the CRC-32 its jar records for
 * each), its DRL files and the class files of the code that bounds them. A kjar finds its stored copy only when all
 * of those are the same; otherwise its classes are bounded as they load, as before. Internal API.
 */
public final class BoundedKjar {
    static final String FOLDER = "META-INF/sereno/bounded-kjar/";
    private static final int FORMAT = 1;
    /** What decides the bounded code besides the kjar: a change to any of these makes a stored copy unusable. */
    private static final List<String> BOUNDING_CODE = Stream.of("PolicyVerifier", "LoopBudget", "SourceMap", "Budget")
            .map(c -> "dev/sereno/engine/internal/verify/" + c + ".class").toList();

    private BoundedKjar() {
    }

    /**
     * The name the bounded copy of these classes is stored under, or empty when the bounding code cannot be read
     * (then nothing is stored or looked for).
     *
     * @param classEntries the kjar's generated class files, by path in the container
     * @param drl          the kjar's DRL files by path
     */
    static Optional<String> key(ClasspathContainer kjar, List<String> classEntries, Map<String, String> drl) {
        MessageDigest sha = sha256();
        update(sha, "format " + FORMAT);
        ClassLoader own = BoundedKjar.class.getClassLoader();
        for (String code : BOUNDING_CODE) {
            try (InputStream in = own == null ? null : own.getResourceAsStream(code)) {
                if (in == null) {
                    return Optional.empty();
                }
                update(sha, code);
                sha.update(in.readAllBytes());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        for (String entry : classEntries) {
            update(sha, entry + " " + Long.toHexString(kjar.crc(entry)));
        }
        new TreeMap<>(drl).forEach((path, text) -> {
            update(sha, path);
            update(sha, text);
        });
        return Optional.of(HexFormat.of().formatHex(sha.digest()).substring(0, 32));
    }

    /** The stored bounded classes under that name, by binary name; empty when there are none or they cannot be read. */
    static Optional<Map<String, byte[]>> read(ClassLoader loader, String key) {
        try (InputStream stored = loader.getResourceAsStream(FOLDER + key)) {
            if (stored == null) {
                return Optional.empty();
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(stored, 1 << 16));
            if (in.readInt() != FORMAT) {
                return Optional.empty();
            }
            int count = in.readInt();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                classes.put(name, bytes);
            }
            return Optional.of(classes);
        } catch (IOException e) {
            return Optional.empty(); // a damaged copy: the classes are bounded as they load instead
        }
    }

    static void write(Map<String, byte[]> classes, OutputStream to) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(to, 1 << 16));
        out.writeInt(FORMAT);
        out.writeInt(classes.size());
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            out.write(e.getValue());
        }
        out.flush();
    }

    /**
     * Bounds the kjar found on the class path as {@link PolicyLoader} would and stores the result under
     * {@code FOLDER/KEY} in the given folder of classes (replacing any copy an earlier build left there).
     *
     * <pre>java -cp CLASSPATH dev.sereno.engine.internal.BoundedKjar target/classes</pre>
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BoundedKjar CLASSES_FOLDER");
            System.exit(2);
        }
        ClassLoader loader = BoundedKjar.class.getClassLoader();
        PolicyLoader.KjarClasses kjar = PolicyLoader.KjarClasses.find(loader);
        if (kjar == null || kjar.classEntries().isEmpty()) {
            System.err.println("BoundedKjar: no kjar with generated classes on the class path");
            System.exit(1);
        }
        String key = key(kjar.container(), kjar.classEntries(), kjar.drl()).orElseThrow(
                () -> new IllegalStateException("the bounding code's class files cannot be read"));
        Map<String, byte[]> bounded = kjar.boundNow();
        Path folder = Path.of(args[0]).resolve(FOLDER);
        Files.createDirectories(folder);
        try (Stream<Path> old = Files.list(folder)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        try (OutputStream out = Files.newOutputStream(folder.resolve(key))) {
            write(bounded, out);
        }
        System.out.println("BoundedKjar: " + bounded.size() + " classes bounded, stored as " + FOLDER + key);
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
