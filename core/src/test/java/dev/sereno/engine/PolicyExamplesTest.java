package dev.sereno.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Warning;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A policy's own examples ({@code examples/xx.examples}): read with the policy, learned on first need, read inline
 * with the policy's lists' exceptions, turned off by {@code examples-reader=off}; a bad line is a problem of the
 * policy, named by file and line.
 */
class PolicyExamplesTest {
    private static final String RULES = """
            package dev.sereno.rules;
            import dev.sereno.policy.Finding;
            import dev.sereno.policy.Warn;
            import dev.sereno.advice.Severity;
            rule "Never insult"
                @guidance("G08")
            when
                $f : Finding( kind == "INSULTS_CUSTOMER", source == "examples" )
            then
                insert(new Warn("INSULTS_CUSTOMER", Severity.BLOCKING, $f));
            end
            """;
    private static final String EXAMPLES = """
            # a potato is an insult in this house
            INSULTS_CUSTOMER: You are a potato.
            INSULTS_CUSTOMER: What a potato you are.
            INSULTS_CUSTOMER: Only a potato would do that.
            INSULTS_CUSTOMER: Listen, potato, read the label.
            INSULTS_CUSTOMER: Stop being such a potato about it.
            INSULTS_CUSTOMER: You absolute potato.
            INSULTS_CUSTOMER: Potato. That is what you are.
            INSULTS_CUSTOMER: Are you a potato or what?
            INSULTS_CUSTOMER: Dear potato, the parcel arrived.
            INSULTS_CUSTOMER: Typical potato behaviour.
            GOOD: Thank you for your patience.
            GOOD: The parcel arrived this morning.
            GOOD: I will call you tomorrow at ten.
            GOOD: Your refund is on its way.
            GOOD: I am sorry for the wait.
            GOOD: Let me check the label for you.
            GOOD: The order was sent yesterday.
            GOOD: We have changed the delivery date.
            GOOD: I understand how annoying this is.
            GOOD: Please keep the receipt.
            """;

    private static Map<String, String> policy(String... more) {
        Map<String, String> files = new HashMap<>(Map.of("r.drl", RULES, "examples/en.examples", EXAMPLES));
        for (int i = 0; i < more.length; i += 2) {
            files.put(more[i], more[i + 1]);
        }
        return files;
    }

    private static Advice advise(Advisor advisor, String draft) {
        Situation s = Situation.builder().now(Instant.parse("2026-11-23T10:00:00Z")).locale(Language.EN)
                .customer(Customer.of("C-1")).agent(Agent.of("A-1")).complaint(Complaint.builder("K-1").build())
                .draftReply(draft).build();
        return advisor.advise(s);
    }

    @Test
    void aPolicysExamplesAreLearnedOnFirstNeedAndRead() {
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(policy())).build();
             Advisor both = Advisor.builder().rules(RuleSource.files(policy("examples/es.examples",
                     EXAMPLES.replace("potato", "patata")))).build()) {
            assertThat(advisor.policy().hasExamples(Language.EN)).isTrue();
            assertThat(advisor.policy().hasExamples(Language.ES)).isFalse();
            assertThat(advisor.policy().examplesLearned(Language.EN)).isFalse();
            assertThat(advise(advisor, "Honestly, you potato.").warnings()).extracting(Warning::code)
                    .containsExactly("INSULTS_CUSTOMER");
            assertThat(advisor.policy().examplesLearned(Language.EN)).isTrue();
            // a language is learned when a draft in it is read, not before
            advise(both, "Honestly, you potato.");
            assertThat(both.policy().examplesLearned(Language.EN)).isTrue();
            assertThat(both.policy().hasExamples(Language.ES)).isTrue();
            assertThat(both.policy().examplesLearned(Language.ES)).isFalse();
            assertThat(advise(advisor, "The parcel arrived this morning.").warnings()).isEmpty();
        }
    }

    @Test
    void examplesReaderOffOrTheBuilderTurnItOff() {
        try (Advisor off = Advisor.builder().rules(RuleSource.files(policy("policy.properties", "examples-reader=off\n")))
                .build()) {
            assertThat(advise(off, "Honestly, you potato.").warnings()).isEmpty();
            assertThat(off.policy().examplesLearned(Language.EN)).isFalse();
        }
        try (Advisor off = Advisor.builder().rules(RuleSource.files(policy())).examplesReader(false).build()) {
            assertThat(advise(off, "Honestly, you potato.").warnings()).isEmpty();
        }
        try (Advisor on = Advisor.builder().rules(RuleSource.files(policy("policy.properties", "examples-reader=off\n")))
                .examplesReader(true).build()) {
            assertThat(advise(on, "Honestly, you potato.").warnings()).extracting(Warning::code)
                    .containsExactly("INSULTS_CUSTOMER");
        }
    }

    @Test
    void theListsExceptionsForTheKindApplyToWhatTheModelFinds() {
        String draft = "Honestly, you small potato.";
        try (Advisor plain = Advisor.builder().rules(RuleSource.files(policy())).build();
             Advisor excepted = Advisor.builder().rules(RuleSource.files(policy("phrases/en.phrases", """
                     [INSULTS_CUSTOMER]
                     you are a potato
                     [INSULTS_CUSTOMER unless]
                     small potato
                     """))).build()) {
            assertThat(advise(plain, draft).warnings()).extracting(Warning::code).containsExactly("INSULTS_CUSTOMER");
            assertThat(advise(excepted, draft).warnings()).isEmpty();
            // and a kind the lists found in the sentence is theirs alone: the rule reads only the examples' findings
            assertThat(advise(excepted, "You are a potato.").warnings()).isEmpty();
        }
    }

    @Test
    void aBadExampleLineIsAProblemOfThePolicy() {
        assertThatThrownBy(() -> Advisor.builder().rules(RuleSource.files(policy("examples/en.examples",
                "GOOD: Fine.\nBlame: you did it\n"))).build())
                .isInstanceOfSatisfying(RulesInvalidException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("examples/en.examples:2")));
    }
}
