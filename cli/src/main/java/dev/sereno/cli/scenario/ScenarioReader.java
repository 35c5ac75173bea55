package dev.sereno.cli.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Situation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads scenario files, JSON or YAML:
 *
 * <pre>
 * name: Calling the customer a liar is blocked
 * situation: { ...a situation as in the contract... }
 * expect:
 *   present: [G18, G19]
 *   absent: [G27]
 * </pre>
 */
public final class ScenarioReader {
    private static final Set<String> TOP = Set.of("name", "situation", "expect");
    private static final Set<String> EXPECT = Set.of("present", "absent");
    private static final Pattern GUIDANCE_ID = Pattern.compile("G\\d{2}");

    private final ObjectMapper json = JsonMapper.builder().build();
    private final ObjectMapper yaml = YAMLMapper.builder().build();
    private final SituationJson situations = new SituationJson();

    public Scenario read(String file, String text) {
        ObjectMapper mapper = file.endsWith(".json") ? json : yaml;
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            return Scenario.unreadable(file, List.of(file + where + ": not valid " + (mapper == json ? "JSON" : "YAML")
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse("")));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            return Scenario.unreadable(file, List.of(file + ": expected an object with name, situation and expect"));
        }
        unknown(root, TOP, "", file, problems);
        JsonNode nameNode = root.path("name");
        boolean named = nameNode.isTextual() && !nameNode.asText().isBlank();
        String name = named ? nameNode.asText() : file;
        if (!nameNode.isMissingNode() && !named) {
            problems.add(file + ": name: expected a sentence saying what the scenario shows");
        }
        JsonNode expect = root.path("expect");
        if (!expect.isObject()) {
            problems.add(file + ": expect: required, an object with present and/or absent guidance ids");
        } else {
            unknown(expect, EXPECT, "expect.", file, problems);
        }
        List<String> present = ids(expect.path("present"), "expect.present", file, problems);
        List<String> absent = ids(expect.path("absent"), "expect.absent", file, problems);
        present.stream().filter(absent::contains).distinct()
                .forEach(id -> problems.add(file + ": expect: " + id + " is listed both present and absent"));
        if (expect.isObject() && present.isEmpty() && absent.isEmpty() && problems.isEmpty()) {
            // a scenario that expects nothing passes whatever the policy does
            problems.add(file + ": expect: lists no guidance id; name at least one in present or absent");
        }
        Situation situation = null;
        if (!root.path("situation").isObject()) {
            problems.add(file + ": situation: required, an object as in the contract");
        } else {
            try {
                situation = situations.read(root.get("situation"));
            } catch (InvalidSituationException e) {
                e.problems().forEach(p -> problems.add(file + ": situation." + p));
            }
        }
        if (!problems.isEmpty()) {
            return Scenario.unreadable(file, name, problems);
        }
        return new Scenario(file, name, situation, present, absent, List.of());
    }

    private static void unknown(JsonNode node, Set<String> known, String prefix, String file, List<String> problems) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) {
                problems.add(file + ": " + prefix + n + ": unknown field; expected one of " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static List<String> ids(JsonNode node, String path, String file, List<String> problems) {
        List<String> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            problems.add(file + ": " + path + ": expected a list of guidance ids such as [G18, G19]");
            return out;
        }
        for (JsonNode id : node) {
            if (id.isTextual() && GUIDANCE_ID.matcher(id.asText()).matches()) {
                out.add(id.asText());
            } else {
                problems.add(file + ": " + path + ": " + id + " is not a guidance id such as G18");
            }
        }
        return out;
    }
}
