package dev.sereno.advice;

import java.util.List;

/**
 * One line of what to do now: the top of the advice, ranked by the policy ({@code next.*} keys of
 * policy.properties).
 *
 * @param code     the code of the item it summarises (a warning code, an action, an escalation or follow-up code)
 * @param text     what to do, in one line of the situation's language
 * @param guidance the guidance ids of that item
 * @param rule     the rule (or rules) that produced that item
 * @param item     where the full item is, as a JSON path into the advice: {@code warnings[0]},
 *                 {@code recommendations[2]}, {@code escalations[0]}, {@code followUps[1]}
 */
public record NextStep(String code, String text, List<String> guidance, String rule, String item) {
    public NextStep {
        guidance = List.copyOf(guidance);
    }
}
