package dev.sereno.cli;

import dev.sereno.engine.internal.Typos;
import dev.sereno.engine.internal.ClasspathContainer;
import dev.sereno.text.Examples;
import dev.sereno.text.LexiconFormatException;
import dev.sereno.text.ListWarnings;
import dev.sereno.text.Morphology;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code sereno check} looks at beyond compiling: what reaches the agent. Rules insert codes; the agent reads
 * the texts of those codes, with the values the rule gives in their placeholders, and the rules read phrase lists.
 * Problems (exit 1): a code a rule inserts with no text in a language the policy has, a placeholder the rule gives
 * no value for, a placeholder not closed. Warnings: a message key no rule produces (usually misspelt: "did you
 * mean"), a phrase list no rule reads, a phrase list a rule reads that no file defines, a {@code <word:…>} of the
 * folder's lists whose persons leave out a form it names.
 */
final class PolicyLint {
    /** The finding of one look: problems make check fail, warnings are printed and do not. */
    record Findings(List<String> problems, List<String> warnings) {
    }

    private static final String BUNDLED = "dev/sereno/rules/";
    private static final Pattern INSERT = Pattern.compile(
            "new\\s+(Recommend|Warn|Escalate|Schedule|RequestReview)\\s*\\(");
    private static final Pattern FINDING_KIND = Pattern.compile("Finding\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([A-Za-z0-9_]+)\"(\\s*\\+)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Pattern SECTION = Pattern.compile("(?m)^\\s*\\[([A-Za-z0-9_]+)(?:\\s+[a-z-]+)?\\s*]");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]*)\"");
    private static final Pattern GUIDANCE = Pattern.compile("@guidance\\s*\\(([^)]*)\\)");
    /** Phrase lists read by the engine itself, not by rules. */
    private static final Set<String> ENGINE_LISTS = Set.of("EMOTION_INTENSE", "EMOTION_MILD", "EMOTION_REPEATED");
    private static final List<String> SUFFIXES = List.of("say", "why", "what", "now");
    private static final List<String> ENUMS = List.of("Remedy", "Stage", "Cause", "Channel", "Emotion", "Priority",
            "Severity", "EscalationTarget", "Segment", "ClaimKind", "Stance", "Language");

    /** One code inserted by a rule: where, which kind of advice, and how many values it gives the texts. */
    private record Produced(String code, String kind, int values, String rule, String where, List<String> holds,
                            List<String> guidance, String detail) {
    }

    /** A file of the policy as the author knows it, and its text. */
    private record Source(String name, String text) {
    }

    private PolicyLint() {
    }

    /** Looks at the folder as served: on top of the bundled policy, or alone when {@code replace}. */
    static Findings look(Path dir, boolean replace) {
        Map<String, Source> drl = new TreeMap<>();
        Map<String, List<Source>> messages = new LinkedHashMap<>();
        Map<String, List<Source>> phrases = new LinkedHashMap<>();
        collect(dir, replace, drl, messages, phrases);
        Findings findings = look(drl.values(), messages, phrases);
        findings.warnings().addAll(narrowedForms(dir));
        return findings;
    }

    private static final Pattern LIST_FILE = Pattern.compile("phrases/([a-z]{2})\\.(phrases|words)");

    /**
     * The folder's own phrase and word files' {@code <word:…>} whose persons leave out a kind of form they name
     * ({@link ListWarnings}); the bundled files are their tuners' to check, with their folder as {@code DIR}.
     */
    private static List<String> narrowedForms(Path dir) {
        List<String> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir.resolve("phrases"))) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir.resolve("phrases"))) {
            for (Path f : files.sorted().toList()) {
                String path = "phrases/" + f.getFileName();
                Matcher m = LIST_FILE.matcher(path);
                Morphology morphology = m.matches() ? Morphology.forLanguage(m.group(1)).orElse(null) : null;
                if (morphology != null) {
                    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                        out.addAll(ListWarnings.of(r, path, morphology));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void add(String path, String name, String text, Map<String, Source> drl,
                            Map<String, List<Source>> messages, Map<String, List<Source>> phrases) {
        if (path.endsWith(".drl") && !path.contains("/")) {
            drl.put(path, new Source(name, text)); // a folder's file replaces the bundled one of the same name
        } else if (path.matches("messages/[a-z]{2}\\.properties")) {
            messages.computeIfAbsent(path.substring(9, 11), k -> new ArrayList<>()).add(new Source(name, text));
        } else if (path.matches("phrases/[a-z]{2}\\.phrases")) {
            phrases.computeIfAbsent(path.substring(8, 10), k -> new ArrayList<>()).add(new Source(name, text));
        } else if (path.matches("examples/[a-z]{2}\\.examples")) {
            // the kinds the examples reader learns are findings a rule may read, as a phrase list's are
            phrases.computeIfAbsent(path.substring(9, 11), k -> new ArrayList<>()).add(new Source(name, text));
        }
    }

    /**
     * Every code the rules insert, as a Markdown table for the guide: the kind of advice, the rule, its guidance,
     * what each placeholder holds, and the text in {@code lang}. Generated from the policy, so it cannot drift.
     */
    static String catalogue(Path dir, boolean replace, String lang) {
        Map<String, Source> drl = new TreeMap<>();
        Map<String, List<Source>> messages = new LinkedHashMap<>();
        Map<String, List<Source>> phrases = new LinkedHashMap<>();
        collect(dir, replace, drl, messages, phrases);
        Map<String, String> texts = new TreeMap<>();
        Map<String, String> where = new TreeMap<>();
        messages.getOrDefault(lang, List.of()).forEach(s -> keys(s, texts, where));
        Map<String, List<Produced>> byCode = new TreeMap<>();
        drl.values().forEach(s -> produced(s).forEach(p -> byCode.computeIfAbsent(p.code(), k -> new ArrayList<>()).add(p)));
        StringBuilder sb = new StringBuilder();
        sb.append("| code | advice | rule | guidance | placeholders | text (").append(lang).append(") |\n");
        sb.append("|---|---|---|---|---|---|\n");
        byCode.forEach((code, all) -> {
            for (Produced p : all) {
                StringBuilder holds = new StringBuilder();
                for (int i = 0; i < p.holds().size(); i++) {
                    holds.append(i == 0 ? "" : ", ").append('{').append(i).append("} ").append(p.holds().get(i));
                }
                String key = code + (p.kind().equals("Schedule") ? ".what" : ".why");
                sb.append("| `").append(code).append("` | ").append(KINDS.get(p.kind())).append(p.detail()).append(" | ").append(p.rule())
                        .append(" | ").append(String.join(", ", p.guidance())).append(" | ")
                        .append(holds.isEmpty() ? "—" : holds.toString().replace("|", "\\|")).append(" | ")
                        .append(texts.getOrDefault(key, "(no text)").replace("|", "\\|")).append(" |\n");
            }
        });
        return sb.toString();
    }

    private static final Map<String, String> KINDS = Map.of("Recommend", "recommendation", "Warn", "warning",
            "Escalate", "escalation", "Schedule", "follow-up", "RequestReview", "review");

    private static void collect(Path dir, boolean replace, Map<String, Source> drl, Map<String, List<Source>> messages,
                                Map<String, List<Source>> phrases) {
        if (dir == null || !replace) {
            ClasspathContainer jar = ClasspathContainer.of(PolicyLint.class.getClassLoader(), BUNDLED + "policy.properties");
            if (jar != null) {
                for (String f : jar.list(BUNDLED, "")) {
                    String path = f.substring(BUNDLED.length());
                    add(path, "(bundled) " + path, jar.read(f), drl, messages, phrases);
                }
            }
        }
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String path = dir.relativize(f).toString().replace('\\', '/');
                add(path, path, Files.readString(f, StandardCharsets.UTF_8), drl, messages, phrases);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Findings look(Iterable<Source> drl, Map<String, List<Source>> messages,
                                 Map<String, List<Source>> phrases) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Produced> produced = new ArrayList<>();
        Set<String> kindsRead = new TreeSet<>();
        List<String> kindPrefixes = new ArrayList<>();
        Map<String, String> kindReadAt = new TreeMap<>();
        for (Source s : drl) {
            produced.addAll(produced(s));
            Matcher f = FINDING_KIND.matcher(s.text());
            while (f.find()) {
                Matcher q = QUOTED.matcher(f.group(1));
                while (q.find()) {
                    if (q.group(2) != null) {
                        kindPrefixes.add(q.group(1));
                    } else {
                        kindsRead.add(q.group(1));
                        kindReadAt.putIfAbsent(q.group(1), position(s, f.start(1) + q.start(1)));
                    }
                }
            }
        }
        Map<String, List<Produced>> byCode = new TreeMap<>();
        produced.forEach(p -> byCode.computeIfAbsent(p.code(), k -> new ArrayList<>()).add(p));

        for (Map.Entry<String, List<Source>> lang : messages.entrySet()) {
            Map<String, String> texts = new TreeMap<>();
            Map<String, String> where = new TreeMap<>();
            for (Source s : lang.getValue()) {
                keys(s, texts, where);
            }
            // every code a rule inserts has its text in every language the policy has
            for (Map.Entry<String, List<Produced>> e : byCode.entrySet()) {
                Produced first = e.getValue().get(0);
                String needed = e.getKey() + (first.kind().equals("Schedule") ? ".what" : ".why");
                if (!texts.containsKey(needed)) {
                    problems.add(first.where() + ": " + e.getKey() + " (rule \"" + first.rule() + "\") has no text in messages/"
                            + lang.getKey() + ".properties: add " + needed + "=… or the agent sees the bare code");
                }
            }
            for (Map.Entry<String, String> t : texts.entrySet()) {
                String key = t.getKey();
                int dot = key.lastIndexOf('.');
                String code = dot < 0 ? key : key.substring(0, dot);
                String suffix = dot < 0 ? "" : key.substring(dot + 1);
                if (ENUMS.stream().anyMatch(en -> key.startsWith(en + "."))) {
                    continue; // Remedy.REFUND=a refund: how a value reads in every text
                }
                if (!byCode.containsKey(code)) {
                    String hint = Typos.closest(code, byCode.keySet()).map(c -> "; did you mean " + c + "." + suffix + "?")
                            .orElse("; a key is CODE.say, CODE.why, CODE.what or CODE.now for a code a rule inserts");
                    warnings.add(where.get(key) + ": " + key + ": no rule inserts " + code + hint);
                    continue;
                }
                if (!SUFFIXES.contains(suffix)) {
                    warnings.add(where.get(key) + ": " + key + ": \"" + suffix + "\" is not read; did you mean "
                            + Typos.closest(suffix, SUFFIXES).map(x -> code + "." + x).orElse(code + ".why") + "?");
                    continue;
                }
                placeholders(key, t.getValue(), where.get(key), byCode.get(code), problems);
            }
        }

        // phrase lists: each one a rule reads exists, and each one that exists is read
        Map<String, String> sections = new TreeMap<>();
        Set<String> learned = new TreeSet<>();
        for (List<Source> files : phrases.values()) {
            for (Source s : files) {
                if (s.name().endsWith(".examples")) {
                    learned.addAll(learnedKinds(s));
                    continue;
                }
                Matcher m = SECTION.matcher(s.text());
                while (m.find()) {
                    sections.putIfAbsent(m.group(1), position(s, m.start(1)));
                }
            }
        }
        for (String kind : kindsRead) {
            if (!sections.containsKey(kind) && !learned.contains(kind)) {
                String hint = Typos.closest(kind, sections.keySet()).map(c -> "; did you mean " + c + "?").orElse("");
                warnings.add(kindReadAt.get(kind) + ": a rule reads the phrase list " + kind + ", which no phrases file "
                        + "defines, so it never matches" + hint);
            }
        }
        for (Map.Entry<String, String> s : sections.entrySet()) {
            String kind = s.getKey();
            boolean read = kindsRead.contains(kind) || ENGINE_LISTS.contains(kind)
                    || kindPrefixes.stream().anyMatch(kind::startsWith);
            if (!read) {
                String hint = Typos.closest(kind, kindsRead).map(c -> "; did you mean " + c + "?").orElse("");
                warnings.add(s.getValue() + ": no rule reads the phrase list [" + kind + "]" + hint);
            }
        }
        return new Findings(problems, warnings);
    }

    /**
     * The kinds an examples file teaches, read as the policy reads it ({@link Examples#read}); none from a file with a
     * bad line, which loading the policy reports with the line.
     */
    private static Set<String> learnedKinds(Source s) {
        Set<String> out = new TreeSet<>();
        try {
            for (Examples.Line line : Examples.read(new StringReader(s.text()), s.name())) {
                out.addAll(line.kinds());
            }
        } catch (LexiconFormatException e) {
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code {n}} needs a value n+1 from every rule that inserts the code; "{0" is a placeholder left open. */
    private static void placeholders(String key, String text, String where, List<Produced> producers, List<String> problems) {
        Matcher open = Pattern.compile("\\{(?!\\d+})").matcher(text);
        if (open.find()) {
            problems.add(where + ": " + key + ": \"{\" opens a placeholder that is not closed: write {0}, {1}… in full");
            return;
        }
        Matcher p = PLACEHOLDER.matcher(text);
        int highest = -1;
        while (p.find()) {
            highest = Math.max(highest, Integer.parseInt(p.group(1)));
        }
        // a line of next ({@code .now}) gets the item's subject (a warning's words, a follow-up's time) as {0}, then
        // the rule's values
        int shift = key.endsWith(".now") ? 1 : 0;
        for (Produced r : producers) {
            int values = r.values() + shift;
            if (highest >= values) {
                String given = values == 0 ? "no value" : values == 1 ? "one value, {0}"
                        : values + " values, {0} to {" + (values - 1) + "}";
                problems.add(where + ": " + key + ": {" + highest + "} has no value: rule \"" + r.rule() + "\" ("
                        + r.where() + ") gives " + given + "; the agent would read \"{" + highest + "}\" as written");
                return;
            }
        }
    }

    /** Each insert of advice in a DRL file: its code, its kind and how many values it gives the texts. */
    private static List<Produced> produced(Source s) {
        List<Produced> out = new ArrayList<>();
        String text = s.text();
        Matcher m = INSERT.matcher(text);
        while (m.find()) {
            int close = closing(text, m.end() - 1);
            if (close < 0) {
                continue;
            }
            List<String> args = arguments(text.substring(m.end(), close));
            String kind = m.group(1);
            int codeAt = kind.equals("Escalate") ? 1 : 0;
            if (args.size() <= codeAt || !args.get(codeAt).matches("\"[A-Za-z0-9_]+\"")) {
                continue; // a code computed by the rule: it cannot be read here
            }
            int fixed = switch (kind) {
                case "Recommend", "Escalate", "Schedule" -> 2;
                case "Warn" -> args.size() >= 3 && args.get(1).startsWith("Severity.") ? 3 : 1;
                default -> 1;
            };
            String code = args.get(codeAt).substring(1, args.get(codeAt).length() - 1);
            int ruleStart = ruleStart(text, m.start());
            String ruleText = text.substring(ruleStart, m.start());
            List<String> holds = args.subList(Math.min(fixed, args.size()), args.size()).stream()
                    .map(a -> holds(a, ruleText)).toList();
            Matcher g = GUIDANCE.matcher(ruleText);
            List<String> guidance = new ArrayList<>();
            if (g.find()) {
                Matcher id = QUOTED.matcher(g.group(1));
                while (id.find()) {
                    guidance.add(id.group(1));
                }
            }
            String detail = "";
            if (kind.equals("Warn") && fixed == 3) {
                Matcher list = Pattern.compile("\\" + args.get(2) + "\\s*:\\s*Finding\\s*\\(\\s*kind\\s*==\\s*(\"[A-Z_]+\"(?:\\s*\\+\\s*\\$\\w+)?)")
                        .matcher(ruleText);
                detail = ", " + args.get(1).substring("Severity.".length())
                        + (list.find() ? " on the list " + list.group(1).replaceAll("\\s+", " ").replace("\"", "") : "");
            } else if (kind.equals("Warn")) {
                detail = ", CAUTION";
            } else if (kind.equals("Escalate")) {
                detail = " to " + args.get(0).replace("EscalationTarget.", "");
            }
            out.add(new Produced(code, kind, Math.max(0, args.size() - fixed), ruleAt(text, m.start()),
                    position(s, m.start()), holds, guidance, detail));
        }
        return out;
    }

    /** What a value given to a text holds: the field a variable was bound to ($within : verificationCallbackWithin). */
    private static String holds(String arg, String ruleText) {
        Matcher threshold = Pattern.compile("^policy\\.(\\w+)\\(\\)$").matcher(arg);
        if (threshold.matches()) {
            return "policy." + threshold.group(1); // a threshold, read from the policy global
        }
        Matcher v = Pattern.compile("^\\$(\\w+)$").matcher(arg);
        if (v.matches()) {
            Matcher bound = Pattern.compile("\\$" + v.group(1) + "\\s*:\\s*([\\w.]+(?:\\([^)]*\\))?)").matcher(ruleText);
            String field = bound.find() ? bound.group(1) : null;
            if (field != null) {
                int open = unclosedBefore(ruleText, bound.start());
                Matcher fact = Pattern.compile("([A-Z]\\w*)\\s*$").matcher(ruleText.substring(0, Math.max(0, open)));
                return fact.find() ? fact.group(1) + "." + field : field;
            }
        }
        return arg;
    }

    /** The pattern's own "(" around {@code offset}: the last one not closed before it (a call's brackets are). */
    private static int unclosedBefore(String text, int offset) {
        int depth = 0;
        for (int i = offset - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && depth-- == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int ruleStart(String text, int offset) {
        Matcher r = RULE.matcher(text);
        int start = 0;
        while (r.find() && r.start() < offset) {
            start = r.start();
        }
        return start;
    }

    private static String ruleAt(String text, int offset) {
        Matcher r = RULE.matcher(text);
        String name = "?";
        while (r.find() && r.start() < offset) {
            name = r.group(1);
        }
        return name;
    }

    private static int closing(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> arguments(String inside) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(inside.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (!inside.isBlank()) {
            out.add(inside.substring(start).strip());
        }
        return out;
    }

    /** Keys of a properties file with their texts and "file:line" (later files win, as when the policy loads). */
    private static void keys(Source s, Map<String, String> texts, Map<String, String> where) {
        String[] lines = s.text().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.isEmpty()) {
                continue;
            }
            texts.put(key, value);
            where.put(key, s.name() + ":" + (i + 1));
        }
    }

    private static String position(Source s, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < s.text().length(); i++) {
            if (s.text().charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return s.name() + ":" + line + ":" + col;
    }
}
