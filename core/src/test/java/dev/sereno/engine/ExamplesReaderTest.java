package dev.sereno.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.advice.Warning;
import dev.sereno.policy.Finding;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import dev.sereno.text.ExampleModelTest;
import dev.sereno.text.LexiconFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples reader through the seam for a host's reader: its findings reach the rules as the lists' would. */
class ExamplesReaderTest {
    private static final String RULES = """
            package dev.sereno.rules;
            import dev.sereno.advice.Severity;
            import dev.sereno.policy.Finding;
            import dev.sereno.policy.Warn;

            rule "Never blame the customer"
                @guidance("G22")
            when
                $f : Finding( kind == "BLAMES_CUSTOMER" )
            then
                insert(new Warn("BLAMES_CUSTOMER", Severity.BLOCKING, $f));
            end
            """;

    private static Situation situation(String draft) {
        return Situation.builder().now(Instant.parse("2026-11-23T10:00:00Z")).locale(Language.EN)
                .customer(Customer.of("C-1")).agent(Agent.of("A-1")).complaint(Complaint.builder("K-1").build())
                .draftReply(draft).build();
    }

    private static ExamplesReader reader() {
        return ExamplesReader.of(Map.of(Language.EN, ExampleModelTest.examples()),
                Map.of(Language.EN, ExampleModelTest.lexicon()), ExampleModelTest.STRICT);
    }

    @Test
    void itsFindingReachesTheRulesWithTheSentenceAndItsSource() {
        String draft = "Hello Ann. You should have read the email before paying. Kind regards.";
        ExamplesReader reader = reader();
        assertThat(reader.read(draft, Language.EN)).containsExactly(new Finding("BLAMES_CUSTOMER",
                "You should have read the email before paying", 11, 55, "examples"));
        assertThat(reader.read(draft, Language.ES)).isEmpty();
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(Map.of("blame.drl", RULES)))
                .reader(reader, Duration.ofSeconds(5)).build()) {
            assertThat(advisor.advise(situation(draft)).warnings()).extracting(Warning::code, Warning::blocking, Warning::span)
                    .containsExactly(Tuple.tuple("BLAMES_CUSTOMER", true, "You should have read the email before paying"));
            assertThat(advisor.advise(situation("We should have read your email before charging you. I am sorry."))
                    .warnings()).isEmpty();
        }
    }

    @Test
    void explainSaysWhichWordsWeighed() {
        assertThat(reader().explain("You should have read the email before paying.", Language.EN))
                .singleElement().satisfies(h -> {
                    assertThat(h.kind()).isEqualTo("BLAMES_CUSTOMER");
                    assertThat(h.score()).isBetween(0.0, 1.0);
                    assertThat(h.why()).isNotEmpty();
                });
    }

    @Test
    void aPolicyFoldersExamplesAreLearnedAndABadLineNamesItsFileAndLine(@TempDir Path folder) throws Exception {
        Path examples = Files.createDirectories(folder.resolve("examples"));
        Files.writeString(examples.resolve("en.examples"), ExampleModelTest.EXAMPLES);
        assertThat(ExamplesReader.bundledWith(folder).read("You should have checked the email before paying.", Language.EN))
                .extracting(Finding::kind, Finding::source).containsExactly(Tuple.tuple("BLAMES_CUSTOMER", "examples"));

        Files.writeString(examples.resolve("en.examples"), "GOOD: Thank you.\nBlame: you did it\n");
        assertThatThrownBy(() -> ExamplesReader.bundledWith(folder)).isInstanceOf(LexiconFormatException.class)
                .hasMessageContaining(examples.resolve("en.examples") + ":2: \"Blame\" is not a kind");
    }
}
