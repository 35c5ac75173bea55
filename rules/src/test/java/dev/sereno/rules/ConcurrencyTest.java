package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Cause;
import dev.sereno.situation.Channel;
import dev.sereno.situation.ClaimKind;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Evidence;
import dev.sereno.situation.Interaction;
import dev.sereno.situation.Language;
import dev.sereno.situation.Option;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Remedy;
import dev.sereno.situation.Segment;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import dev.sereno.situation.Stance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One Advisor shared by several threads gives exactly the sequential answers. The size comes from system
 * properties: {@value #THREADS} (8) threads, each making {@value #CALLS} calls (5,000 in the default build;
 * 100,000 with {@code -Preliability}, see docs/reliability.md).
 */
class ConcurrencyTest {
    static final String THREADS = "sereno.reliability.threads";
    static final String CALLS = "sereno.reliability.callsPerThread";

    /** Situations that differ in every way the default policy looks at, from a calm question to a liar accusation. */
    static List<Situation> variedSituations() {
        List<Situation> out = new ArrayList<>();
        String[] drafts = {null, "Usted miente.", "You're lying.", "Eso no es cierto.", "Thanks, let me check that for you.",
                "No se puede, es la política de la empresa.", "I understand how frustrating this is; I will call you back today."};
        String[] words = {null, "¡Es la tercera vez que llamo y nadie me resuelve nada!", "THIS IS UNACCEPTABLE!!!",
                "Quería preguntar por mi pedido, gracias."};
        int i = 0;
        for (Emotion e : Emotion.values()) {
            for (Stage st : new Stage[] {Stage.OPENING, Stage.VENTING, Stage.LISTENING, Stage.RESOLVING, Stage.CLOSING}) {
                for (Channel ch : new Channel[] {Channel.PHONE, Channel.IN_PERSON, Channel.EMAIL, Channel.CHAT}) {
                    i++;
                    Complaint c = Complaint.builder("K-" + i).emotion(i % 7 == 0 ? null : e).stage(st).channel(ch)
                            .customerWords(words[i % words.length])
                            .stillVenting(st == Stage.VENTING).agentInterrupted(i % 4 == 0)
                            .claimKind(i % 3 == 0 ? ClaimKind.PERCEPTION : ClaimKind.FACT)
                            .cause(Cause.values()[i % Cause.values().length]).raisedBefore(i % 3)
                            .causeEstablished(i % 2 == 0).causedByThisAgent(i % 5 == 1).apologized(i % 6 == 0)
                            .blocksCustomerBusiness(i % 9 == 0).requestedRemedy(Remedy.values()[i % Remedy.values().length])
                            .amount(BigDecimal.valueOf(i * 7L)).openedAt(Given.hoursFromNow(-(i % 72))).build();
                    Situation.Builder b = Given.situation().complaint(c)
                            .locale(i % 2 == 0 ? Language.ES : Language.EN).draftReply(drafts[i % drafts.length])
                            .customer(new Customer("C-" + i, Segment.values()[i % Segment.values().length], i % 10,
                                    BigDecimal.valueOf(i * 100L), BigDecimal.valueOf((i % 4) * 900L), i % 5, i % 3 == 0 ? i % 5 : 0));
                    if (i % 5 == 0) {
                        b.evidence(new Evidence("E-1", "RECEIPT", Stance.CONTRADICTS, i % 10 == 0, null),
                                new Evidence("E-2", "CALL_LOG", Stance.SUPPORTS, true, null));
                    }
                    if (i % 4 == 1) {
                        b.promises(new Promise("P-1", "Call back", i % 8 == 1 ? "A-7" : null, Given.minutesAgo(600),
                                i % 3 == 0 ? null : Given.minutesAgo(60), null));
                    }
                    if (i % 3 == 2) {
                        b.options(Option.available(Remedy.REPLACE, BigDecimal.valueOf(120)),
                                Option.unavailable(Remedy.REFUND, BigDecimal.valueOf(250), "Out of the return period"));
                        b.agent(dev.sereno.situation.Agent.of("A-7").withAuthority(BigDecimal.valueOf(i), Remedy.REPLACE)
                                .withRecentInteractions(new Interaction(Given.minutesAgo(30), Emotion.FURIOUS),
                                        new Interaction(Given.minutesAgo(10), Emotion.ANGRY)));
                    }
                    out.add(b.build());
                }
            }
        }
        return out;
    }

    @Test
    void sharedAdvisorAcrossThreadsMatchesSequentialAdvice() throws Exception {
        int threads = Integer.getInteger(THREADS, 8);
        int calls = Integer.getInteger(CALLS, 5_000);
        List<Situation> situations = variedSituations();
        List<Advice> expected = situations.stream().map(DefaultPolicy::advise).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 7;
                tasks.add(() -> {
                    int checked = 0;
                    for (int k = 0; k < calls; k++) {
                        // each thread walks the list from its own offset, so different situations meet in the engine
                        int idx = (k + offset) % situations.size();
                        Advice got = DefaultPolicy.advise(situations.get(idx));
                        if (!got.equals(expected.get(idx))) {
                            throw new AssertionError("different advice for situation " + idx + " on call " + k + ":\n"
                                    + got + "\nexpected\n" + expected.get(idx));
                        }
                        checked++;
                    }
                    return checked;
                });
            }
            long start = System.nanoTime();
            long total = 0;
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                total += f.get();
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("concurrency: %d threads x %d calls = %d identical answers over %d situations in %d ms%n",
                    threads, calls, total, situations.size(), ms);
            assertThat(total).isEqualTo((long) threads * calls);
        } finally {
            pool.shutdownNow();
        }
    }
}
