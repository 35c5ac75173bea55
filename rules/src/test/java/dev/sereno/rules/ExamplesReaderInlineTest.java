package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Severity;
import dev.sereno.advice.Warning;
import dev.sereno.engine.Advisor;
import dev.sereno.policy.PolicyParameters;
import dev.sereno.rules.support.AdviceAssert;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Language;
import dev.sereno.text.ExampleModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The examples reader on by default in the bundled policy, inline in its own reading (issue 11): what it finds that
 * the lists miss is advised on; what the lists' exceptions for the kind cancel, it does not find either; what the
 * lists found in the sentence is not found twice; {@code examples-reader=off} and the builder turn it off. Each
 * near twin first checks that the model alone does flag it, so that the test shows the exceptions at work.
 */
class ExamplesReaderInlineTest {
    /** None of these drafts is in the corpus: written for this test. */
    private static final String EXCUSE_THE_LISTS_MISS = "Our people are run off their feet, give it time.";

    private static Advisor on;
    private static Advisor off;

    @BeforeAll
    static void advisors() {
        on = Advisor.withDefaultRules();
        off = Advisor.builder().examplesReader(false).build();
    }

    @AfterAll
    static void close() {
        on.close();
        off.close();
    }

    @Test
    void theBundledPolicyReadsWithTheExamplesReaderUnlessTurnedOff() {
        Advice advised = on.advise(Given.draft(Language.EN, EXCUSE_THE_LISTS_MISS));
        AdviceAssert.assertThat(advised).warns("MAKES_EXCUSES", Severity.CAUTION,
                EXCUSE_THE_LISTS_MISS.substring(0, EXCUSE_THE_LISTS_MISS.length() - 1));
        AdviceAssert.assertThat(off.advise(Given.draft(Language.EN, EXCUSE_THE_LISTS_MISS))).doesNotWarn("MAKES_EXCUSES");
        try (Advisor byParameter = Advisor.builder()
                .parameters(PolicyParameters.read("examples-reader=off\n")).build()) {
            AdviceAssert.assertThat(byParameter.advise(Given.draft(Language.EN, EXCUSE_THE_LISTS_MISS)))
                    .doesNotWarn("MAKES_EXCUSES");
        }
        // the same call twice, the same advice: the model is learned once, deterministically
        assertThat(on.advise(Given.draft(Language.EN, EXCUSE_THE_LISTS_MISS))).isEqualTo(advised);
    }

    @ParameterizedTest(name = "[{0}] the model flags {1} in \"{3}\", the policy's exceptions keep {2} quiet")
    @CsvSource(delimiter = '|', textBlock = """
            EN | INSULTS_CUSTOMER | INSULTS_CUSTOMER          | This is no joke for you, I know: a whole day off work.
            EN | INFLEXIBLE       | POLICY_WITHOUT_ALTERNATIVE | I can't change the booking. But I can offer you a voucher for the full amount.
            EN | INFLEXIBLE       | POLICY_WITHOUT_ALTERNATIVE | It is our policy to refund within 14 days, so you'll have it by Friday.
            """)
    void theListsExceptionsCancelTheModelsFindings(Language lang, String kind, String code, String draft) {
        ExampleModel model = on.policy().examplesModel(lang);
        assertThat(model.read(draft)).extracting(ExampleModel.Hit::kind).contains(kind);
        AdviceAssert.assertThat(on.advise(Given.draft(lang, draft))).doesNotWarn(code);
    }

    @Test
    void aKindTheListsFoundInTheSentenceIsFoundOnce() {
        String draft = "Frankly, that story about the parcel sounds made up.";
        assertThat(on.policy().examplesModel(Language.EN).read(draft)).extracting(ExampleModel.Hit::kind)
                .contains("DOUBTS_CUSTOMER");
        List<Warning> doubts = on.advise(Given.draft(Language.EN, draft)).warnings().stream()
                .filter(w -> w.code().equals("DOUBTS_CUSTOMER")).toList();
        assertThat(doubts).extracting(Warning::span).containsExactly("made up");
    }

    @Test
    void theBundledModelsAreLearnedOnceForEveryAdvisorOnTheClassPath() {
        try (Advisor other = Advisor.withDefaultRules()) {
            assertThat(other.policy().examplesModel(Language.EN)).isSameAs(on.policy().examplesModel(Language.EN));
        }
    }
}
