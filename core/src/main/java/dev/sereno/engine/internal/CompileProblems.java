package dev.sereno.engine.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private CompileProblems() {
    }

    /**
     * @param authorPaths where each file was placed for the compiler (by its package) → the path the author knows
     */
    static List<String> describe(Map<String, String> drl, Map<String, String> authorPaths, List<Message> errors) {
        Map<String, String> generatedSources = new java.util.HashMap<>();
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
            String placed = m.getPath() == null ? "" : m.getPath().replaceFirst("^" + RESOURCES, "");
            String path = authorPaths.getOrDefault(placed, placed);
            text = text.replaceFirst("^\\[ERR \\d+\\] Line \\d+:\\d+ ", "");
            if (drl.containsKey(path) && m.getLine() > 0) {
                out.add(path + ":" + m.getLine() + ":" + (m.getColumn() + 1) + ": " + text);
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

    /** A condition error names the word it could not understand: find that word in the file's code. */
    private static String locateName(String file, String drl, String message) {
        Matcher m = NAMED.matcher(message);
        String name = null;
        while (m.find()) {
            name = m.group(1);
        }
        if (name != null) {
            DrlText text = new DrlText(drl);
            Matcher at = Pattern.compile("(?<![\\w.$])" + Pattern.quote(name) + "(?![\\w$])").matcher(text.code);
            if (at.find()) {
                return text.position(file, at.start()) + ": " + message;
            }
        }
        return file + ": " + message;
    }

    /** A consequence error points into generated Java: find the same statement in the DRL's consequences. */
    private static String locateStatement(Map<String, String> drl, String generated, int line, int column, String message) {
        if (generated != null && line > 0) {
            String[] lines = generated.split("\\n", -1);
            if (line <= lines.length) {
                String src = lines[line - 1];
                // the compiler's column is not always within the line; then the whole line is the statement
                int col = column > 0 && column < src.length() ? column : -1;
                String statement = col < 0 ? src.strip() : enclosingStatement(src, col);
                for (String candidate : List.of(statement, statement.replaceFirst("^drools\\.", ""),
                        statement.replaceFirst("^drools\\.", "").replaceFirst(";$", ""))) {
                    String wanted = squash(candidate);
                    if (wanted.isEmpty()) {
                        continue;
                    }
                    for (Map.Entry<String, String> e : drl.entrySet()) {
                        int at = indexIgnoringSpaces(e.getValue(), wanted);
                        if (at >= 0) {
                            return new DrlText(e.getValue()).position(e.getKey(), at) + ": " + message;
                        }
                    }
                }
            }
        }
        return "in a rule consequence: " + message;
    }

    private static String enclosingStatement(String src, int col) {
        int start = Math.max(Math.max(src.lastIndexOf(';', col - 1), src.lastIndexOf('{', col - 1)), src.lastIndexOf('}', col - 1)) + 1;
        int end = src.indexOf(';', col);
        return src.substring(start, end < 0 ? src.length() : end + 1).strip();
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** Offset in {@code text} where {@code squashed} (whitespace removed) starts, ignoring whitespace in text. */
    private static int indexIgnoringSpaces(String text, String squashed) {
        StringBuilder sb = new StringBuilder();
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                sb.append(text.charAt(i));
                offsets.add(i);
            }
        }
        int at = sb.indexOf(squashed);
        return at < 0 ? -1 : offsets.get(at);
    }
}
