package dev.sereno.cli.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The guidance catalogue ({@code docs/guidance.md}, copied into the jar) by id, for the page to quote. */
final class GuidanceCatalogue {
    static final String RESOURCE = "ui/guidance.md";
    private static final Pattern SECTION = Pattern.compile("^##\\s+(.+)$");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(G\\d+)\\s*\\|(.*)\\|\\s*$");

    /** One guidance line: what it says, where the sources say it, when it applies, and what kind of advice it gives. */
    record Entry(String id, String section, String guidance, String source, String when, String kind) {
    }

    private final Map<String, Entry> entries;

    private GuidanceCatalogue(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static GuidanceCatalogue bundled() {
        try (InputStream in = GuidanceCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the guidance catalogue " + RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GuidanceCatalogue parse(String markdown) {
        Map<String, Entry> out = new LinkedHashMap<>();
        String section = "";
        for (String line : markdown.split("\\R")) {
            Matcher s = SECTION.matcher(line);
            if (s.matches()) {
                section = s.group(1).strip();
                continue;
            }
            Matcher r = ROW.matcher(line);
            if (r.matches()) {
                String[] cells = r.group(2).split("\\|", -1);
                out.put(r.group(1), new Entry(r.group(1), section, cell(cells, 0), cell(cells, 1), cell(cells, 2),
                        cell(cells, 3)));
            }
        }
        return new GuidanceCatalogue(out);
    }

    private static String cell(String[] cells, int i) {
        return i < cells.length ? cells[i].strip() : "";
    }

    Optional<Entry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    int size() {
        return entries.size();
    }
}
