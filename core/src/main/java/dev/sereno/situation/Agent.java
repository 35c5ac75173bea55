package dev.sereno.situation;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The agent handling the complaint and what they may grant alone.
 *
 * @param remedies           what this agent may grant without asking anyone; APOLOGY and EXPLANATION when absent
 * @param maxCompensation    the largest compensation this agent may grant alone
 * @param recentInteractions the agent's last interactions today, newest last
 */
public record Agent(String id, String name, BigDecimal maxCompensation, List<Remedy> remedies,
                   List<Interaction> recentInteractions) {

    public static final List<Remedy> DEFAULT_REMEDIES = List.of(Remedy.APOLOGY, Remedy.EXPLANATION);

    public Agent {
        maxCompensation = Objects.requireNonNullElse(maxCompensation, BigDecimal.ZERO);
        remedies = remedies == null ? DEFAULT_REMEDIES : Lists.copy(remedies);
        recentInteractions = Lists.copy(recentInteractions);
    }

    public static Agent of(String id) {
        return new Agent(id, null, null, null, null);
    }

    public Agent withAuthority(BigDecimal max, Remedy... mayGrant) {
        return new Agent(id, name, max, List.of(mayGrant), recentInteractions);
    }

    public Agent withName(String value) {
        return new Agent(id, value, maxCompensation, remedies, recentInteractions);
    }

    public Agent withRecentInteractions(Interaction... interactions) {
        return new Agent(id, name, maxCompensation, remedies, List.of(interactions));
    }

    /** Whether this agent may grant the remedy alone (an amount is checked separately against maxCompensation). */
    public boolean mayGrant(Remedy remedy) {
        return remedies.contains(remedy);
    }

    public Set<Remedy> remedySet() {
        return remedies.isEmpty() ? EnumSet.noneOf(Remedy.class) : EnumSet.copyOf(remedies.stream().filter(Objects::nonNull).toList());
    }

    /** How many of the latest interactions, counting back from the newest, were with an ANGRY or FURIOUS customer. */
    public int angryStreak() {
        int n = 0;
        for (int i = recentInteractions.size() - 1; i >= 0; i--) {
            Interaction in = recentInteractions.get(i);
            if (in == null || in.emotion() == null || !in.emotion().angry()) {
                break;
            }
            n++;
        }
        return n;
    }

    /** The newest interaction, or null when there is none. */
    public Interaction lastInteraction() {
        return recentInteractions.isEmpty() ? null : recentInteractions.get(recentInteractions.size() - 1);
    }
}
