package dev.sereno.cli.scenario;

import dev.sereno.engine.internal.ClasspathContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds a policy's scenario files ({@code scenarios/**}{@code /*.json}, {@code *.yaml}, {@code *.yml}) in a policy
 * folder or in the bundled policy's jar, and reads each one. A file that cannot be read becomes a failing scenario
 * saying why, so one bad file never hides the others.
 */
public final class ScenarioFiles {
    private static final String BUNDLED = "dev/sereno/rules/";

    private final ScenarioReader reader = new ScenarioReader();

    /** The scenarios of a policy folder, sorted by path; empty when it has no {@code scenarios} folder. */
    public List<Scenario> inFolder(Path dir) {
        Path folder = dir.resolve("scenarios");
        List<Scenario> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> all = Files.walk(folder)) {
            files = all.filter(p -> Files.isRegularFile(p) && isScenario(p.toString())).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(Scenario.unreadable("scenarios", List.of(folder + ": cannot be listed: " + e.getMessage())));
        }
        for (Path f : files) {
            String name = dir.relativize(f).toString().replace('\\', '/');
            try {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                // some editors start UTF-8 files with a byte-order mark, which JSON does not allow
                out.add(reader.read(name, text.startsWith("\uFEFF") ? text.substring(1) : text));
            } catch (CharacterCodingException e) {
                out.add(Scenario.unreadable(name, List.of(name + ": is not UTF-8 text; save it as UTF-8")));
            } catch (IOException e) {
                out.add(Scenario.unreadable(name, List.of(name + ": cannot be read: " + e.getMessage())));
            }
        }
        return out;
    }

    /**
     * The bundled policy's own scenarios, found beside its {@code policy.properties} on {@code loader}'s class path.
     * Their names start with {@code prefix}, to tell them apart from a folder's own.
     */
    public List<Scenario> bundled(ClassLoader loader, String prefix) {
        List<Scenario> out = new ArrayList<>();
        ClasspathContainer jar = ClasspathContainer.of(loader, BUNDLED + "policy.properties");
        if (jar != null) {
            for (String f : jar.list(BUNDLED + "scenarios/", "")) {
                if (isScenario(f)) {
                    out.add(reader.read(prefix + f.substring(BUNDLED.length()), jar.read(f)));
                }
            }
        }
        return out;
    }

    private static boolean isScenario(String name) {
        return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
