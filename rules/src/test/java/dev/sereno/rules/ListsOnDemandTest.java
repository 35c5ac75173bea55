package dev.sereno.rules;

import static dev.sereno.rules.support.AdviceAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Severity;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleSource;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Language;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The bundled policy makes each language's lists when a call first needs them, or before that on a background thread,
 * instead of all of them before the first call: a call in Spanish neither waits for the English lists nor shares the
 * processor with their making (issue 16, the first call). A call that needs a language's lists waits for them and then
 * reads exactly as before.
 */
class ListsOnDemandTest {
    @Test
    void aSpanishCallIsAnsweredWhileTheEnglishListsAreStillBeingMadeAndAnEnglishOneWaitsForThem() throws Exception {
        CountDownLatch english = new CountDownLatch(1);
        HoldingEnglish loader = new HoldingEnglish(ListsOnDemandTest.class.getClassLoader(), english);
        try (Advisor advisor = Advisor.builder().rules(RuleSource.classpath(loader)).build()) {
            Advice spanish = advisor.advise(Given.draft(Language.ES, "Es usted un inútil."));
            assertThat(spanish).warns("INSULTS_CUSTOMER", Severity.BLOCKING, "Es usted un inútil");
            assertThat(loader.englishListReads.get())
                    .as("the English phrases were read once for the revision, and their making is held")
                    .isLessThanOrEqualTo(2);

            CompletableFuture<Advice> inEnglish = CompletableFuture.supplyAsync(
                    () -> advisor.advise(Given.draft(Language.EN, "You're a joke.")));
            Thread.sleep(200);
            assertThat(inEnglish).as("an English draft waits for the English lists").isNotDone();
            english.countDown();
            assertThat(inEnglish.get(60, TimeUnit.SECONDS))
                    .warns("INSULTS_CUSTOMER", Severity.BLOCKING, "You're a joke");
        } finally {
            english.countDown();
        }
    }

    /** The class path, with the second read of the English phrases (their making, after the revision's) held. */
    private static final class HoldingEnglish extends ClassLoader {
        final AtomicInteger englishListReads = new AtomicInteger();
        private final CountDownLatch release;

        HoldingEnglish(ClassLoader parent, CountDownLatch release) {
            super(parent);
            this.release = release;
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            if (name.endsWith("phrases/en.phrases") && englishListReads.incrementAndGet() > 1) {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.getResourceAsStream(name);
        }
    }
}
