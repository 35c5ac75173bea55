package dev.sereno.text;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A language's {@link ExampleModel} trained at build time from the bundled examples and stored in the jar
 * ({@code META-INF/sereno/model-es.bin}): its weights, feature names, thresholds, and the features of each word form
 * that has some it weighs (its dictionary words and classes: reading then opens no dictionary), so that the examples reader starts in milliseconds instead of training for seconds. Written by the
 * {@code rules} module's build:
 *
 * <pre>java dev.sereno.text.ModelStore POLICY_DIR OUTPUT_DIR STRICT_KINDS</pre>
 *
 * <p>A stored model names what it was trained from ({@link #key}): the examples' text, the phrase and word lists'
 * text (their dictionary words and classes are features), the dictionary's forms of those words as the build stored
 * them ({@code forms-es.bin}), the kinds held to {@link ExampleModel#MAX_GOOD_FOUND}, the training settings, the code
 * that trains (the class files) and the Java version (whose Unicode tables fold the words); each as its length,
 * CRC-32 and Adler-32. It is used only when every one of these is what is on the class path now: an examples file
 * edited without a rebuild, other lists or other code mean training, as without a store, to the same model. A
 * stored file that is damaged (its CRC-32, kept at its end, does not match) or cannot be read is not used either: the
 * model is trained instead, and a warning says so (a store is only a cache of a deterministic training, so training
 * gives exactly the model it should have held, a few seconds later). Never a stale or partly read model.
 */
public final class ModelStore {
    /** Where a language's stored model is, on the class path that holds the bundled policy. */
    public static final String RESOURCE = "META-INF/sereno/model-%s.bin";
    /** Where the bundled policy is on the class path. */
    static final String BUNDLED = "dev/sereno/rules/";
    private static final int MAGIC = 0x53524d44; // "SRMD"
    private static final int VERSION = 1;
    /** The class files whose code gives the model from its examples and lists. */
    private static final String[] CODE = {"ExampleModel", "ExampleModel$Features", "ModelStore", "Examples",
        "Examples$Line", "Tokenizer", "Token", "WordTable", "Folding", "Contractions", "Contractions$Split", "Lexicon",
        "Lexicon$Builder", "Lexicon$Line", "Phrase", "PhraseList", "Morphology", "FormsFile"};

    private ModelStore() {
    }

    /** Looked up only to warn: a start that reads a good store sets up no logging for it. */
    private static Logger log() {
        return LoggerFactory.getLogger(ModelStore.class);
    }

    /**
     * What training reads, named: each input as its name, length, CRC-32 and Adler-32. Null when the code cannot be
     * named (a class file not found): nothing is then stored or used.
     *
     * @param language the language code
     * @param examples the text of the examples file
     * @param lists    the text of each list file the features come from, by its path ({@code phrases/es.phrases}),
     *                 in the order they are read
     * @param strict   the kinds held to {@link ExampleModel#MAX_GOOD_FOUND}
     */
    static byte[] key(String language, String examples, Map<String, String> lists, Set<String> strict) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF("language " + language);
            out.writeUTF("settings epochs=" + ExampleModel.EPOCHS + " folds=" + ExampleModel.FOLDS + " l2="
                    + ExampleModel.L2 + " rate=" + ExampleModel.RATE + " seed=" + ExampleModel.SEED + " min="
                    + ExampleModel.MIN_COUNT + " maxGood=" + ExampleModel.MAX_GOOD_FOUND + " beta2=" + ExampleModel.BETA2
                    + " negationReach="
                    + ExampleModel.NEGATION_REACH + " negations=" + String.join(",",
                    new TreeSet<>(ExampleModel.NEGATIONS)));
            out.writeUTF("strict " + String.join(",", new TreeSet<>(strict)));
            named(out, "examples", examples.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> list : lists.entrySet()) {
                named(out, list.getKey(), list.getValue().getBytes(StandardCharsets.UTF_8));
            }
            ClassLoader loader = ModelStore.class.getClassLoader();
            if (loader == null) {
                return null;
            }
            // the dictionary's forms of the lists' words, as Morphology reads them: every stored file of the language
            for (String form : List.of(Morphology.PRECOMPUTED, Morphology.PRECOMPUTED_TEXT)) {
                for (URL file : Collections.list(loader.getResources(String.format(form, language)))) {
                    try (InputStream in = file.openStream()) {
                        named(out, "forms", in.readAllBytes());
                    }
                }
            }
            out.writeUTF("java " + Runtime.version().feature());
            for (String name : CODE) {
                try (InputStream in = loader.getResourceAsStream("dev/sereno/text/" + name + ".class")) {
                    if (in == null) {
                        return null;
                    }
                    named(out, name, in.readAllBytes());
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            return null;
        }
    }

    private static void named(DataOutputStream out, String name, byte[] content) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(content);
        Adler32 adler = new Adler32();
        adler.update(content);
        out.writeUTF(name);
        out.writeInt(content.length);
        out.writeInt((int) crc.getValue());
        out.writeInt((int) adler.getValue());
    }

    /**
     * The model stored for {@code language} on the class path of the bundled policy, when it was trained from exactly
     * these examples, lists and kinds by this code; null otherwise (none stored, another training, or a damaged
     * file: then the caller trains). Never throws for what is stored.
     */
    public static ExampleModel read(ClassLoader loader, String language, String examples, Map<String, String> lists,
                                    Set<String> strict) {
        if (loader == null) {
            return null;
        }
        String resource = String.format(RESOURCE, language);
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            log().warn("the stored examples model {} cannot be read ({}): training it instead", resource,
                    e.getClass().getSimpleName());
            return null;
        }
        byte[] key = key(language, examples, lists, strict);
        if (key == null) {
            return null;
        }
        try {
            return of(bytes, key);
        } catch (StoreException e) {
            log().warn("the stored examples model {} is not used, {}: training it instead", resource, e.getMessage());
            return null;
        }
    }

    /**
     * {@link #read} for the bundled policy: its lists ({@link #listFiles}) read from the class path, under
     * {@value #BUNDLED}.
     */
    public static ExampleModel readBundled(ClassLoader loader, String language, String examples, Set<String> strict)
            throws IOException {
        if (loader == null) {
            return null;
        }
        Map<String, String> lists = new LinkedHashMap<>();
        for (String file : listFiles(language)) {
            try (InputStream in = loader.getResourceAsStream(BUNDLED + file)) {
                if (in != null) {
                    lists.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return read(loader, language, examples, lists, strict);
    }

    /** Why a stored model is not used. */
    static final class StoreException extends Exception {
        StoreException(String message) {
            super(message);
        }
    }

    /**
     * The model in {@code bytes}, when they are a whole store of this format made from {@code key}; null when they were
     * made from something else (the examples, lists or code changed since: not a fault).
     *
     * @throws StoreException when the bytes are damaged or cut short
     */
    static ExampleModel of(byte[] bytes, byte[] key) throws StoreException {
        if (bytes.length < 12 || !StoredBytes.whole(bytes)) {
            throw new StoreException("it is damaged (its CRC-32 does not match)");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 4);
            if (in.getInt() != MAGIC) {
                throw new StoreException("it is not a stored model");
            }
            if (in.getInt() != VERSION) {
                return null;
            }
            byte[] storedKey = new byte[in.getInt()];
            in.get(storedKey);
            if (!Arrays.equals(storedKey, key)) {
                return null;
            }
            int trainedOn = in.getInt();
            String[] kinds = strings(in);
            double[] thresholds = doubles(in, kinds.length);
            String[] names = strings(in);
            double[][] weights = new double[kinds.length][];
            for (int k = 0; k < kinds.length; k++) {
                weights[k] = doubles(in, names.length + 1);
            }
            int[] hashes = ints(in);
            int[] starts = ints(in);
            boolean latin1 = in.get() == 1;
            char[] chars = new char[count(in)];
            if (latin1) {
                byte[] bytes8 = new byte[chars.length];
                in.get(bytes8);
                for (int c = 0; c < chars.length; c++) {
                    chars[c] = (char) (bytes8[c] & 0xff);
                }
            } else {
                in.asCharBuffer().get(chars);
                in.position(in.position() + chars.length * Character.BYTES);
            }
            int[] idStarts = ints(in);
            int[] pool = ints(in);
            ExampleModel.FormTable forms = new ExampleModel.FormTable(hashes, starts, chars, idStarts, pool);
            Map<String, int[]> prefixes = new HashMap<>();
            for (int p = count(in); p > 0; p--) {
                prefixes.put(StoredBytes.readString(in), ints(in));
            }
            if (in.hasRemaining()) {
                throw new StoreException("it has " + in.remaining() + " bytes after the model");
            }
            return ExampleModel.of(forms, prefixes, names, List.of(kinds),
                    weights, thresholds, trainedOn);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new StoreException("it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String[] strings(ByteBuffer in) {
        int n = count(in);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = StoredBytes.readString(in);
        }
        return out;
    }

    private static double[] doubles(ByteBuffer in, int n) {
        double[] out = new double[n];
        in.asDoubleBuffer().get(out);
        in.position(in.position() + n * Double.BYTES);
        return out;
    }

    private static int[] ints(ByteBuffer in) {
        int[] out = new int[count(in)];
        in.asIntBuffer().get(out);
        in.position(in.position() + out.length * Integer.BYTES);
        return out;
    }

    private static void ints(DataOutputStream out, int[] ints) throws IOException {
        out.writeInt(ints.length);
        for (int i : ints) {
            out.writeInt(i);
        }
    }

    private static int count(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("a count of " + n);
        }
        return n;
    }

    /** The stored form of a model trained from what {@code key} names. */
    static byte[] write(ExampleModel model, byte[] key) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(key.length);
            out.write(key);
            out.writeInt(model.trainedOn());
            strings(out, model.kinds());
            for (String kind : model.kinds()) {
                out.writeDouble(model.threshold(kind));
            }
            strings(out, List.of(model.names()));
            for (int k = 0; k < model.kinds().size(); k++) {
                for (double w : model.weights(k)) {
                    out.writeDouble(w);
                }
            }
            // the features of the word forms and class prefixes that have some: reading needs no dictionary
            ExampleModel.FormTable forms = model.forms();
            ints(out, forms.hashes);
            ints(out, forms.starts);
            // the forms' characters one byte each when they all fit (folded words mostly do), else two
            boolean latin1 = true;
            for (char c : forms.chars) {
                latin1 &= c < 256;
            }
            out.writeByte(latin1 ? 1 : 0);
            out.writeInt(forms.chars.length);
            for (char c : forms.chars) {
                if (latin1) {
                    out.writeByte(c);
                } else {
                    out.writeChar(c);
                }
            }
            ints(out, forms.idStarts);
            ints(out, forms.pool);
            Map<String, int[]> prefixes = new TreeMap<>(model.prefixes());
            out.writeInt(prefixes.size());
            for (Map.Entry<String, int[]> e : prefixes.entrySet()) {
                StoredBytes.writeString(out, e.getKey());
                ints(out, e.getValue());
            }
            out.flush();
            return StoredBytes.sealed(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            StoredBytes.writeString(out, s);
        }
    }

    /** The list files a language's features come from, in the order they are read, by path in a policy. */
    public static List<String> listFiles(String language) {
        return List.of("phrases/" + language + ".phrases", "phrases/" + language + ".words");
    }

    /**
     * Trains the model of {@code examples} with the lists' dictionary words and classes, as the examples reader does
     * when nothing is stored: the lists are read in the order given.
     */
    public static ExampleModel train(String language, String examples, String examplesName, Map<String, String> lists,
                                     Set<String> strict) throws IOException {
        Lexicon.Builder lexicon = Lexicon.builder();
        for (Map.Entry<String, String> list : lists.entrySet()) {
            lexicon.add(new StringReader(list.getValue()), list.getKey());
        }
        return ExampleModel.train(Examples.read(new StringReader(examples), examplesName), lexicon.build(), language,
                strict);
    }

    /**
     * Writes {@code model-CODE.bin} for every language with {@code examples/CODE.examples} in the policy folder,
     * trained from it and the folder's lists; the kinds held to {@link ExampleModel#MAX_GOOD_FOUND} are given comma
     * separated. A model not written, or stale, is never used: a failure here only costs start time.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ModelStore POLICY_DIR OUTPUT_DIR STRICT_KINDS");
            System.exit(2);
        }
        Path policy = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Set<String> strict = new TreeSet<>(Arrays.asList(args[2].split(",")));
        Files.createDirectories(output);
        for (String language : List.of("en", "es")) {
            Path file = policy.resolve("examples").resolve(language + ".examples");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String examples = Files.readString(file, StandardCharsets.UTF_8);
            Map<String, String> lists = new LinkedHashMap<>();
            for (String list : listFiles(language)) {
                Path p = policy.resolve(list);
                if (Files.isRegularFile(p)) {
                    lists.put(list, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
            byte[] key = key(language, examples, lists, strict);
            if (key == null) {
                System.err.println("ModelStore: the training code cannot be named; no model stored");
                return;
            }
            ExampleModel model = train(language, examples, "examples/" + language + ".examples", lists, strict);
            // quiet on success: it runs inside every build of the policy
            Files.write(output.resolve(String.format(RESOURCE.substring(RESOURCE.lastIndexOf('/') + 1), language)),
                    write(model, key));
        }
    }
}
