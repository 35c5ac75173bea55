package dev.sereno.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The jar or class folder that holds a given resource, listed by path prefix. Needed because a class loader cannot
 * list resources, and the policy's DRL files and generated-model index must be found in the same jar whether it
 * is the sereno-rules jar, a folder of classes in a test, or a shaded application jar.
 */
public final class ClasspathContainer {
    private final List<String> entries;
    private final ClassLoader loader;
    /** The CRC-32 of each entry of a jar, as its directory records it; empty for a folder. */
    private final Map<String, Long> crcs;

    private ClasspathContainer(List<String> entries, ClassLoader loader, Map<String, Long> crcs) {
        this.entries = entries;
        this.loader = loader;
        this.crcs = crcs;
    }

    /** The container of {@code anchor} (a resource path), or null when the loader has no such resource. */
    public static ClasspathContainer of(ClassLoader loader, String anchor) {
        URL url = loader.getResource(anchor);
        return url == null ? null : of(url, anchor, loader);
    }

    /** The container of the resource {@code anchor} found at {@code url}; null when it is neither a jar nor a folder. */
    static ClasspathContainer of(URL url, String anchor, ClassLoader loader) {
        try {
            List<String> entries = new ArrayList<>();
            Map<String, Long> crcs = new HashMap<>();
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection c = (JarURLConnection) url.openConnection();
                c.setUseCaches(false);
                try (JarFile jar = new JarFile(Path.of(c.getJarFileURL().toURI()).toFile())) {
                    Enumeration<JarEntry> e = jar.entries();
                    while (e.hasMoreElements()) {
                        JarEntry entry = e.nextElement();
                        entries.add(entry.getName());
                        crcs.put(entry.getName(), entry.getCrc());
                    }
                }
            } else if ("file".equals(url.getProtocol())) {
                Path file = Path.of(url.toURI());
                Path root = file;
                for (int i = 0; i < anchor.split("/").length; i++) {
                    root = root.getParent();
                }
                try (Stream<Path> all = Files.walk(root)) {
                    Path r = root;
                    all.filter(Files::isRegularFile).forEach(p -> entries.add(r.relativize(p).toString().replace('\\', '/')));
                }
            } else {
                return null;
            }
            entries.sort(String::compareTo);
            return new ClasspathContainer(List.copyOf(entries), loader, crcs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the contents of " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the contents of " + url, e);
        }
    }

    public List<String> list(String prefix, String suffix) {
        return entries.stream().filter(n -> n.startsWith(prefix) && n.endsWith(suffix)).toList();
    }

    /**
     * The CRC-32 of an entry's contents: from the jar's directory, without reading the entry, or computed from the
     * bytes of a file in a folder.
     */
    public long crc(String path) {
        Long recorded = crcs.get(path);
        if (recorded != null && recorded >= 0) {
            return recorded;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes(path));
        return crc.getValue();
    }

    public byte[] bytes(String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is listed but cannot be read");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public String read(String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is listed but cannot be read");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
