package dev.sereno.cli;

import dev.sereno.advice.Advice;
import dev.sereno.situation.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --explain}: for each item of the advice, the rule that gave it, where that rule is written, and the
 * conditions that held, as written in the rule.
 */
final class Explaining {
    private Explaining() {
    }

    static String render(Advice a, RuleLocations rules, Language lang) {
        boolean es = lang == Language.ES;
        List<String[]> items = new ArrayList<>(); // code, rule(s)
        a.warnings().forEach(w -> items.add(new String[] {w.code(), w.rule()}));
        a.recommendations().forEach(r -> items.add(new String[] {r.action(), r.rule()}));
        a.escalations().forEach(e -> items.add(new String[] {e.code(), e.rule()}));
        a.followUps().forEach(f -> items.add(new String[] {f.code(), f.rule()}));
        a.reviews().forEach(r -> items.add(new String[] {r.kind(), r.rule()}));
        a.records().forEach(r -> items.add(new String[] {r.kind(), r.rule()}));
        StringBuilder sb = new StringBuilder(es ? "POR QUÉ" : "WHY").append('\n');
        for (String[] item : items) {
            for (String rule : item[1].split("; ")) {
                RuleLocations.Location at = rules.of(rule);
                sb.append("  ").append(item[0]).append(es ? " ← regla \"" : " ← rule \"").append(rule).append('"');
                if (at != null) {
                    sb.append(" (").append(at.file()).append(':').append(at.line()).append(")\n")
                            .append(es ? "      porque se cumple:\n" : "      because all of these held:\n");
                    at.conditions().lines().forEach(l -> sb.append("        ").append(l).append('\n'));
                } else {
                    sb.append('\n');
                }
            }
        }
        return sb.toString().stripTrailing();
    }
}
