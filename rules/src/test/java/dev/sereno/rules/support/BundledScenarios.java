package dev.sereno.rules.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.Situation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The situations of the default policy's bundled scenarios (scenarios/SECTION/NAME.json|yaml), by SECTION/NAME. */
public final class BundledScenarios {
    private static final Path DIR = Path.of("src/main/resources/dev/sereno/rules/scenarios");

    private BundledScenarios() {
    }

    public static Map<String, Situation> all() {
        ObjectMapper json = new ObjectMapper();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        SituationJson reader = new SituationJson();
        Map<String, Situation> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = DIR.relativize(p).toString().replace('\\', '/');
                JsonNode root = (name.endsWith(".json") ? json : yaml).readTree(p.toFile());
                out.put(name.substring(0, name.lastIndexOf('.')), reader.read(root.path("situation")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static Situation get(String name) {
        Situation s = all().get(name);
        if (s == null) {
            throw new IllegalArgumentException("no bundled scenario " + name);
        }
        return s;
    }
}
