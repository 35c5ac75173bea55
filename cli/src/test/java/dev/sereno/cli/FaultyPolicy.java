package dev.sereno.cli;

import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleSource;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Situation;
import java.time.Instant;
import java.util.Map;

/**
 * A policy whose rules fail in every way a rule can, on a claim that names the way: {@code "throw"} (an exception
 * quoting the customer's words), {@code "assert"} (an {@link AssertionError} quoting them), {@code "oom"} (an
 * allocation no heap can hold: a real {@link OutOfMemoryError}, thrown before any memory is taken). Any other claim
 * gets one recommendation.
 */
public final class FaultyPolicy {
    public static final String DRL = """
            package dev.sereno.rules;
            import dev.sereno.situation.Complaint;
            import dev.sereno.situation.Stage;
            import dev.sereno.policy.Recommend;
            rule "Works"
                @guidance("G06")
            when
                Complaint( claim == "fine" )
            then
                insert(new Recommend("OK", Stage.OPENING));
            end
            rule "Throws the words back"
                @guidance("G01")
            when
                $c : Complaint( claim == "throw" )
            then
                if (true) { throw new IllegalStateException("bad: " + $c.customerWords()); }
            end
            rule "Asserts on the words"
                @guidance("G02")
            when
                $c : Complaint( claim == "assert" )
            then
                if (true) { throw new AssertionError("bad: " + $c.customerWords()); }
            end
            rule "Allocates without bound"
                @guidance("G03")
            when
                $c : Complaint( claim == "oom" )
            then
                insert(new Recommend("x".repeat(Integer.MAX_VALUE), Stage.OPENING));
            end
            """;

    private FaultyPolicy() {
    }

    public static Advisor advisor() {
        return Advisor.builder().rules(RuleSource.files(Map.of("faulty.drl", DRL))).build();
    }

    /** A valid situation with this claim and these customer's words. */
    public static Situation situation(String claim, String words) {
        return Situation.builder().now(Instant.parse("2026-11-23T10:00:00Z")).customer(Customer.of("C-1"))
                .agent(Agent.of("A-1")).complaint(Complaint.builder("K-1").claim(claim).customerWords(words).build())
                .build();
    }

    /** The same, as one line of JSON. */
    public static String line(String claim, String words) {
        return new SituationJson().write(situation(claim, words)).replace("\n", " ");
    }
}
