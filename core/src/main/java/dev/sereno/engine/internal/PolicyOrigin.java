package dev.sereno.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Where policy files are read from: a kjar on a class path, a folder, or memory. Internal API. */
public abstract class PolicyOrigin {
    static final String CLASSPATH_FOLDER = "dev/sereno/rules/";

    public static PolicyOrigin classpath(ClassLoader loader) {
        return new Classpath(loader);
    }

    public static PolicyOrigin directory(Path dir) {
        return new Directory(dir);
    }

    public static PolicyOrigin memory(Map<String, String> files) {
        return new Memory(files);
    }

    /** {@code top} over {@code base}: DRL files of the same name are replaced, data files add up (later keys win). */
    public static PolicyOrigin layered(PolicyOrigin base, PolicyOrigin top) {
        return new Layered(base, top);
    }

    /** A data file of the policy by its path in the layout ({@code phrases/es.phrases}), if present. */
    abstract Optional<String> read(String path);

    /** The DRL files by path, sorted; empty for a compiled kjar whose sources are read from the module. */
    abstract Map<String, String> drl();

    /**
     * One part of a data file as {@link #read} gives it, which joins the parts with a line break, top layer first.
     *
     * @param text    the part's text
     * @param bundled the class path it was read from when it is the bundled policy's (whose lists may be stored
     *                compiled, see {@link dev.sereno.text.ListStore}); null for any other
     */
    record Piece(String text, ClassLoader bundled) {
    }

    /** The parts of a data file, top layer first, that {@link #read} joins with a line break; empty when absent. */
    List<Piece> pieces(String path) {
        return read(path).map(text -> List.of(new Piece(text, null))).orElse(List.of());
    }

    /** The folder whose changes should reload this policy, if it comes from one. */
    public Optional<Path> folder() {
        return Optional.empty();
    }

    static final class Classpath extends PolicyOrigin {
        final ClassLoader loader;

        Classpath(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        Optional<String> read(String path) {
            try (InputStream in = loader.getResourceAsStream(CLASSPATH_FOLDER + path)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + CLASSPATH_FOLDER + path, e);
            }
        }

        @Override
        List<Piece> pieces(String path) {
            return read(path).map(text -> List.of(new Piece(text, loader))).orElse(List.of());
        }

        @Override
        Map<String, String> drl() {
            return Map.of();
        }

        /** The DRL sources kept in the kjar beside the generated model, for compiling them with other files. */
        Map<String, String> sources() {
            Map<String, String> out = new TreeMap<>();
            ClasspathContainer c = ClasspathContainer.of(loader, CLASSPATH_FOLDER + "policy.properties");
            if (c != null) {
                for (String name : c.list(CLASSPATH_FOLDER, ".drl")) {
                    out.put(name.substring(CLASSPATH_FOLDER.length()), c.read(name));
                }
            }
            return out;
        }

        @Override
        public String toString() {
            return "the default policy (class path)";
        }
    }

    static final class Directory extends PolicyOrigin {
        final Path dir;

        Directory(Path dir) {
            this.dir = dir;
        }

        @Override
        Optional<String> read(String path) {
            Path p = dir.resolve(path);
            try {
                return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            }
        }

        @Override
        Map<String, String> drl() {
            Map<String, String> out = new TreeMap<>();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".drl") && Files.isRegularFile(f))::iterator) {
                    out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
            return out;
        }

        @Override
        public Optional<Path> folder() {
            return Optional.of(dir);
        }

        @Override
        public String toString() {
            return "policy folder " + dir;
        }
    }

    static final class Memory extends PolicyOrigin {
        final Map<String, String> files;

        Memory(Map<String, String> files) {
            this.files = new TreeMap<>(files);
        }

        @Override
        Optional<String> read(String path) {
            return Optional.ofNullable(files.get(path));
        }

        @Override
        Map<String, String> drl() {
            Map<String, String> out = new TreeMap<>();
            files.forEach((k, v) -> {
                if (k.endsWith(".drl")) {
                    out.put(k, v);
                }
            });
            return out;
        }

        @Override
        public String toString() {
            return "in-memory policy";
        }
    }

    static final class Layered extends PolicyOrigin {
        final PolicyOrigin base;
        final PolicyOrigin top;

        Layered(PolicyOrigin base, PolicyOrigin top) {
            this.base = base;
            this.top = top;
        }

        @Override
        Optional<String> read(String path) {
            Optional<String> under = base.read(path);
            Optional<String> over = top.read(path);
            if (under.isPresent() && over.isPresent()) {
                // Phrase sections add up in any order, so the folder's file goes first: the line numbers of its errors
                // are then true in the file the author wrote. Properties go last, where their keys win.
                return Optional.of(addsUp(path) ? over.get() + "\n" + under.get() : under.get() + "\n" + over.get());
            }
            return over.isPresent() ? over : under;
        }

        @Override
        List<Piece> pieces(String path) {
            List<Piece> under = base.pieces(path);
            List<Piece> over = top.pieces(path);
            if (under.isEmpty() || over.isEmpty()) {
                return over.isEmpty() ? under : over;
            }
            if (addsUp(path)) {
                List<Piece> out = new java.util.ArrayList<>(over);
                out.addAll(under);
                return out;
            }
            return List.of(new Piece(read(path).orElseThrow(), null));
        }

        private static boolean addsUp(String path) {
            return path.endsWith(".phrases") || path.endsWith(".words") || path.endsWith(".commitments")
                    || path.endsWith(".spellings") || path.endsWith(".examples");
        }

        @Override
        Map<String, String> drl() {
            Map<String, String> out = new TreeMap<>(base instanceof Classpath cp ? cp.sources() : base.drl());
            out.putAll(top.drl());
            return out;
        }

        @Override
        public Optional<Path> folder() {
            return top.folder();
        }

        @Override
        public String toString() {
            return top + " over " + base;
        }
    }
}
