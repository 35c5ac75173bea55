package dev.sereno.policy;

import dev.sereno.situation.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an organisation adds to the policy without Java, declared in the policy folder's {@code house.properties}:
 * its own thresholds and its own guidance ids.
 *
 * <pre>
 * parameter.repeat-complaints.escalate-at.type=count
 * parameter.repeat-complaints.escalate-at.default=3
 * parameter.repeat-complaints.escalate-at.meaning=Complaints raised this many times go to a supervisor
 * guidance.H01.title=Repeat complaints go to a supervisor
 * guidance.H01.text=A customer who has had to complain three times deserves someone with authority.
 * </pre>
 *
 * A threshold's type is {@code count} (a whole number), {@code number} (such as 1.5) or {@code duration} (PT2H);
 * {@code policy.properties} may then set it like a bundled one, and rules read it with
 * {@code policy.count("repeat-complaints.escalate-at")}. House ids are H followed by two digits;
 * rules cite them in {@code @guidance} like the ids of the guidance.
 *
 * @param parameters the declared thresholds, by name
 * @param guidance   the declared ids, by id
 */
public record HousePolicy(Map<String, Parameter> parameters, Map<String, Guidance> guidance) {
    /** One house threshold. */
    public record Parameter(String name, String type, String defaultValue, String meaning) {
    }

    /** One house guidance id, with what an agent or auditor reads for it. */
    public record Guidance(String id, String title, String text) {
    }

    public static final HousePolicy NONE = new HousePolicy(Map.of(), Map.of());
    /** The file an organisation declares its thresholds and ids in. */
    public static final String FILE = "house.properties";
    public static final List<String> TYPES = List.of("count", "number", "duration");

    private static final Pattern PARAMETER = Pattern.compile("parameter\\.([a-z0-9][a-z0-9.-]*)\\.(type|default|meaning)");
    private static final Pattern GUIDANCE = Pattern.compile("guidance\\.(H\\d{2})\\.(title|text)");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    public HousePolicy {
        parameters = Map.copyOf(parameters);
        guidance = Map.copyOf(guidance);
    }

    /** Reads {@code house.properties}; every problem is reported together, each naming its key. */
    public static HousePolicy read(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidPolicyParametersException(List.of(new Problem(FILE, "cannot be read: " + e.getMessage())));
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Map<String, String>> params = new TreeMap<>();
        Map<String, Map<String, String>> ids = new TreeMap<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            String value = p.getProperty(key).strip();
            Matcher pm = PARAMETER.matcher(key);
            Matcher gm = GUIDANCE.matcher(key);
            if (pm.matches()) {
                params.computeIfAbsent(pm.group(1), k -> new LinkedHashMap<>()).put(pm.group(2), value);
            } else if (gm.matches()) {
                ids.computeIfAbsent(gm.group(1), k -> new LinkedHashMap<>()).put(gm.group(2), value);
            } else {
                problems.add(new Problem(FILE + ": " + key, "not a declaration; write parameter.NAME.type, "
                        + "parameter.NAME.default, parameter.NAME.meaning, or guidance.H01.title and guidance.H01.text"));
            }
        }
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        params.forEach((name, fields) -> {
            String where = FILE + ": parameter." + name;
            String type = fields.get("type");
            if (PolicyParameters.documentedDefaults().containsKey(name)) {
                problems.add(new Problem(where, "is a bundled threshold already; set it in policy.properties"));
            } else if (type == null || !TYPES.contains(type)) {
                problems.add(new Problem(where + ".type", (type == null ? "missing" : "\"" + type + "\" is not a type")
                        + "; write count (a whole number), number (such as 1.5) or duration (such as PT2H)"));
            } else if (fields.get("default") == null || fields.get("default").isBlank()) {
                problems.add(new Problem(where + ".default", "missing: every threshold has a default value"));
            } else if (fields.get("meaning") == null || fields.get("meaning").isBlank()) {
                problems.add(new Problem(where + ".meaning", "missing: say in one line what the threshold decides"));
            } else if (!PolicyParameters.valid(type, fields.get("default"))) {
                problems.add(new Problem(where + ".default", "\"" + fields.get("default") + "\" is not "
                        + PolicyParameters.expected(type)));
            } else {
                parameters.put(name, new Parameter(name, type, fields.get("default"), fields.get("meaning")));
            }
        });
        Map<String, Guidance> guidance = new LinkedHashMap<>();
        ids.forEach((id, fields) -> {
            if (fields.get("title") == null || fields.get("title").isBlank()) {
                problems.add(new Problem(FILE + ": guidance." + id + ".title", "missing: a house id has a title"));
            } else if (fields.get("text") == null || fields.get("text").isBlank()) {
                problems.add(new Problem(FILE + ": guidance." + id + ".text", "missing: a house id says what it asks of agents"));
            } else {
                guidance.put(id, new Guidance(id, fields.get("title"), fields.get("text")));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidPolicyParametersException(problems);
        }
        return new HousePolicy(parameters, guidance);
    }

    static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }
}
