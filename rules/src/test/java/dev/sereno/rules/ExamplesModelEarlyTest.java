package dev.sereno.rules;

import static dev.sereno.rules.support.AdviceAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Severity;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleSource;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Language;
import org.junit.jupiter.api.Test;

/**
 * The bundled policy's first language's examples model is read while the rules and lists are made, on a thread of its
 * own, when the Advisor will read drafts with the examples reader (issue 16, the first call): the first call then
 * finds it read instead of reading the stored model (8.4 MB for Spanish) after everything else. Not when the reader
 * is off, and not the other languages' (read when a draft in them is first read, as before). Each test loads the
 * policy from a class loader of its own, since the bundled models are kept per class loader.
 */
class ExamplesModelEarlyTest {
    private static ClassLoader fresh() {
        return new ClassLoader(ExamplesModelEarlyTest.class.getClassLoader()) {
        };
    }

    @Test
    void theFirstLanguagesModelIsReadBeforeAnyCallWhenTheReaderIsOn() throws Exception {
        try (Advisor advisor = Advisor.builder().rules(RuleSource.classpath(fresh())).build()) {
            long until = System.nanoTime() + 60_000_000_000L;
            while (!advisor.policy().examplesLearned(Language.ES) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(advisor.policy().examplesLearned(Language.ES)).as("read with no call made").isTrue();
            assertThat(advisor.policy().examplesLearned(Language.EN)).as("only the first language's").isFalse();
            Advice advice = advisor.advise(Given.draft(Language.ES, "Es usted un inútil."));
            assertThat(advice).warns("INSULTS_CUSTOMER", Severity.BLOCKING, "Es usted un inútil");
        }
    }

    @Test
    void noModelIsReadEarlyWhenTheAdvisorTurnsTheReaderOff() throws Exception {
        try (Advisor advisor = Advisor.builder().rules(RuleSource.classpath(fresh())).examplesReader(false).build()) {
            Thread.sleep(1_000);
            assertThat(advisor.policy().examplesLearned(Language.ES)).isFalse();
            advisor.advise(Given.draft(Language.ES, "Es usted un inútil."));
            assertThat(advisor.policy().examplesLearned(Language.ES)).as("nor by a call that does not read with it")
                    .isFalse();
        }
    }
}
