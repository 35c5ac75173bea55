package dev.sereno.engine.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;

/**
 * Turns the compiler's messages into {@code file:line:col: message} in the DRL the author wrote. The executable
 * model reports errors in conditions without a line and errors in consequences inside generated Java; both are
 * traced back to the DRL: the offending name is looked up in the rule text, and the generated statement is looked
 * up in the consequences.
 */
final class CompileProblems {
    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern JAVA_SOURCE = Pattern.compile("Java source of (\\S+) in error:\\n", Pattern.DOTALL);
    private static final Pattern NAMED = Pattern.compile("(?:expression|class|property|field|variable|method|type|symbol)\\s*:?\\s*([\\w.$]+)",
            Pattern.CASE_INSENSITIVE);
    // the DRL parser puts the true position in the text; the message's own column is 0
    private static final Pattern PARSER_POSITION = Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+) ");
    // a consequence that is not valid Java: the position counts lines from "then", each line without its indentation
    private static final Pattern CONSEQUENCE_POSITION =
            Pattern.compile("^Unable to parse consequence caused by: \\(line (\\d+),\\s*col (\\d+)\\)\\s*");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("(?s)^Unable to parse left part of expression: ([\\w$]+)(?![\\w$.(]).*");
    // a path through a fact (complaint.chanel on a Situation, policy.contactsBeforeIgnore on the thresholds)
    private static final Pattern UNKNOWN_FIELD_ON = Pattern.compile("^Unknown field ([\\w$]+) on class (dev\\.sereno\\.[\\w.$]+)$");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+)\\s*;?");
    private static final Pattern THEN = Pattern.compile("\\bthen\\b");

    private CompileProblems() {
    }

    /**
     * @param authorPaths where each file was placed for the compiler (by its package) → the path the author knows
     */
    static List<String> describe(Map<String, String> drl, Map<String, String> authorPaths, List<Message> errors) {
        Map<String, String> generatedSources = new HashMap<>();
        for (Message m : errors) {
            Matcher js = JAVA_SOURCE.matcher(m.getText());
            if (js.find()) {
                generatedSources.put(js.group(1), m.getText().substring(js.end()));
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (Message m : errors) {
            String text = m.getText().strip();
            if (JAVA_SOURCE.matcher(text).find() || text.startsWith("Parser returned a null Package")) {
                continue;
            }
            // the Java parser appends its own stack trace to the message: an author has no use for it
            text = plain(text.replaceFirst("(?s)\\s*Problem stacktrace\\s*:.*$", ""));
            String placed = m.getPath() == null ? "" : m.getPath().replaceFirst("^" + RESOURCES, "");
            String path = authorPaths.getOrDefault(placed, placed);
            int line = m.getLine();
            int column = m.getColumn() + 1;
            Matcher parser = PARSER_POSITION.matcher(text);
            if (parser.find()) {
                line = Integer.parseInt(parser.group(1));
                column = Integer.parseInt(parser.group(2)) + 1;
                text = text.substring(parser.end());
            }
            Matcher consequence = CONSEQUENCE_POSITION.matcher(text);
            if (drl.containsKey(path) && line > 0 && consequence.find()) {
                out.add(locateInConsequence(path, drl.get(path), line, Integer.parseInt(consequence.group(1)),
                        Integer.parseInt(consequence.group(2)), text.substring(consequence.end())));
            } else if (drl.containsKey(path) && line > 0) {
                out.add(path + ":" + line + ":" + column + ": " + text);
            } else if (drl.containsKey(path)) {
                out.add(locateName(path, drl.get(path), text));
            } else if (path.endsWith(".java")) {
                out.add(locateStatement(drl, generatedSources.get(m.getPath()), m.getLine(), m.getColumn(), text));
            } else {
                out.add((path.isEmpty() ? "" : path + ": ") + text);
            }
        }
        return new ArrayList<>(out);
    }

    private static final Pattern GENERATED = Pattern.compile("PatternDSL|LambdaExtractor|alphaIndexedBy|ConstraintType|Function1");
    private static final Pattern EXPECTED_ONE_OF = Pattern.compile("^Parse error\\. Found (\\S+), expected one of .*$");
    private static final Pattern MISMATCHED = Pattern.compile("^mismatched input '([^']*)'(.*)$");
    private static final Pattern INCOMPATIBLE = Pattern.compile(
            "Comparison operation requires compatible types\\. Found (?:class )?([\\w.$]+) and (?:class )?([\\w.$]+)");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("For input string: \"([^\"]*)\"");

    /**
     * The compiler's words, made into a sentence an owner can act on: no generated classes, no list of Java
     * operators.
     */
    static String plain(String text) {
        if (GENERATED.matcher(text).find()) {
            return "a condition compares a field with a value of another kind; compare each field with a value of its "
                    + "own kind (a number, text in quotes, or a constant such as Channel.SOCIAL)";
        }
        Matcher types = INCOMPATIBLE.matcher(text);
        if (types.find()) {
            return "a condition compares " + kind(types.group(1)) + " with " + kind(types.group(2))
                    + ": compare each field with a value of its own kind";
        }
        Matcher expected = EXPECTED_ONE_OF.matcher(text);
        if (expected.matches()) {
            String found = expected.group(1);
            String list = text.substring(text.indexOf("expected one of"));
            if (list.contains("\";\"") && found.equals("\"}\"")) {
                return "the statement before this point is not finished: add \";\" at the end of it";
            }
            if (list.contains("\")\"")) {
                return "unexpected " + found + " here: a parenthesis is still open; add \")\" before it";
            }
            return "unexpected " + found + " here: the statement before it is incomplete";
        }
        Matcher mismatched = MISMATCHED.matcher(text);
        if (mismatched.matches()) {
            String word = mismatched.group(1);
            return "\"" + word + "\" was not expected here" + mismatched.group(2)
                    + ": check the lines above for a missing \")\", \"then\" or \"end\", or a misspelt keyword";
        }
        return text;
    }

    private static String kind(String javaType) {
        String simple = javaType.substring(javaType.lastIndexOf('.') + 1);
        return switch (simple) {
            case "int", "long", "double", "Integer", "Long", "Double", "BigDecimal" -> "a number";
            case "String" -> "text";
            case "boolean", "Boolean" -> "yes or no";
            case "Duration" -> "a duration";
            case "Instant" -> "a time";
            default -> "a " + simple;
        };
    }

    private static final List<Map.Entry<Pattern, String>> SPANISH = List.of(
            Map.entry(Pattern.compile("^(\\w+) has no field \"([^\"]*)\"; it has (.*)$"),
                    "$1 no tiene el campo \"$2\"; tiene $3"),
            Map.entry(Pattern.compile("^\"([^\"]*)\" was not expected here(.*): check the lines above for a missing \"\\)\", "
                    + "\"then\" or \"end\", or a misspelt keyword$"),
                    "no se esperaba \"$1\" aquí$2: revise las líneas de arriba por si falta \")\", \"then\" o \"end\", o hay "
                            + "una palabra clave mal escrita"),
            Map.entry(Pattern.compile("^the statement before this point is not finished: add \";\" at the end of it$"),
                    "la instrucción anterior no está terminada: añada \";\" al final"),
            Map.entry(Pattern.compile("^unexpected (.*) here: a parenthesis is still open; add \"\\)\" before it$"),
                    "no se esperaba $1 aquí: hay un paréntesis abierto; añada \")\" antes"),
            Map.entry(Pattern.compile("^unexpected (.*) here: the statement before it is incomplete$"),
                    "no se esperaba $1 aquí: la instrucción anterior está incompleta"),
            Map.entry(Pattern.compile("^a condition compares (.*) with (.*): compare each field with a value of its own kind$"),
                    "una condición compara $1 con $2: compare cada campo con un valor de su mismo tipo"),
            Map.entry(Pattern.compile("^a condition compares a field with a value of another kind; .*$"),
                    "una condición compara un campo con un valor de otro tipo; compare cada campo con un valor de su tipo "
                            + "(un número, un texto entre comillas o una constante como Channel.SOCIAL)"),
            Map.entry(Pattern.compile("^(\"[^\"]*\") is text where a number is needed: write a number without quotes$"),
                    "$1 es un texto donde hace falta un número: escriba un número sin comillas"),
            Map.entry(Pattern.compile("^Unable to find class: (\\S+)$"),
                    "no hay ningún hecho llamado $1: revise el nombre y su import"));

    /** The Spanish for a problem this class words, position kept; the problem as it is when there is none. */
    static String spanish(String problem) {
        Matcher at = Pattern.compile("^([^:\\s]+(?::\\d+:\\d+)?): (.*)$", Pattern.DOTALL).matcher(problem);
        String where = at.matches() ? at.group(1) + ": " : "";
        String text = at.matches() ? at.group(2) : problem;
        for (Map.Entry<Pattern, String> e : SPANISH) {
            Matcher m = e.getKey().matcher(text);
            if (m.matches()) {
                return where + m.replaceFirst(e.getValue().replace("\\", "\\\\"));
            }
        }
        return problem;
    }

    /** The compiler stopped on an exception instead of reporting problems: say what can be said about where. */
    static String failure(Map<String, String> drl, RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher number = NOT_A_NUMBER.matcher(message);
        if (number.find()) {
            String literal = "\"" + number.group(1) + "\"";
            for (Map.Entry<String, String> f : drl.entrySet()) {
                int at = f.getValue().indexOf(literal);
                if (at >= 0) {
                    return new DrlText(f.getValue()).position(f.getKey(), at) + ": " + literal
                            + " is text where a number is needed: write a number without quotes";
                }
            }
            return literal + " is text where a number is needed: write a number without quotes";
        }
        if (message.isBlank() || GENERATED.matcher(message).find() || message.contains("dev.sereno.runtime")) {
            return "the rules could not be compiled and the compiler did not say where (" + e.getClass().getSimpleName()
                    + "); check the rule you changed last, or move rules out of the folder until check passes, to "
                    + "find the one";
        }
        return "the rules could not be compiled: " + plain(message);
    }

    /**
     * A condition error names the word it could not understand: find that word in the file's code, outside the
     * imports. The first name of the message that occurs is the one meant ("Unknown field VENTIN on class …Stage").
     */
    private static String locateName(String file, String drl, String message) {
        DrlText text = new DrlText(drl);
        String code = IMPORT.matcher(text.code).replaceAll(m -> " ".repeat(m.group().length()));
        Matcher m = NAMED.matcher(message);
        while (m.find()) {
            String name = m.group(1);
            int at = find(code, name);
            if (at >= 0) {
                return text.position(file, at) + ": " + explain(message, code, at, drl);
            }
        }
        return file + ": " + message;
    }

    /** Offset of {@code name} as a whole word, preferably not as a member of something else; -1 when absent. */
    private static int find(String code, String name) {
        Matcher alone = Pattern.compile("(?<![\\w.$])" + Pattern.quote(name) + "(?![\\w$])").matcher(code);
        if (alone.find()) {
            return alone.start();
        }
        Matcher member = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])").matcher(code);
        return member.find() ? member.start() : -1;
    }

    /** For an unknown field, says which fact it was looked up on and what that fact does have. */
    private static String explain(String message, String code, int at, String drl) {
        Matcher on = UNKNOWN_FIELD_ON.matcher(message);
        if (on.matches()) {
            try {
                Class<?> fact = Class.forName(on.group(2), false, CompileProblems.class.getClassLoader());
                Set<String> fields = fieldsOf(fact);
                if (!fields.isEmpty()) {
                    return fact.getSimpleName() + " has no field \"" + on.group(1) + "\"; it has " + String.join(", ", fields);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not one of the policy's classes after all: the engine's words stand
            }
            return message;
        }
        Matcher unknown = UNKNOWN_FIELD.matcher(message);
        if (!unknown.matches()) {
            return message;
        }
        String type = enclosingPatternType(code, at);
        Class<?> fact = type == null ? null : resolve(type, code, drl);
        if (fact == null) {
            return message;
        }
        Set<String> fields = fieldsOf(fact);
        if (fields.isEmpty() || fields.contains(unknown.group(1))) {
            return message;
        }
        return type + " has no field \"" + unknown.group(1) + "\"; it has " + String.join(", ", fields);
    }

    /** The fact type of the pattern around {@code at}: the name before the innermost unclosed parenthesis. */
    private static String enclosingPatternType(String code, int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            char c = code.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && depth > 0) {
                depth--;
            } else if (c == '(') {
                Matcher name = Pattern.compile("([A-Z][\\w$]*)\\s*$").matcher(code.substring(Math.max(0, i - 200), i));
                return name.find() ? name.group(1) : null;
            }
        }
        return null;
    }

    private static Class<?> resolve(String simpleName, String code, String drl) {
        List<String> candidates = new ArrayList<>();
        Matcher im = IMPORT.matcher(new DrlText(drl).code);
        while (im.find()) {
            String imported = im.group(1);
            if (imported.endsWith("." + simpleName)) {
                candidates.add(imported);
            }
        }
        for (String pkg : List.of("dev.sereno.situation.", "dev.sereno.policy.", "dev.sereno.advice.")) {
            candidates.add(pkg + simpleName);
        }
        for (String name : candidates) {
            try {
                return Class.forName(name, false, CompileProblems.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // not this one: try the next candidate
            }
        }
        return null;
    }

    /** What a pattern can test on a fact: its record components and its public no-argument properties. */
    private static Set<String> fieldsOf(Class<?> type) {
        Set<String> out = new TreeSet<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                out.add(c.getName());
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            Class<?> r = m.getReturnType();
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                    && !m.isSynthetic() && (r == boolean.class || r == int.class)
                    && !List.of("hashCode", "toString").contains(m.getName())) {
                out.add(m.getName());
            }
        }
        return out;
    }

    /**
     * A consequence that does not parse as Java: the parser counts lines from the rule's {@code then} and columns
     * in each line without its indentation.
     */
    private static String locateInConsequence(String file, String drl, int ruleLine, int line, int column, String message) {
        DrlText text = new DrlText(drl);
        Matcher then = THEN.matcher(text.code);
        if (!then.find(text.offsetOfLine(ruleLine))) {
            return file + ":" + ruleLine + ":1: " + message;
        }
        int thenLine = text.line(then.start());
        int target = thenLine + line - 1;
        int from = line == 1 ? then.end() : text.offsetOfLine(target);
        int lineEnd = text.endOfLine(from);
        int first = from;
        while (first < lineEnd && Character.isWhitespace(drl.charAt(first))) {
            first++;
        }
        int offset = Math.min(first + Math.max(column, 1) - 1, lineEnd);
        return text.position(file, offset) + ": " + message;
    }

    /** A consequence error points into generated Java: find the same statement in the DRL's consequences. */
    private static String locateStatement(Map<String, String> drl, String generated, int line, int column, String message) {
        if (generated != null && line > 0) {
            String[] lines = generated.split("\\n", -1);
            if (line <= lines.length) {
                String src = lines[line - 1];
                int col = columnInLine(lines, line - 1, column);
                String statement = col < 0 ? src.strip() : enclosingStatement(src, col);
                // how far into the statement the compiler pointed ("new Recommend(…)" in "insert(new Recommend(…))")
                int into = col < 0 ? 0 : squash(src.substring(src.indexOf(statement), Math.max(col, src.indexOf(statement)))).length();
                for (String prefix : List.of("", "drools.")) {
                    if (!statement.startsWith(prefix)) {
                        continue;
                    }
                    for (String candidate : List.of(statement.substring(prefix.length()),
                            statement.substring(prefix.length()).replaceFirst(";$", ""))) {
                        String wanted = squash(candidate);
                        if (wanted.isEmpty()) {
                            continue;
                        }
                        for (Map.Entry<String, String> e : drl.entrySet()) {
                            int[] at = indexIgnoringSpaces(e.getValue(), wanted, into - prefix.length());
                            if (at != null) {
                                return new DrlText(e.getValue()).position(e.getKey(), at[1]) + ": " + message;
                            }
                        }
                    }
                }
            }
        }
        return "in a rule consequence: " + message;
    }

    /**
     * The compiler's column within the line, or -1. It is sometimes an offset into the whole generated file; then it
     * is brought back into its line.
     */
    private static int columnInLine(String[] lines, int index, int column) {
        if (column < 0) {
            return -1;
        }
        if (column > 0 && column < lines[index].length()) {
            return column;
        }
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            lineStart += lines[i].length() + 1;
        }
        int within = column - lineStart;
        return within >= 0 && within < lines[index].length() ? within : -1;
    }

    private static String enclosingStatement(String src, int col) {
        int start = Math.max(Math.max(src.lastIndexOf(';', col - 1), src.lastIndexOf('{', col - 1)), src.lastIndexOf('}', col - 1)) + 1;
        int end = src.indexOf(';', col);
        return src.substring(start, end < 0 ? src.length() : end + 1).strip();
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    /**
     * Where {@code squashed} (whitespace removed) starts in {@code text}, ignoring whitespace in text, and the offset
     * {@code into} non-space characters further (the start when that is out of range); null when absent.
     */
    private static int[] indexIgnoringSpaces(String text, String squashed, int into) {
        StringBuilder sb = new StringBuilder();
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                sb.append(text.charAt(i));
                offsets.add(i);
            }
        }
        int at = sb.indexOf(squashed);
        if (at < 0) {
            return null;
        }
        int pointed = into > 0 && into < squashed.length() ? at + into : at;
        return new int[] {offsets.get(at), offsets.get(pointed)};
    }
}
