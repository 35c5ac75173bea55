package dev.sereno.benchmarks;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleSource;
import dev.sereno.policy.PolicyParameters;
import dev.sereno.situation.Situation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the shape of a rule costs in the engine: the same condition (the complaint is open, it was raised before at
 * least {@code contacts-before-ignored} times, and its amount is above the agent's limit plus a margin) written in
 * the ways a policy author can write it, and with the threshold reaching the rule in the ways a policy can offer it.
 * <ul>
 *   <li>{@code joined}, as the bundled rules were written before issue 16: one pattern per fact, joined through
 *       bindings ({@code Situation( $now : now )}, {@code PolicyParameters( $ignored : contactsBeforeIgnored )},
 *       {@code $a : Agent( $max : maxCompensation )}, {@code Complaint( amount > $max … )}): three joins per rule,
 *       evaluated on every call;</li>
 *   <li>{@code fact}: one pattern on the {@code Situation}, reaching the agent and the complaint through it, with the
 *       threshold still read from the joined {@code PolicyParameters} fact: one join;</li>
 *   <li>{@code global}: the same pattern, the threshold read from the {@code policy} global the engine sets on every
 *       session ({@code Situation( complaint.raisedBefore >= policy.contactsBeforeIgnored, … )}): a filter, no
 *       join;</li>
 *   <li>{@code constant}: the same pattern with the threshold's value written into the condition, as a loader that
 *       substituted each policy folder's values before compiling would produce: a filter, no join.</li>
 * </ul>
 * A threshold carried by the {@code Situation} itself would be read the way the global is (one more accessor in
 * the same filter), but the {@code Situation} is the public contract's record, so it was not tried.
 * {@code rules} rules of each shape, half of which fire on the contract's example, as about a quarter of the
 * bundled rules do. The difference per rule is what a rulebook written the cheaper way saves.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RuleShapeBenchmark {
    @Param({"joined", "fact", "global", "constant"})
    public String shape;

    @Param({"80"})
    public int rules;

    private Advisor advisor;
    private Situation example;

    @Setup(Level.Trial)
    public void setUp() {
        advisor = Advisor.builder().rules(RuleSource.files(
                PolicyFiles.defaultPolicyFilesWith("shape.drl", drl(shape, rules)))).build();
        example = Situations.contractExample();
        int fired = advisor.explain(example).rulesFired().size();
        if (fired != rules / 2) {
            throw new IllegalStateException(rules / 2 + " rules should fire on the example, " + fired + " did");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        advisor.close();
    }

    @Benchmark
    public Advice advise() {
        return advisor.advise(example);
    }

    /** {@code n} rules of one shape; rule i fires when the amount is above (even i) or below (odd i) the limit + i. */
    static String drl(String shape, int n) {
        StringBuilder drl = new StringBuilder("""
                package dev.sereno.benchmarks.shape;

                import java.math.BigDecimal;
                import dev.sereno.situation.*;
                import dev.sereno.policy.*;
                """);
        if (shape.equals("global")) {
            drl.append("\nglobal PolicyParameters policy;\n");
        }
        int ignoredAfter = PolicyParameters.defaults().contactsBeforeIgnored();
        for (int i = 0; i < n; i++) {
            String above = i % 2 == 0 ? ">" : "<";
            String when = switch (shape) {
                case "joined" -> """
                        Situation( $now : now )
                        PolicyParameters( $ignored : contactsBeforeIgnored )
                        $a : Agent( $max : maxCompensation )
                        Complaint( stage != Stage.RESOLVED, raisedBefore >= $ignored,
                                   amount %s $max.add(BigDecimal.valueOf(%d)) )
                    """.formatted(above, i);
                case "fact" -> """
                        PolicyParameters( $ignored : contactsBeforeIgnored )
                        Situation( complaint.stage != Stage.RESOLVED, complaint.raisedBefore >= $ignored,
                                   complaint.amount %s agent.maxCompensation.add(BigDecimal.valueOf(%d)) )
                    """.formatted(above, i);
                case "global" -> """
                        Situation( complaint.stage != Stage.RESOLVED,
                                   complaint.raisedBefore >= policy.contactsBeforeIgnored,
                                   complaint.amount %s agent.maxCompensation.add(BigDecimal.valueOf(%d)) )
                    """.formatted(above, i);
                case "constant" -> """
                        Situation( complaint.stage != Stage.RESOLVED, complaint.raisedBefore >= %d,
                                   complaint.amount %s agent.maxCompensation.add(BigDecimal.valueOf(%d)) )
                    """.formatted(ignoredAfter, above, i);
                default -> throw new IllegalArgumentException("shape: joined, fact, global or constant, was " + shape);
            };
            drl.append("""

                    rule "Rule %d"
                        @guidance("G27")
                    when
                    %sthen
                        insert(new Recommend("SHAPE_%d", Stage.RESOLVING));
                    end
                    """.formatted(i, when, i));
        }
        return drl.toString();
    }
}
