package dev.sereno.engine.internal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a rule is written in the policy's DRL, and its text from {@code rule} to {@code end}: what a policy page
 * shows beside the advice the rule produced. Internal API.
 *
 * @param file the DRL file's path in the policy layout ({@code records-disagree.drl})
 * @param line 1-based line of the {@code rule} keyword
 */
public record RuleLocation(String file, int line, String source) {
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule\\s+(\"[^\"\\n]*\"|'[^'\\n]*'|\\S+)");
    private static final Pattern END = Pattern.compile("(?m)^[ \\t]*end\\b");

    static Optional<RuleLocation> find(Map<String, String> drlFiles, String name) {
        for (Map.Entry<String, String> file : drlFiles.entrySet()) {
            DrlText text = new DrlText(file.getValue());
            // match on the code (comments blanked) and read the name from the original (string contents blanked)
            Matcher rule = RULE.matcher(text.code);
            while (rule.find()) {
                String written = text.original.substring(rule.start(1), rule.end(1));
                String unquoted = written.startsWith("\"") || written.startsWith("'")
                        ? written.substring(1, written.length() - 1) : written;
                if (!unquoted.equals(name)) {
                    continue;
                }
                int start = text.offsetOfLine(text.line(rule.start()));
                Matcher end = END.matcher(text.code);
                int stop = end.find(rule.end()) ? text.endOfLine(end.start()) : text.original.length();
                return Optional.of(new RuleLocation(file.getKey(), text.line(rule.start()),
                        text.original.substring(start, stop)));
            }
        }
        return Optional.empty();
    }
}
