package dev.sereno.engine.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mistakes a policy owner makes in a DRL file, found before the compiler runs so that each is reported where
 * it is, with the fix, in words an owner can act on (English and Spanish): a rule without {@code end}, a misspelt
 * keyword, a parenthesis left open, a statement without {@code ;}, a binding used before it is bound, a value
 * compared with a field of another type ({@code claim >= 3}, {@code raisedBefore >= "three"},
 * {@code channel == "SOCIAL"}), and an unknown constant ({@code EscalationTarget.TEAM_LEAD}). The compiler's own
 * messages for these name generated Java, or nothing, or the wrong line; and a text field compared with a number
 * compiles into a rule that fires almost everywhere. Internal API.
 */
final class DrlMistakes {
    /** One mistake: where it is and what to do, in English and in Spanish. */
    record Mistake(String file, int line, int column, String en, String es) {
        String english() {
            return file + ":" + line + ":" + column + ": " + en;
        }

        String spanish() {
            return file + ":" + line + ":" + column + ": " + es;
        }
    }

    private static final List<String> PACKAGES = List.of("dev.sereno.situation.", "dev.sereno.policy.", "dev.sereno.advice.");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+)\\s*;?");
    private static final Pattern WORD_LINE = Pattern.compile("(?m)^[ \\t]*([A-Za-z]+)[ \\t]*$");
    private static final Pattern RULE_LINE = Pattern.compile("(?m)^[ \\t]*([A-Za-z]+)[ \\t]+\"");
    private static final Pattern KEYWORD_LINE = Pattern.compile("(?m)^[ \\t]*(rule|when|then|end)\\b");
    private static final Pattern CONSTANT = Pattern.compile("(?<![\\w.$])([A-Z]\\w*)\\.([A-Z][A-Z0-9_]*)(?![\\w(])");
    private static final Pattern PATTERN_START = Pattern.compile("(?<![\\w.$])([A-Z]\\w*)\\s*\\(");
    // a field of the pattern's fact, or a path through it (complaint.raisedBefore on a Situation)
    private static final Pattern COMPARISON = Pattern.compile("^\\s*([a-z]\\w*(?:\\s*\\.\\s*[a-z]\\w*)*)\\s*(==|!=|>=|<=|>|<)\\s*(.+?)\\s*$", Pattern.DOTALL);
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*([a-z]\\w*(?:\\s*\\.\\s*[a-z]\\w*)*)\\s*(=)(?!=)\\s*(.+?)\\s*$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern BINDING = Pattern.compile("\\$(\\w+)\\s*:(?!:)");
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)");
    /** Words that may stand alone on a line of a rule and are not misspelt keywords. */
    private static final Set<String> LONE_WORDS = Set.of("and", "or", "not", "exists", "forall", "eval", "from",
            "over", "in", "collect", "accumulate", "entry", "null", "true", "false", "new", "return", "else", "do");

    private DrlMistakes() {
    }

    static List<Mistake> find(String file, String drl) {
        DrlText text = new DrlText(drl);
        List<Mistake> out = new ArrayList<>();
        misspeltKeywords(file, text, out);
        if (!out.isEmpty()) {
            return out; // the rule structure below depends on the keywords
        }
        List<Rule> rules = rules(file, text, out);
        Map<String, Class<?>> types = imports(text);
        constants(file, text, types, out);
        for (Rule r : rules) {
            parentheses(file, text, r, out);
            semicolons(file, text, r, out);
            bindings(file, text, r, out);
            comparisons(file, text, r, types, out);
        }
        out.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
        return out;
    }

    /** A rule's parts as offsets into the file: [start of "rule", "when", "then", "end"), -1 when missing. */
    private record Rule(String name, int start, int when, int then, int end) {
    }

    private static Mistake at(String file, DrlText text, int offset, String en, String es) {
        return new Mistake(file, text.line(offset), text.column(offset), en, es);
    }

    private static void misspeltKeywords(String file, DrlText text, List<Mistake> out) {
        Matcher m = WORD_LINE.matcher(text.code);
        while (m.find()) {
            String word = m.group(1);
            String lower = word.toLowerCase(Locale.ROOT);
            if (LONE_WORDS.contains(lower) || List.of("when", "then", "end").contains(word)) {
                continue;
            }
            for (String keyword : List.of("when", "then", "end")) {
                if (!word.equals(keyword) && (lower.equals(keyword) || Typos.distance(lower, keyword) <= 1 && word.length() >= 3)) {
                    out.add(at(file, text, m.start(1), "\"" + word + "\" is not a keyword: did you mean \"" + keyword + "\"?",
                            "\"" + word + "\" no es una palabra clave: ¿quería decir \"" + keyword + "\"?"));
                    break;
                }
            }
        }
        Matcher r = RULE_LINE.matcher(text.code);
        while (r.find()) {
            String word = r.group(1);
            if (!word.equals("rule") && Typos.distance(word.toLowerCase(Locale.ROOT), "rule") <= 2) {
                out.add(at(file, text, r.start(1), "\"" + word + "\" is not a keyword: did you mean \"rule\"?",
                        "\"" + word + "\" no es una palabra clave: ¿quería decir \"rule\"?"));
            }
        }
    }

    /** Splits the file into rules; a rule that reaches the next one (or the end of the file) without "end" is a mistake. */
    private static List<Rule> rules(String file, DrlText text, List<Mistake> out) {
        List<int[]> keywords = new ArrayList<>(); // offset, kind (0 rule, 1 when, 2 then, 3 end)
        Matcher k = KEYWORD_LINE.matcher(text.code);
        while (k.find()) {
            keywords.add(new int[] {k.start(1), List.of("rule", "when", "then", "end").indexOf(k.group(1))});
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < keywords.size(); i++) {
            if (keywords.get(i)[1] != 0) {
                continue;
            }
            int start = keywords.get(i)[0];
            int when = -1;
            int then = -1;
            int end = -1;
            int j = i + 1;
            for (; j < keywords.size() && keywords.get(j)[1] != 0; j++) {
                int[] kw = keywords.get(j);
                if (kw[1] == 1 && when < 0) {
                    when = kw[0];
                } else if (kw[1] == 2 && then < 0) {
                    then = kw[0];
                } else if (kw[1] == 3) {
                    end = kw[0];
                    break;
                }
            }
            String name = ruleName(text, start);
            int limit = j < keywords.size() ? keywords.get(j)[0] : text.code.length();
            if (end < 0) {
                int lastLine = lastCodeLine(text, start, limit);
                out.add(at(file, text, start, "rule " + name + " has no \"end\": add \"end\" after line " + lastLine,
                        "a la regla " + name + " le falta \"end\": añada \"end\" después de la línea " + lastLine));
                continue;
            }
            if (when < 0 || then < 0) {
                String missing = when < 0 ? "when" : "then";
                out.add(at(file, text, start, "rule " + name + " has no \"" + missing + "\": a rule reads rule \"name\", "
                                + "@guidance(…), when, its conditions, then, what it inserts, end",
                        "a la regla " + name + " le falta \"" + missing + "\": una regla se escribe rule \"nombre\", "
                                + "@guidance(…), when, sus condiciones, then, lo que inserta, end"));
                continue;
            }
            rules.add(new Rule(name, start, when, then, end));
        }
        return rules;
    }

    private static String ruleName(DrlText text, int start) {
        Matcher m = Pattern.compile("rule\\s+(\"[^\"\\n]*\"|'[^'\\n]*'|[\\w$]+)").matcher(text.original).region(start, text.original.length());
        return m.lookingAt() ? m.group(1) : "at line " + text.line(start);
    }

    /** The last line before {@code limit} (exclusive) with code on it, at or after {@code from}. */
    private static int lastCodeLine(DrlText text, int from, int limit) {
        int i = Math.min(limit, text.code.length()) - 1;
        while (i > from && Character.isWhitespace(text.code.charAt(i))) {
            i--;
        }
        return text.line(i);
    }

    private static void parentheses(String file, DrlText text, Rule r, List<Mistake> out) {
        unclosed(file, text, r.when() + 4, r.then(), out);
        unclosed(file, text, r.then() + 4, r.end(), out);
    }

    /** Each "(" without its ")" in [from, to), and each ")" without its "(". */
    private static void unclosed(String file, DrlText text, int from, int to, List<Mistake> out) {
        List<Integer> open = new ArrayList<>();
        for (int i = from; i < to; i++) {
            char c = text.code.charAt(i);
            if (c == '(') {
                open.add(i);
            } else if (c == ')') {
                if (open.isEmpty()) {
                    out.add(at(file, text, i, "this \")\" closes nothing: remove it, or add the \"(\" it closes",
                            "este \")\" no cierra nada: quítelo, o añada el \"(\" que cierra"));
                    return;
                }
                open.remove(open.size() - 1);
            }
        }
        if (!open.isEmpty()) {
            int o = open.get(0);
            int line = lastCodeLineOfGroup(text, o, to);
            String lineText = text.code.substring(text.offsetOfLine(line), text.endOfLine(text.offsetOfLine(line))).strip();
            boolean statement = lineText.endsWith(";");
            out.add(at(file, text, o, "this \"(\" is never closed: add \")\" " + (statement ? "before the \";\" at" : "at")
                            + " the end of line " + line,
                    "este \"(\" no se cierra nunca: añada \")\" " + (statement ? "antes del \";\" " : "") + "al final de la línea "
                            + line));
        }
    }

    /** The line where a group opened at {@code open} most likely ends: the last line with code before {@code to}. */
    private static int lastCodeLineOfGroup(DrlText text, int open, int to) {
        return lastCodeLine(text, open, to);
    }

    /** In the consequence, a statement whose line ends at depth 0 without ";" and is followed by a new statement. */
    private static void semicolons(String file, DrlText text, Rule r, List<Mistake> out) {
        int from = text.endOfLine(r.then()) + 1;
        int depth = 0;
        int lastCode = -1; // offset of the last code character of the current statement
        for (int i = from; i < r.end(); i++) {
            char c = text.code.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            }
            if (c == '\n' || i == r.end() - 1) {
                if (depth == 0 && lastCode >= 0) {
                    char last = text.code.charAt(lastCode);
                    int next = nextCode(text, i + 1, r.end());
                    boolean continues = next >= 0 && ".+-*/&|?:){".indexOf(text.code.charAt(next)) >= 0;
                    if (last == ')' && !continues) {
                        out.add(at(file, text, lastCode + 1, "the statement is not finished: add \";\" at the end of line "
                                        + text.line(lastCode),
                                "la instrucción no está terminada: añada \";\" al final de la línea " + text.line(lastCode)));
                        return;
                    }
                }
                if (depth == 0) {
                    lastCode = -1;
                }
            } else if (!Character.isWhitespace(c)) {
                lastCode = i;
            }
        }
    }

    private static int nextCode(DrlText text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.code.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** A $variable used in a condition before the pattern that binds it, or never bound at all. */
    private static void bindings(String file, DrlText text, Rule r, List<Mistake> out) {
        Map<String, Integer> boundAt = new HashMap<>();
        Matcher b = BINDING.matcher(text.code).region(r.when(), r.then());
        while (b.find()) {
            boundAt.putIfAbsent(b.group(1), b.start());
        }
        Set<String> reported = new java.util.HashSet<>();
        Matcher v = VARIABLE.matcher(text.code).region(r.when(), r.end());
        while (v.find()) {
            String name = v.group(1);
            Integer bound = boundAt.get(name);
            boolean isBinding = bound != null && bound == v.start();
            if (isBinding || reported.contains(name)) {
                continue;
            }
            if (bound == null) {
                reported.add(name);
                out.add(at(file, text, v.start(), "$" + name + " is used but never bound: bind it in a condition above, "
                                + "as $" + name + " : field",
                        "$" + name + " se usa pero no se asigna nunca: asígnela en una condición anterior, como $" + name
                                + " : campo"));
            } else if (v.start() < bound && !sameConstraintGroup(text, v.start(), bound)) {
                reported.add(name);
                int line = text.line(bound);
                out.add(at(file, text, v.start(), "$" + name + " is used before it is bound (line " + line + "): move the "
                                + "line that binds it above this one",
                        "$" + name + " se usa antes de asignarse (línea " + line + "): suba la línea que la asigna por "
                                + "encima de esta"));
            }
        }
    }

    /** Whether two offsets are inside the same pattern's brackets (a binding may follow its use there). */
    private static boolean sameConstraintGroup(DrlText text, int a, int b) {
        int depth = 0;
        for (int i = a; i < b; i++) {
            char c = text.code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every Type.CONSTANT where Type is one of the policy's enums, checked against its constants. */
    private static void constants(String file, DrlText text, Map<String, Class<?>> types, List<Mistake> out) {
        String code = IMPORT.matcher(text.code).replaceAll(m -> " ".repeat(m.group().length()));
        Matcher m = CONSTANT.matcher(code);
        while (m.find()) {
            Class<?> type = types.get(m.group(1));
            if (type == null || !type.isEnum()) {
                continue;
            }
            List<String> names = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            if (!names.contains(m.group(2))) {
                String valid = m.group(1) + "." + String.join(", " + m.group(1) + ".", names);
                out.add(at(file, text, m.start(2), m.group(1) + "." + m.group(2) + " does not exist; use one of " + valid,
                        m.group(1) + "." + m.group(2) + " no existe; use uno de " + valid));
            }
        }
    }

    /** Each "field op value" in a pattern of the conditions, checked against the field's type. */
    private static void comparisons(String file, DrlText text, Rule r, Map<String, Class<?>> types, List<Mistake> out) {
        Matcher p = PATTERN_START.matcher(text.code).region(r.when(), r.then());
        while (p.find()) {
            Class<?> fact = types.get(p.group(1));
            if (fact == null || fact.isEnum()) {
                continue;
            }
            int open = p.end() - 1;
            int close = matching(text.code, open, r.then());
            if (close < 0) {
                continue;
            }
            int start = open + 1;
            int depth = 0;
            for (int i = open + 1; i <= close; i++) {
                char c = text.code.charAt(i);
                boolean separator = depth == 0 && (i == close || c == ','
                        || (c == '&' || c == '|') && i + 1 < close && text.code.charAt(i + 1) == c);
                if (separator) {
                    comparison(file, text, fact, types, start, i, out);
                    start = c == ',' || i == close ? i + 1 : i + 2;
                    if (c != ',' && i != close) {
                        i++;
                    }
                } else if (c == '(' || c == '[') {
                    depth++;
                } else if (c == ')' || c == ']') {
                    depth--;
                }
            }
        }
    }

    private static int matching(String code, int open, int limit) {
        int depth = 0;
        for (int i = open; i < limit; i++) {
            if (code.charAt(i) == '(') {
                depth++;
            } else if (code.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static void comparison(String file, DrlText text, Class<?> fact, Map<String, Class<?>> types, int from, int to,
                                   List<Mistake> out) {
        String code = text.code.substring(from, to);
        Matcher assign = ASSIGNMENT.matcher(code);
        if (assign.matches() && fieldType(fact, assign.group(1)) != null) {
            out.add(at(file, text, from + assign.start(2), "\"=\" sets a value, and a condition only compares: write \"==\"",
                    "\"=\" asigna un valor, y una condición solo compara: escriba \"==\""));
            return;
        }
        Matcher c = COMPARISON.matcher(code);
        if (!c.matches()) {
            return;
        }
        Class<?> fieldType = fieldType(fact, c.group(1));
        if (fieldType == null) {
            return; // an unknown field: the compiler says which fields the fact has
        }
        String field = c.group(1).replaceAll("\\s+", "");
        int valueAt = from + c.start(3);
        String value = text.original.substring(valueAt, from + c.end(3));
        String fieldKind = kind(fieldType);
        String valueKind;
        Class<?> valueEnum = null;
        if (value.startsWith("\"") || value.startsWith("'")) {
            valueKind = "text";
        } else if (NUMBER.matcher(value).matches()) {
            valueKind = "number";
        } else {
            Matcher constant = Pattern.compile("([A-Z]\\w*)\\.([A-Z][A-Z0-9_]*)").matcher(value);
            if (!constant.matches() || types.get(constant.group(1)) == null || !types.get(constant.group(1)).isEnum()) {
                return; // a variable, a call or an expression: left to the compiler
            }
            valueEnum = types.get(constant.group(1));
            valueKind = "enum";
        }
        String fieldEn = describeEn(fieldType);
        String fieldEs = describeEs(fieldType);
        if (fieldKind.equals("enum") && valueKind.equals("text")) {
            String wanted = value.substring(1, value.length() - 1).strip();
            List<String> names = Arrays.stream(fieldType.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            String simple = fieldType.getSimpleName();
            String fix = names.contains(wanted) ? "write " + simple + "." + wanted + " without quotes"
                    : "use one of " + simple + "." + String.join(", " + simple + ".", names);
            String fixEs = names.contains(wanted) ? "escriba " + simple + "." + wanted + " sin comillas"
                    : "use uno de " + simple + "." + String.join(", " + simple + ".", names);
            out.add(at(file, text, valueAt, field + " is " + fieldEn + ", not text: " + fix,
                    field + " es " + fieldEs + ", no un texto: " + fixEs));
        } else if (fieldKind.equals("enum") && valueKind.equals("enum") && valueEnum != fieldType) {
            out.add(at(file, text, valueAt, field + " is " + fieldEn + "; " + value + " is " + describeEn(valueEnum)
                            + ": compare it with one of " + fieldType.getSimpleName() + "."
                            + String.join(", " + fieldType.getSimpleName() + ".", constantNames(fieldType)),
                    field + " es " + fieldEs + "; " + value + " es " + describeEs(valueEnum) + ": compárelo con uno de "
                            + fieldType.getSimpleName() + "." + String.join(", " + fieldType.getSimpleName() + ".",
                            constantNames(fieldType))));
        } else if (!fieldKind.equals("enum") && !fieldKind.equals("other") && !fieldKind.equals(valueKind)) {
            String en = field + " is " + fieldEn + "; " + value + " is " + (valueKind.equals("enum") ? describeEn(valueEnum)
                    : valueKind.equals("text") ? "text" : "a number") + ": ";
            String es = field + " es " + fieldEs + "; " + value + " es " + (valueKind.equals("enum") ? describeEs(valueEnum)
                    : valueKind.equals("text") ? "un texto" : "un número") + ": ";
            switch (fieldKind) {
                case "number" -> {
                    en += "compare it with a number (" + field + " >= 3) or a threshold of the policy (policy.…)";
                    es += "compárelo con un número (" + field + " >= 3) o con un umbral de la política (policy.…)";
                }
                case "text" -> {
                    en += "compare it with text in quotes (" + field + " == \"…\"), or use a field that holds a number";
                    es += "compárelo con un texto entre comillas (" + field + " == \"…\"), o use un campo que tenga un número";
                }
                case "boolean" -> {
                    en += "write the field alone (" + field + ") for yes, or !" + field + " for no";
                    es += "escriba el campo solo (" + field + ") para sí, o !" + field + " para no";
                }
                default -> {
                    en += "compare it with a value of the same kind";
                    es += "compárelo con un valor del mismo tipo";
                }
            }
            out.add(at(file, text, valueAt, en, es));
        }
    }

    private static List<String> constantNames(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
    }

    private static String kind(Class<?> t) {
        if (t == String.class || CharSequence.class.isAssignableFrom(t)) {
            return "text";
        }
        if (t == int.class || t == long.class || t == double.class || t == Integer.class || t == Long.class
                || t == Double.class || t == BigDecimal.class) {
            return "number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "boolean";
        }
        return t.isEnum() ? "enum" : "other";
    }

    private static String describeEn(Class<?> t) {
        return switch (kind(t)) {
            case "text" -> "text";
            case "number" -> "a number";
            case "boolean" -> "yes or no";
            case "enum" -> "a " + t.getSimpleName() + " (" + String.join(", ", constantNames(t)) + ")";
            default -> "a " + t.getSimpleName();
        };
    }

    private static String describeEs(Class<?> t) {
        return switch (kind(t)) {
            case "text" -> "un texto";
            case "number" -> "un número";
            case "boolean" -> "sí o no";
            case "enum" -> "un " + t.getSimpleName() + " (" + String.join(", ", constantNames(t)) + ")";
            default -> "un " + t.getSimpleName();
        };
    }

    /**
     * The type of what a pattern reads as {@code path} on {@code fact}: a record component or a public accessor, or a
     * path of them ({@code complaint.raisedBefore}); null when some step is unknown.
     */
    private static Class<?> fieldType(Class<?> fact, String path) {
        Class<?> type = fact;
        for (String step : path.replaceAll("\\s+", "").split("\\.")) {
            type = type == null ? null : stepType(type, step);
        }
        return type;
    }

    private static Class<?> stepType(Class<?> fact, String name) {
        if (fact.isRecord()) {
            for (RecordComponent c : fact.getRecordComponents()) {
                if (c.getName().equals(name)) {
                    return c.getType();
                }
            }
        }
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String accessor : List.of(name, "get" + cap, "is" + cap)) {
            try {
                Method m = fact.getMethod(accessor);
                if (!Modifier.isStatic(m.getModifiers())) {
                    return m.getReturnType();
                }
            } catch (NoSuchMethodException e) {
                // try the next way of naming it
            }
        }
        return null;
    }

    /** Simple name → class, for the file's imports within the policy's vocabulary (nothing else is loaded). */
    private static Map<String, Class<?>> imports(DrlText text) {
        Map<String, Class<?>> out = new HashMap<>();
        Matcher m = IMPORT.matcher(text.code);
        while (m.find()) {
            String name = m.group(1);
            if (PACKAGES.stream().noneMatch(name::startsWith)) {
                continue;
            }
            try {
                Class<?> c = Class.forName(name, false, DrlMistakes.class.getClassLoader());
                out.put(c.getSimpleName(), c);
            } catch (ClassNotFoundException | LinkageError e) {
                // an unknown import: the compiler reports it
            }
        }
        return out;
    }
}
