package dev.sereno.cli;

import dev.sereno.engine.internal.ClasspathContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where each rule of a policy is written, and its conditions as written, for {@code --explain}: an owner reads the
 * rule's name, its file and line, and the conditions that held for the advice to be given.
 */
final class RuleLocations {
    /** A rule as written: file, line of {@code rule}, and its conditions, one per line, as in the file. */
    record Location(String file, int line, String conditions) {
    }

    private static final String BUNDLED = "dev/sereno/rules/";
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]*)\"");
    private static final Pattern WHEN_THEN = Pattern.compile("(?s)\\bwhen\\b(.*?)\\bthen\\b");

    private final Map<String, Location> byRule = new HashMap<>();

    private RuleLocations() {
    }

    /** The rules of the policy a command runs: the bundled files, overridden by the folder's when it extends them. */
    static RuleLocations of(Path dir, boolean replace) {
        Map<String, String[]> files = new TreeMap<>(); // file → {name shown, text}
        if (dir == null || !replace) {
            ClasspathContainer jar = ClasspathContainer.of(RuleLocations.class.getClassLoader(), BUNDLED + "policy.properties");
            if (jar != null) {
                for (String f : jar.list(BUNDLED, ".drl")) {
                    String path = f.substring(BUNDLED.length());
                    if (!path.contains("/")) {
                        files.put(path, new String[] {"(bundled) " + path, jar.read(f)});
                    }
                }
            }
        }
        if (dir != null) {
            try (Stream<Path> all = Files.list(dir)) {
                for (Path f : all.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                    files.put(f.getFileName().toString(), new String[] {f.getFileName().toString(),
                            Files.readString(f, StandardCharsets.UTF_8)});
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        RuleLocations out = new RuleLocations();
        files.values().forEach(f -> out.read(f[0], f[1]));
        return out;
    }

    private void read(String file, String text) {
        Matcher r = RULE.matcher(text);
        while (r.find()) {
            int line = (int) text.substring(0, r.start(1)).chars().filter(c -> c == '\n').count() + 1;
            Matcher wt = WHEN_THEN.matcher(text);
            String conditions = wt.find(r.end()) ? wt.group(1).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("//")).reduce((a, b) -> a + "\n" + b).orElse("") : "";
            byRule.put(r.group(1), new Location(file, line, conditions));
        }
    }

    /** Where {@code rule} is written; null for a rule this policy's sources do not show. */
    Location of(String rule) {
        return byRule.get(rule);
    }
}
