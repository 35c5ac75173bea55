package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Cause;
import dev.sereno.situation.Channel;
import dev.sereno.situation.ClaimKind;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Evidence;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import dev.sereno.situation.Stance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One Advisor shared by several threads gives exactly the sequential answers. */
class ConcurrencyTest {

    static List<Situation> variedSituations() {
        List<Situation> out = new ArrayList<>();
        String[] drafts = {null, "Usted miente.", "You're lying.", "Eso no es cierto.", "Thanks, let me check that for you."};
        int i = 0;
        for (Emotion e : Emotion.values()) {
            for (Stage st : new Stage[] {Stage.OPENING, Stage.VENTING, Stage.LISTENING, Stage.RESOLVING, Stage.CLOSING}) {
                for (Channel ch : new Channel[] {Channel.PHONE, Channel.IN_PERSON, Channel.EMAIL}) {
                    i++;
                    Complaint c = Complaint.builder("K-" + i).emotion(e).stage(st).channel(ch)
                            .stillVenting(st == Stage.VENTING).agentInterrupted(i % 4 == 0)
                            .claimKind(i % 3 == 0 ? ClaimKind.PERCEPTION : ClaimKind.FACT)
                            .cause(Cause.values()[i % Cause.values().length]).raisedBefore(i % 3)
                            .causeEstablished(i % 2 == 0).build();
                    Situation.Builder b = Given.situation().complaint(c)
                            .locale(i % 2 == 0 ? Language.ES : Language.EN).draftReply(drafts[i % drafts.length]);
                    if (i % 5 == 0) {
                        b.evidence(new Evidence("E-1", "RECEIPT", Stance.CONTRADICTS, i % 10 == 0, null));
                    }
                    out.add(b.build());
                }
            }
        }
        return out;
    }

    @Test
    void sharedAdvisorAcrossThreadsMatchesSequentialAdvice() throws Exception {
        List<Situation> situations = variedSituations();
        List<Advice> expected = situations.stream().map(DefaultPolicy::advise).toList();
        int threads = 4;
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                tasks.add(() -> {
                    int checked = 0;
                    for (int r = 0; r < rounds; r++) {
                        for (int k = 0; k < situations.size(); k++) {
                            int idx = (k + offset * 7 + r) % situations.size();
                            Advice got = DefaultPolicy.advise(situations.get(idx));
                            if (!got.equals(expected.get(idx))) {
                                throw new AssertionError("different advice for situation " + idx + ":\n" + got
                                        + "\nexpected\n" + expected.get(idx));
                            }
                            checked++;
                        }
                    }
                    return checked;
                });
            }
            int total = 0;
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(threads * rounds * situations.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
