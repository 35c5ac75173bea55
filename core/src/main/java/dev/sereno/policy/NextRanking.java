package dev.sereno.policy;

import dev.sereno.situation.Problem;
import dev.sereno.situation.Stage;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the advice's items rank for {@code next}, the three lines of what to do now. Read from the {@code next.*} keys
 * of policy.properties:
 * <ul>
 * <li>{@code next.rank.CODE=n}: items with this code rank {@code n}, 0 to 1000, higher first; 0 keeps them out of
 * {@code next} (they stay in the full list);</li>
 * <li>{@code next.rank.CODE@STAGE=n}: the rank while the complaint is at that stage, over the plain one;</li>
 * <li>{@code next.covers.CODE=OTHER, …}: when an item with CODE is in the advice, the listed codes are generic
 * advice it already covers and leave {@code next};</li>
 * <li>{@code next.default.blocking}, {@code .caution}, {@code .escalation}, {@code .recommendation},
 * {@code .follow-up}: the rank of a code the policy does not rank by name.</li>
 * </ul>
 * Reviews for management (G54) and case records never enter {@code next}, whatever the ranks say.
 */
public record NextRanking(Map<String, Integer> ranks, Map<String, Integer> stageRanks, Map<String, Set<String>> covers,
                          Map<Kind, Integer> kindRanks) {
    /** The most entries {@code next} has. */
    public static final int SIZE = 3;
    public static final int MAX_RANK = 1000;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern RANK = Pattern.compile("next\\.rank\\.([^@]*)(?:@(.*))?");
    private static final String KEYS = "next.rank.CODE, next.rank.CODE@STAGE, next.covers.CODE, next.default."
            + Arrays.stream(Kind.values()).map(Kind::key).collect(Collectors.joining("|", "{", "}"));

    /** The kinds of item that can be in {@code next}, with the default rank of each. */
    public enum Kind {
        BLOCKING("blocking", 900), CAUTION("caution", 300), ESCALATION("escalation", 600),
        RECOMMENDATION("recommendation", 200), FOLLOW_UP("follow-up", 250);

        private final String key;
        private final int defaultRank;

        Kind(String key, int defaultRank) {
            this.key = key;
            this.defaultRank = defaultRank;
        }

        public String key() {
            return key;
        }
    }

    public NextRanking {
        ranks = Collections.unmodifiableMap(new TreeMap<>(ranks));
        stageRanks = Collections.unmodifiableMap(new TreeMap<>(stageRanks));
        Map<String, Set<String>> c = new TreeMap<>();
        covers.forEach((k, v) -> c.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
        covers = Collections.unmodifiableMap(c);
        Map<Kind, Integer> d = new java.util.EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            d.put(k, kindRanks.getOrDefault(k, k.defaultRank));
        }
        kindRanks = Collections.unmodifiableMap(d);
    }

    /** No code ranked by name: every item takes its kind's default rank. */
    public static NextRanking defaults() {
        return new NextRanking(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The rank of an item with {@code code}, of {@code kind}, while the complaint is at {@code stage}. */
    public int rank(String code, Kind kind, Stage stage) {
        Integer r = stage == null ? null : stageRanks.get(code + "@" + stage.name());
        if (r == null) {
            r = ranks.get(code);
        }
        return r == null ? kindRanks.get(kind) : r;
    }

    /** Whether an item with {@code code} is covered by one of {@code present}, the codes in the advice. */
    public boolean covered(String code, Set<String> present) {
        for (String p : present) {
            if (!p.equals(code) && covers.getOrDefault(p, Set.of()).contains(code)) {
                return true;
            }
        }
        return false;
    }

    /** Every code the ranking names, with the key that names it first, so a policy loader can check they exist. */
    public Map<String, String> codesNamed() {
        Map<String, String> out = new TreeMap<>();
        ranks.keySet().forEach(c -> out.putIfAbsent(c, "next.rank." + c));
        stageRanks.keySet().forEach(k -> out.putIfAbsent(k.substring(0, k.indexOf('@')), "next.rank." + k));
        covers.forEach((k, v) -> {
            out.putIfAbsent(k, "next.covers." + k);
            v.forEach(c -> out.putIfAbsent(c, "next.covers." + k));
        });
        return out;
    }

    /** Reads the {@code next.*} keys of {@code values}; every problem is added to {@code problems}. */
    static NextRanking parse(Map<String, String> values, String source, List<Problem> problems) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        Map<String, Integer> stageRanks = new LinkedHashMap<>();
        Map<String, Set<String>> covers = new LinkedHashMap<>();
        Map<Kind, Integer> defaults = new LinkedHashMap<>();
        values.forEach((key, raw) -> {
            if (!key.startsWith("next.")) {
                return;
            }
            String where = source + ": " + key;
            Matcher m = RANK.matcher(key);
            if (m.matches()) {
                String code = m.group(1);
                if (!code(where, code, problems)) {
                    return;
                }
                Integer n = rank(where, raw, problems);
                if (m.group(2) == null) {
                    if (n != null) {
                        ranks.put(code, n);
                    }
                    return;
                }
                Stage stage = stage(m.group(2));
                if (stage == null) {
                    problems.add(new Problem(where, "\"" + m.group(2) + "\" is not a stage; stages are "
                            + Arrays.stream(Stage.values()).map(Stage::name).collect(Collectors.joining(", "))));
                } else if (n != null) {
                    stageRanks.put(code + "@" + stage.name(), n);
                }
            } else if (key.startsWith("next.covers.")) {
                String code = key.substring("next.covers.".length());
                if (!code(where, code, problems)) {
                    return;
                }
                Set<String> covered = new LinkedHashSet<>();
                for (String c : raw.split("\\s*,\\s*")) {
                    if (c.isEmpty()) {
                        continue;
                    }
                    if (!CODE.matcher(c).matches()) {
                        problems.add(new Problem(where, "\"" + c + "\" is not a code: codes are upper case with "
                                + "underscores, such as LET_THEM_FINISH"));
                    } else if (c.equals(code)) {
                        problems.add(new Problem(where, "a code cannot cover itself"));
                    } else {
                        covered.add(c);
                    }
                }
                if (covered.isEmpty() && problems.stream().noneMatch(p -> p.path().equals(where))) {
                    problems.add(new Problem(where, "expected a comma-separated list of the codes it covers, "
                            + "such as FULL_ATTENTION, FOCUS_ON_THE_NEED"));
                }
                covers.put(code, covered);
            } else if (key.startsWith("next.default.")) {
                String name = key.substring("next.default.".length());
                Kind kind = Arrays.stream(Kind.values()).filter(k -> k.key.equals(name)).findFirst().orElse(null);
                if (kind == null) {
                    problems.add(new Problem(where, "unknown kind of item; the kinds are "
                            + Arrays.stream(Kind.values()).map(Kind::key).collect(Collectors.joining(", "))));
                    return;
                }
                Integer n = rank(where, raw, problems);
                if (n != null) {
                    defaults.put(kind, n);
                }
            } else {
                problems.add(new Problem(where, "unknown key; the keys about next are " + KEYS));
            }
        });
        return new NextRanking(ranks, stageRanks, covers, defaults);
    }

    private static boolean code(String where, String code, List<Problem> problems) {
        if (CODE.matcher(code).matches()) {
            return true;
        }
        problems.add(new Problem(where, "\"" + code + "\" is not a code: codes are upper case with underscores, "
                + "such as CALLS_CUSTOMER_LIAR"));
        return false;
    }

    private static Integer rank(String where, String raw, List<Problem> problems) {
        try {
            int n = Integer.parseInt(raw);
            if (n >= 0 && n <= MAX_RANK) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(where, "\"" + raw + "\" is not a rank: expected a whole number from 0 (never in "
                + "next) to " + MAX_RANK + " (first)"));
        return null;
    }

    private static Stage stage(String name) {
        for (Stage s : Stage.values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
