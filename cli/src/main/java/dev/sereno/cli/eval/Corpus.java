package dev.sereno.cli.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sereno.advice.Severity;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A labelled corpus of drafts: {@code kinds.properties} (each kind, the warning codes that catch it and the
 * severity required), {@code situation.json} (the situation every draft is read in) and {@code drafts/*.jsonl}
 * (one case a line: id, locale, split, the kinds expected, the draft).
 *
 * <p>A folder inside a corpus that holds only {@code drafts/} (such as {@code corpus/fresh}, a batch the lists have
 * not been tuned against yet) takes {@code kinds.properties} and {@code situation.json} from the corpus around it.
 */
public record Corpus(Map<String, KindSpec> kinds, ObjectNode situation, List<Case> cases) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A kind of finding and what counts as catching it. */
    public record KindSpec(String name, Set<String> codes, Severity severity) {
    }

    /** One labelled draft. */
    public record Case(String id, String locale, String split, Set<String> expect, String draft, String where) {
        public boolean good() {
            return expect.isEmpty();
        }
    }

    /** A corpus folder that cannot be read; the message names the file and line. */
    public static final class BadCorpus extends RuntimeException {
        BadCorpus(String message) {
            super(message);
        }
    }

    public static Corpus read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadCorpus(dir + ": no such folder");
        }
        Map<String, KindSpec> kinds = kinds(ownOrParent(dir, "kinds.properties"));
        ObjectNode situation = situation(ownOrParent(dir, "situation.json"));
        List<Case> cases = new ArrayList<>();
        Path drafts = dir.resolve("drafts");
        if (!Files.isDirectory(drafts)) {
            throw new BadCorpus(drafts + ": no such folder; put the drafts in drafts/*.jsonl");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(drafts)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new BadCorpus(drafts + ": cannot list (" + e.getClass().getSimpleName() + ")");
        }
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BadCorpus(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String where = file.getFileName() + ":" + (i + 1);
                Case c = parse(lines.get(i), where, kinds);
                if (!ids.add(c.id())) {
                    throw new BadCorpus(where + ": id \"" + c.id() + "\" is used twice");
                }
                cases.add(c);
            }
        }
        if (cases.isEmpty()) {
            throw new BadCorpus(drafts + ": no drafts found in *.jsonl files");
        }
        return new Corpus(kinds, situation, List.copyOf(cases));
    }

    private static Path ownOrParent(Path dir, String name) {
        Path own = dir.resolve(name);
        Path parent = dir.toAbsolutePath().getParent();
        if (!Files.exists(own) && parent != null && Files.exists(parent.resolve(name))) {
            return parent.resolve(name);
        }
        return own;
    }

    private static Case parse(String line, String where, Map<String, KindSpec> kinds) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            throw new BadCorpus(where + ": not a JSON object");
        }
        String id = text(n, "id", where);
        String locale = text(n, "locale", where);
        String split = n.hasNonNull("split") ? n.get("split").asText() : "tune";
        if (!split.equals("tune") && !split.equals("heldout")) {
            throw new BadCorpus(where + ": split \"" + split + "\" is not one of tune, heldout");
        }
        JsonNode expect = n.get("expect");
        if (expect == null || !expect.isArray()) {
            throw new BadCorpus(where + ": expect: required, a list of kinds ([] for a good reply)");
        }
        Set<String> expected = new HashSet<>();
        for (JsonNode k : expect) {
            if (!kinds.containsKey(k.asText())) {
                throw new BadCorpus(where + ": expect: \"" + k.asText() + "\" is not a kind of kinds.properties ("
                        + String.join(", ", kinds.keySet()) + ")");
            }
            expected.add(k.asText());
        }
        return new Case(id, locale, split, Set.copyOf(expected), text(n, "draft", where), where);
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new BadCorpus(where + ": " + field + ": required, a string");
        }
        return v.asText();
    }

    private static Map<String, KindSpec> kinds(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new BadCorpus(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
        Map<String, KindSpec> out = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(key -> {
            if (!key.endsWith(".codes") && !key.endsWith(".severity")) {
                throw new BadCorpus(file.getFileName() + ": \"" + key + "\" is not KIND.codes or KIND.severity");
            }
        });
        p.stringPropertyNames().stream().filter(k -> k.endsWith(".codes")).sorted().forEach(key -> {
            String kind = key.substring(0, key.length() - ".codes".length());
            Set<String> codes = new HashSet<>();
            for (String c : p.getProperty(key).split(",")) {
                if (!c.isBlank()) {
                    codes.add(c.strip());
                }
            }
            String sev = p.getProperty(kind + ".severity", "CAUTION").strip();
            Severity severity;
            try {
                severity = Severity.valueOf(sev);
            } catch (IllegalArgumentException e) {
                throw new BadCorpus(file.getFileName() + ": " + kind + ".severity: \"" + sev + "\" is not one of BLOCKING, CAUTION");
            }
            out.put(kind, new KindSpec(kind, Set.copyOf(codes), severity));
        });
        if (out.isEmpty()) {
            throw new BadCorpus(file.getFileName() + ": no kinds; write KIND.codes=CODE,… and KIND.severity=BLOCKING|CAUTION");
        }
        return out;
    }

    private static ObjectNode situation(Path file) {
        try {
            JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (!(n instanceof ObjectNode o)) {
                throw new BadCorpus(file.getFileName() + ": not a JSON object");
            }
            return o;
        } catch (IOException e) {
            throw new BadCorpus(file + ": cannot read as JSON (" + e.getClass().getSimpleName() + ")");
        }
    }
}
