package dev.sereno.benchmarks;

import dev.sereno.advice.Severity;
import dev.sereno.policy.Feeling;
import dev.sereno.policy.Finding;
import dev.sereno.policy.Recommend;
import dev.sereno.policy.Warn;
import dev.sereno.situation.ClaimKind;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Evidence;
import dev.sereno.situation.Language;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import dev.sereno.text.EmotionEstimator;
import dev.sereno.text.Lexicon;
import dev.sereno.text.PhraseFinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ten rules of {@code ten-rules.drl}, written by hand as ordinary Java over the same records: the baseline the
 * engine is measured against. It does the same text work the Advisor does before the rules run (the emotion
 * estimate and the phrase findings in the draft, with the default phrase lists), then decides the same advice
 * facts the rules insert. It neither validates nor renders texts: that is what the engine path adds on top.
 */
final class TenRules {
    private final Map<Language, PhraseFinder> finders = new EnumMap<>(Language.class);
    private final Map<Language, EmotionEstimator> estimators = new EnumMap<>(Language.class);

    TenRules() {
        for (Language l : Language.values()) {
            PhraseFinder finder = new PhraseFinder(lexicon(l));
            finders.put(l, finder);
            estimators.put(l, new EmotionEstimator(finder));
        }
    }

    List<Object> evaluate(Situation s) {
        Complaint c = s.complaint();
        Feeling feeling = feeling(s);
        List<Object> out = new ArrayList<>();
        if (c.stillVenting()) {
            out.add(new Recommend("LET_THEM_FINISH", Stage.VENTING));
        }
        if (c.agentInterrupted() && (c.stillVenting() || c.stage() == Stage.VENTING)) {
            out.add(new Warn("INTERRUPTED_VENTING_CUSTOMER"));
        }
        if (feeling.angry() && !c.causedByThisAgent()) {
            out.add(new Recommend("NOT_PERSONAL", Stage.LISTENING));
        }
        if (feeling.angry() && !c.causeEstablished()) {
            out.add(new Recommend("ASK_DONT_ASSUME_THE_CAUSE", Stage.LISTENING));
        }
        if (c.stage() == Stage.OPENING && !c.stillVenting()) {
            out.add(new Recommend("INVITE_THE_STORY", Stage.OPENING));
        }
        if (feeling.angry()) {
            out.add(new Recommend("STAY_CALM", Stage.LISTENING));
        }
        if (s.customer().pastUnfoundedComplaints() > 0) {
            out.add(new Recommend("JUDGE_ON_ITS_OWN_FACTS", Stage.LISTENING));
        }
        for (Finding f : finders.get(s.locale()).find(s.draftReply())) {
            if (f.kind().equals("CALLS_CUSTOMER_LIAR")) {
                out.add(new Warn("CALLS_CUSTOMER_LIAR", Severity.BLOCKING, f));
            }
        }
        if (c.claimKind() == ClaimKind.FACT) {
            for (Evidence e : s.evidence()) {
                if (e.contradictsClaim() && e.verified()) {
                    out.add(new Recommend("OFFER_PROOF_AND_VERIFY", Stage.LISTENING));
                    break;
                }
            }
        }
        for (Promise p : s.promises()) {
            if (p.open() && p.dueAt() == null) {
                out.add(new Warn("PROMISE_WITHOUT_DATE", p.id()));
            }
        }
        return out;
    }

    private Feeling feeling(Situation s) {
        Emotion given = s.complaint().emotion();
        if (given != null) {
            return new Feeling(given, false);
        }
        String words = s.complaint().customerWords();
        if (words == null || words.isBlank()) {
            return new Feeling(Emotion.CALM, true);
        }
        return new Feeling(estimators.get(s.locale()).estimate(words), true);
    }

    private static Lexicon lexicon(Language l) {
        String path = "/dev/sereno/rules/phrases/" + l.code() + ".phrases";
        try (InputStream in = TenRules.class.getResourceAsStream(path)) {
            return in == null ? Lexicon.empty() : Lexicon.read(new InputStreamReader(in, StandardCharsets.UTF_8), path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
