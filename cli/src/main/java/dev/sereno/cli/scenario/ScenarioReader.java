package dev.sereno.cli.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Situation;
import dev.sereno.advice.Priority;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads scenario files, JSON or YAML:
 *
 * <pre>
 * name: Calling the customer a liar is blocked
 * situation: { ...a situation as in the contract... }
 * expect:
 *   present: [G18, G19]          # guidance ids the advice must cite
 *   absent: [G27]                # and must not cite
 *   blocked: true                # the draft must (true) or must not (false) be blocked
 *   priority: HIGH
 *   warnings: [{code: CALLS_CUSTOMER_LIAR, severity: BLOCKING, span: "you are lying"}]
 *   recommendations: [OFFER_PROOF_AND_VERIFY]     # a code alone, or {code, phase}
 *   escalations: [{code: AMOUNT_OVER_LIMIT, to: SUPERVISOR}]
 *   followUps: [{code: CALL_BACK_AFTER_VERIFYING, due: now+2h}]
 *   reviews: [ACCOUNT_PROFITABILITY]
 *   records: [{code: ROOT_CAUSE, cause: SERVICE_QUALITY}]
 *   absentCodes: [BARE_NO]       # codes no advice item may carry
 *   rules:
 *     fired: [Never call the customer a liar]
 *     quiet: [Let a venting customer finish]
 * </pre>
 *
 * {@code next: [CODE, ...]} (the codes the advice's next steps start with) and {@code commitments} (like
 * followUps) are read as well, and accepted once the advice carries those fields.
 */
public final class ScenarioReader {
    private static final Set<String> TOP = Set.of("name", "situation", "expect");
    private static final Set<String> EXPECT = Set.of("present", "absent", "blocked", "priority", "warnings",
            "recommendations", "escalations", "followUps", "reviews", "records", "commitments", "absentCodes", "next",
            "rules");
    private static final Set<String> RULES = Set.of("fired", "quiet");
    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern GUIDANCE_ID = Pattern.compile("[GH]\\d{2}");

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
        Expectations expectations = Expectations.NONE;
        if (!expect.isObject()) {
            problems.add(file + ": expect: required, an object saying what the advice must say, such as "
                    + "present: [G18] or blocked: true");
        } else {
            unknown(expect, EXPECT, "expect.", file, problems);
            expectations = expectations(expect, file, problems);
            if (expectations.expectsNothing() && problems.isEmpty()) {
                // a scenario that expects nothing passes whatever the policy does
                problems.add(file + ": expect: lists no guidance id and nothing else to check; name at least one "
                        + "id in present or absent, or say blocked, warnings, recommendations…");
            }
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
        return new Scenario(file, name, situation, expectations, List.of());
    }

    private static Expectations expectations(JsonNode expect, String file, List<String> problems) {
        List<String> present = ids(expect.path("present"), "expect.present", file, problems);
        List<String> absent = ids(expect.path("absent"), "expect.absent", file, problems);
        present.stream().filter(absent::contains).distinct()
                .forEach(id -> problems.add(file + ": expect: " + id + " is listed both present and absent"));
        Boolean blocked = null;
        JsonNode b = expect.path("blocked");
        if (b.isBoolean()) {
            blocked = b.booleanValue();
        } else if (!b.isMissingNode()) {
            problems.add(file + ": expect.blocked: expected true or false");
        }
        String priority = null;
        JsonNode p = expect.path("priority");
        if (!p.isMissingNode()) {
            List<String> priorities = Arrays.stream(Priority.values()).map(Enum::name).toList();
            if (p.isTextual() && priorities.contains(p.asText())) {
                priority = p.asText();
            } else {
                problems.add(file + ": expect.priority: " + p + " is not one of " + String.join(", ", priorities));
            }
        }
        Map<AdviceItems, List<Expectations.Expected>> items = new EnumMap<>(AdviceItems.class);
        for (AdviceItems kind : AdviceItems.values()) {
            JsonNode node = expect.path(kind.field);
            if (node.isMissingNode()) {
                continue;
            }
            if (!kind.available()) {
                problems.add(file + ": expect." + kind.field + ": this version of Sereno's advice has no "
                        + kind.field + " yet");
                continue;
            }
            items.put(kind, items(node, kind, file, problems));
        }
        List<String> absentCodes = codes(expect.path("absentCodes"), "expect.absentCodes", file, problems);
        List<String> next = codes(expect.path("next"), "expect.next", file, problems);
        if (!next.isEmpty() && !AdviceItems.nextAvailable()) {
            problems.add(file + ": expect.next: this version of Sereno's advice has no next steps yet");
        }
        List<String> fired = List.of();
        List<String> quiet = List.of();
        JsonNode rules = expect.path("rules");
        if (rules.isObject()) {
            unknown(rules, RULES, "expect.rules.", file, problems);
            fired = names(rules.path("fired"), "expect.rules.fired", file, problems);
            quiet = names(rules.path("quiet"), "expect.rules.quiet", file, problems);
            fired.stream().filter(quiet::contains).distinct().forEach(r -> problems.add(file
                    + ": expect.rules: \"" + r + "\" is listed both fired and quiet"));
        } else if (!rules.isMissingNode()) {
            problems.add(file + ": expect.rules: expected an object with fired and/or quiet, each a list of rule names");
        }
        return new Expectations(present, absent, blocked, priority, items, absentCodes, next, fired, quiet);
    }

    private static List<Expectations.Expected> items(JsonNode node, AdviceItems kind, String file, List<String> problems) {
        String path = "expect." + kind.field;
        List<Expectations.Expected> out = new ArrayList<>();
        String example = kind.attributes.isEmpty() ? "[CODE]"
                : "[CODE] or [{code: CODE, " + String.join(": …, ", new TreeSet<>(kind.attributes.keySet())) + ": …}]";
        if (!node.isArray()) {
            problems.add(file + ": " + path + ": expected a list such as " + example);
            return out;
        }
        for (JsonNode item : node) {
            if (item.isTextual() && CODE.matcher(item.asText()).matches()) {
                out.add(new Expectations.Expected(item.asText(), Map.of()));
                continue;
            }
            if (!item.isObject() || !item.path("code").isTextual() || !CODE.matcher(item.path("code").asText()).matches()) {
                problems.add(file + ": " + path + ": " + item + " is not a code nor an object with a code; expected "
                        + example);
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            Set<String> known = new TreeSet<>(kind.attributes.keySet());
            known.add("code");
            unknown(item, known, path + ".", file, problems);
            kind.attributes.forEach((attribute, allowed) -> {
                JsonNode v = item.path(attribute);
                if (v.isMissingNode()) {
                    return;
                }
                String text = v.isValueNode() ? v.asText() : null;
                if (text == null || text.isBlank()) {
                    problems.add(file + ": " + path + "." + attribute + ": expected text");
                } else if (!allowed.isEmpty() && !allowed.contains(text)) {
                    problems.add(file + ": " + path + "." + attribute + ": \"" + text + "\" is not one of "
                            + String.join(", ", allowed));
                } else if (attribute.equals("due") && !Due.valid(text)) {
                    problems.add(file + ": " + path + ".due: \"" + text + "\" is not " + Due.EXPECTED);
                } else {
                    attributes.put(attribute, text);
                }
            });
            out.add(new Expectations.Expected(item.get("code").asText(), attributes));
        }
        return out;
    }

    private static List<String> codes(JsonNode node, String path, String file, List<String> problems) {
        List<String> out = new ArrayList<>();
        if (node.isMissingNode()) {
            return out;
        }
        if (!node.isArray()) {
            problems.add(file + ": " + path + ": expected a list of codes such as [LET_THEM_FINISH]");
            return out;
        }
        for (JsonNode c : node) {
            if (c.isTextual() && CODE.matcher(c.asText()).matches()) {
                out.add(c.asText());
            } else {
                problems.add(file + ": " + path + ": " + c + " is not a code such as LET_THEM_FINISH");
            }
        }
        return out;
    }

    private static List<String> names(JsonNode node, String path, String file, List<String> problems) {
        List<String> out = new ArrayList<>();
        if (node.isMissingNode()) {
            return out;
        }
        if (!node.isArray()) {
            problems.add(file + ": " + path + ": expected a list of rule names, each as written after rule in the .drl file");
            return out;
        }
        for (JsonNode n : node) {
            if (n.isTextual() && !n.asText().isBlank()) {
                out.add(n.asText());
            } else {
                problems.add(file + ": " + path + ": " + n + " is not a rule name");
            }
        }
        return out;
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
