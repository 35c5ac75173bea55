package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.engine.internal.Messages;
import dev.sereno.engine.internal.RuleInfo;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.situation.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules of the rulebook, checked like a linter: every rule cites guidance that exists, every code it
 * inserts has texts in both languages, every rule is exercised by a test, and no DRL uses what the conventions
 * forbid.
 */
class RulebookConventionsTest {
    private static final Path DRL_DIR = Path.of("src/main/resources/dev/sereno/rules");
    private static final Path TESTS = Path.of("src/test");
    private static final Pattern INSERTED = Pattern.compile(
            "new\\s+(Recommend|Warn|Escalate|Schedule|RequestReview)\\s*\\(\\s*(?:EscalationTarget\\.\\w+\\s*,\\s*)?\"([A-Z0-9_]+)\"");

    static Set<String> guidanceIds() throws IOException {
        Matcher m = Pattern.compile("^\\| (G\\d{2}) ", Pattern.MULTILINE).matcher(Files.readString(Path.of("../docs/guidance.md")));
        Set<String> ids = new TreeSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static String allDrl() throws IOException {
        try (Stream<Path> files = Files.list(DRL_DIR)) {
            StringBuilder sb = new StringBuilder();
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                sb.append(Files.readString(p)).append('\n');
            }
            return sb.toString();
        }
    }

    @Test
    void everyRuleCitesGuidanceThatExists() throws IOException {
        Set<String> ids = guidanceIds();
        assertThat(ids).hasSize(56);
        for (RuleInfo rule : DefaultPolicy.ADVISOR.policy().rules().values()) {
            assertThat(rule.guidance()).as("@guidance of rule \"%s\"", rule.name()).isNotEmpty();
            assertThat(ids).as("guidance ids cited by \"%s\"", rule.name()).containsAll(rule.guidance());
        }
    }

    @Test
    void everyInsertedCodeHasItsTextsInBothLanguages() throws IOException {
        Matcher m = INSERTED.matcher(allDrl());
        List<String> missing = new ArrayList<>();
        int codes = 0;
        while (m.find()) {
            codes++;
            String suffix = m.group(1).equals("Schedule") ? ".what" : ".why";
            for (Language l : Language.values()) {
                Messages messages = DefaultPolicy.ADVISOR.policy().messages(l);
                if (!messages.has(m.group(2) + suffix)) {
                    missing.add(l.code() + ": " + m.group(2) + suffix);
                }
            }
        }
        assertThat(codes).isPositive();
        assertThat(missing).as("message keys missing").isEmpty();
    }

    @Test
    void bothLanguagesHaveTheSameMessageKeys() {
        Set<String> es = DefaultPolicy.ADVISOR.policy().messages(Language.ES).keys();
        Set<String> en = DefaultPolicy.ADVISOR.policy().messages(Language.EN).keys();
        assertThat(new TreeSet<>(es)).isEqualTo(new TreeSet<>(en));
    }

    @Test
    void everyRuleIsExercisedByATest() throws IOException {
        String tests;
        try (Stream<Path> files = Files.walk(TESTS)) {
            tests = files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("RulebookConventionsTest.java"))
                    .map(p -> {
                        try {
                            return Files.readString(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).collect(Collectors.joining("\n"));
        }
        List<String> untested = DefaultPolicy.ADVISOR.policy().rules().keySet().stream()
                .filter(name -> !tests.contains("\"" + name + "\"")).toList();
        assertThat(untested).as("rules no test names").isEmpty();
    }

    @Test
    void noRuleUsesWhatTheConventionsForbid() throws IOException {
        String drl = allDrl().replaceAll("//[^\n]*", "");
        assertThat(drl).doesNotContain("salience", "modify(", "modify (", "System.out", "System.err", "eval(",
                "update(", "retract(", "delete(", "no-loop");
        assertThat(drl).as("rules must not read the wall clock").doesNotContain("Instant.now", "LocalDate.now",
                "System.currentTimeMillis", "new Date(");
    }

    @Test
    void rulesAreSentencesAndUnique() {
        assertThat(DefaultPolicy.ADVISOR.policy().rules().keySet())
                .allSatisfy(name -> assertThat(name).matches("[A-Z][^\"]{8,}"));
    }
}
