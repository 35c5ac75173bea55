package dev.sereno.engine;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Warning;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import dev.sereno.engine.internal.Messages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The policy's own suggested wording ({@code CODE.say}) read back as a draft reply: a policy that suggests saying
 * "What has bothered you most about all this?" and then blocks that very sentence as an insult contradicts itself, and
 * an agent who follows the advice is told off for it. {@code sereno check} prints what this finds for a policy folder;
 * the bundled policy's tests hold it at none.
 *
 * <p>Each suggestion that is a whole reply as written is read, in its own language, in a plain situation (a calm
 * complaint at its opening stage); the warnings about words of it (those with a span) are reported. Left out, as not
 * a reply to send as it is: stage directions (the text in parentheses: "(Attentive silence…)"), and texts the agent
 * completes ({@code {0}}-style placeholders, "…"). Warnings about the reply as a whole (too short, no acknowledgement)
 * are not about its words and are not reported: a suggestion is often one sentence of a reply.
 */
public final class SuggestedWording {
    /** The moment the suggestions are read at: any fixed one, so that the check gives the same answer every time. */
    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

    /** A warning the policy gives about its own suggested wording: {@code key}'s text drew {@code code} at {@code span}. */
    public record Clash(Language language, String key, String text, String code, String span) {
        @Override
        public String toString() {
            return key + " (" + language.code() + "): the policy's own suggested wording draws its warning " + code
                    + " at «" + span + "»; reword the suggestion, or narrow the phrase or examples that find it";
        }
    }

    private SuggestedWording() {
    }

    /** Every warning the advisor's policy gives about words of its own suggestions, by language, key and position. */
    public static List<Clash> clashes(Advisor advisor) {
        List<Clash> out = new ArrayList<>();
        for (Language language : Language.values()) {
            Messages messages = advisor.policy().messages(language);
            for (String key : new TreeSet<>(messages.keys())) {
                String text = messages.text(key);
                if (!key.endsWith(".say") || !isWholeReply(text)) {
                    continue;
                }
                Advice advice = advisor.advise(plain(language, text));
                for (Warning w : advice.warnings()) {
                    if (w.span() != null) {
                        out.add(new Clash(language, key, text, w.code(), w.span()));
                    }
                }
            }
        }
        return out;
    }

    /** A text sent as it is written: not a stage direction in parentheses, nothing left for the agent to fill in. */
    static boolean isWholeReply(String text) {
        String t = text.strip();
        return !t.isEmpty() && !t.startsWith("(") && !t.contains("{") && !t.contains("…") && !t.contains("...");
    }

    private static Situation plain(Language language, String draft) {
        return Situation.builder().now(AT).locale(language)
                .customer(Customer.of("C-suggested-wording"))
                .agent(Agent.of("A-suggested-wording"))
                .complaint(Complaint.builder("K-suggested-wording").build())
                .draftReply(draft).build();
    }
}
