package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sereno.advice.Advice;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.situation.Agent;
import dev.sereno.situation.Cause;
import dev.sereno.situation.Channel;
import dev.sereno.situation.ClaimKind;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Evidence;
import dev.sereno.situation.Interaction;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Language;
import dev.sereno.situation.Option;
import dev.sereno.situation.Problem;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Remedy;
import dev.sereno.situation.Segment;
import dev.sereno.situation.Situation;
import dev.sereno.situation.SituationValidator;
import dev.sereno.situation.Stage;
import dev.sereno.situation.Stance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over arbitrary situations on the real default policy: every valid one gets advice, and every invalid one (a valid
 * one broken in one of the ways the contract forbids) gets an {@link InvalidSituationException} naming the broken
 * field; nothing else ever escapes. Unlike {@link InvariantsPropertiesTest}, texts, ids, times, amounts and list
 * sizes here are arbitrary, not picked from a list.
 */
class SituationPropertiesTest {
    private static final String ID_CHARS = "ABCKPE-_0123456789ñ ";

    /** A situation broken on purpose, and the path of the problem that must be reported for it. */
    record Broken(Situation situation, String path) {
    }

    @Property(tries = 400)
    void everyValidSituationGetsAdvice(@ForAll("valid") Situation s) {
        assertThat(new SituationValidator().problems(s)).isEmpty();
        Advice advice = DefaultPolicy.advise(s);
        assertThat(advice.complaint()).isEqualTo(s.complaint().id());
        assertThat(advice.policy()).isEqualTo(DefaultPolicy.ADVISOR.policyRevision());
        assertThat(advice.recommendations()).allSatisfy(r -> assertThat(r.guidance()).isNotEmpty());
        assertThat(advice.warnings()).allSatisfy(w -> assertThat(w.guidance()).isNotEmpty());
    }

    @Property(tries = 600)
    void everyBrokenSituationIsRejectedNamingTheField(@ForAll("broken") Broken b) {
        assertThatThrownBy(() -> DefaultPolicy.advise(b.situation()))
                .isInstanceOfSatisfying(InvalidSituationException.class, e ->
                        assertThat(e.problems()).extracting(Problem::path).contains(b.path()));
    }

    @Property(tries = 300)
    void severalBreaksAtOnceAreRejectedWithPathsAndNothingElse(@ForAll("broken") Broken first,
                                                               @ForAll("breaks") Function<Situation, Broken> second,
                                                               @ForAll("breaks") Function<Situation, Broken> third) {
        Situation s = orAsItWas(third, orAsItWas(second, first.situation()));
        assertThatThrownBy(() -> DefaultPolicy.advise(s))
                .isInstanceOfSatisfying(InvalidSituationException.class, e ->
                        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).isNotBlank()));
    }

    /** A break that needs a part an earlier break removed (now, customer, agent, complaint) leaves it as it was. */
    private static Situation orAsItWas(Function<Situation, Broken> change, Situation s) {
        try {
            return change.apply(s).situation();
        } catch (NullPointerException partRemoved) {
            return s;
        }
    }

    // ---- valid situations

    private static Arbitrary<String> text(int max) {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(max),
                Arbitraries.of("Usted miente, tenemos el albarán firmado.", "You're lying.", "No lo sé, pero lo averiguaré.",
                        "¡Es la tercera vez que llamo y nadie me resuelve nada!", "THIS IS UNACCEPTABLE!!!", "Eso no es cierto.",
                        "No digo que usted miente.", "Obviamente usted debería haber leído las condiciones."),
                Arbitraries.strings().withChars("¡!¿?AEIOUaeiouáéíóúñ .,'").ofMaxLength(max));
    }

    private static Arbitrary<String> id() {
        return Arbitraries.strings().withChars(ID_CHARS).ofMinLength(1).ofMaxLength(12).filter(s -> !s.isBlank());
    }

    private static Arbitrary<BigDecimal> amount() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, SituationValidator.MAX_AMOUNT).ofScale(2);
    }

    /** An instant up to {@code maxDaysAgo} days before now. */
    private static Arbitrary<Instant> before(Instant now, int maxDaysAgo) {
        return Arbitraries.longs().between(0, maxDaysAgo * 86_400L).map(now::minusSeconds);
    }

    @Provide
    Arbitrary<Situation> valid() {
        return Arbitraries.longs().between(Instant.parse("1990-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2100-01-01T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond)
                .flatMap(this::validAt);
    }

    private Arbitrary<Situation> validAt(Instant now) {
        Arbitrary<Customer> customer = Combinators.combine(id(), Arbitraries.of(Segment.class),
                Arbitraries.integers().between(0, 100), amount(), amount(), Arbitraries.integers().between(0, 50),
                Arbitraries.integers().between(0, 50))
                .as((id, seg, years, value, cost, past, unfounded) -> new Customer(id, seg, years, value, cost,
                        Math.max(past, unfounded), unfounded));
        Arbitrary<Agent> agent = Combinators.combine(id(), text(30).injectNull(0.3), amount(),
                Arbitraries.of(Remedy.class).list().ofMaxSize(8).injectNull(0.2),
                Combinators.combine(before(now, 1), Arbitraries.of(Emotion.class)).as(Interaction::new).list().ofMaxSize(6))
                .as(Agent::new);
        Arbitrary<Complaint.Builder> complaint = Combinators.combine(id(), Arbitraries.of(Channel.class), Arbitraries.of(Cause.class),
                text(80).injectNull(0.3), Arbitraries.of(ClaimKind.class), text(120).injectNull(0.3),
                Arbitraries.of(Emotion.class).injectNull(0.4), Arbitraries.integers().between(0, 255))
                .as((id, ch, cause, claim, kind, words, emotion, flags) -> Complaint.builder(id).channel(ch).cause(cause)
                        .claim(claim).claimKind(kind).customerWords(words).emotion(emotion)
                        .stillVenting((flags & 1) != 0).agentInterrupted((flags & 2) != 0)
                        .causedByThisAgent((flags & 4) != 0).causeEstablished((flags & 8) != 0)
                        .paraphrased((flags & 16) != 0).apologized((flags & 32) != 0)
                        .blocksCustomerBusiness((flags & 64) != 0));
        Arbitrary<Complaint> fullComplaint = Combinators.combine(complaint, Arbitraries.integers().between(0, 20),
                Arbitraries.of(Remedy.class).injectNull(0.3), amount(), before(now, 400).injectNull(0.3),
                Arbitraries.of(Stage.class))
                .as((c, raised, remedy, amount, opened, stage) -> c.raisedBefore(raised).requestedRemedy(remedy)
                        .amount(amount).openedAt(opened).stage(stage).build());
        Arbitrary<List<Evidence>> evidence = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(20).injectNull(0.2),
                Arbitraries.of(Stance.class), Arbitraries.of(true, false), text(40).injectNull(0.5))
                .as((kind, stance, verified, summary) -> new Object[] {kind, stance, verified, summary})
                .list().ofMaxSize(6).map(items -> {
                    List<Evidence> out = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        Object[] it = items.get(i);
                        out.add(new Evidence("E-" + i, (String) it[0], (Stance) it[1], (Boolean) it[2], (String) it[3]));
                    }
                    return out;
                });
        Arbitrary<List<Promise>> promises = Combinators.combine(before(now, 30),
                Arbitraries.longs().between(0, 90 * 86_400L).injectNull(0.3), Arbitraries.integers().between(0, 2),
                text(40).injectNull(0.3), Arbitraries.of("A-7", "B-1").injectNull(0.3))
                .as((made, dueIn, state, what, owner) -> new Object[] {made, dueIn, state, what, owner})
                .list().ofMaxSize(6).map(items -> {
                    List<Promise> out = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        Object[] it = items.get(i);
                        Instant made = (Instant) it[0];
                        Instant due = it[1] == null ? null : made.plusSeconds((Long) it[1]);
                        Instant kept = (Integer) it[2] == 0 ? max(made, now.minus(Duration.ofSeconds(1))) : null;
                        out.add(new Promise("P-" + i, (String) it[3], (String) it[4], made, due,
                                kept != null && kept.isAfter(now) ? now : kept));
                    }
                    return out;
                });
        Arbitrary<List<Option>> options = Combinators.combine(Arbitraries.of(Remedy.class), amount(),
                Arbitraries.of(true, false), text(40).injectNull(0.5))
                .as(Option::new).list().ofMaxSize(7);
        return Combinators.combine(customer, agent, fullComplaint, evidence, promises, options,
                        Arbitraries.of(Language.class), text(200).injectNull(0.2))
                .as((cu, ag, co, ev, pr, op, lang, draft) -> new Situation(now, lang, "EUR", cu, ag, co, ev, pr, op, draft));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    // ---- broken situations

    @Provide
    Arbitrary<Broken> broken() {
        return Combinators.combine(valid(), breaks()).as((s, b) -> b.apply(s));
    }

    @Provide
    Arbitrary<Function<Situation, Broken>> breaks() {
        Arbitrary<Integer> negative = Arbitraries.integers().between(Integer.MIN_VALUE, -1);
        Arbitrary<BigDecimal> negativeAmount = Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("-0.01"))
                .ofScale(2);
        Arbitrary<String> blank = Arbitraries.of("", " ", "\t", "\n  ").injectNull(0.3);
        Arbitrary<String> oversize = Arbitraries.integers().between(1, 50)
                .map(extra -> "x".repeat(SituationValidator.MAX_TEXT + extra));
        Arbitrary<Long> secondsAhead = Arbitraries.longs().between(1, 400 * 86_400L);
        return Arbitraries.oneOf(List.of(
                negative.map(n -> s -> new Broken(s.toBuilder().customer(s.customer().withYearsAsCustomer(n)).build(),
                        "customer.yearsAsCustomer")),
                negative.map(n -> s -> new Broken(s.toBuilder().customer(s.customer().withPastComplaints(n, 0)).build(),
                        "customer.pastComplaints")),
                negativeAmount.map(n -> s -> new Broken(s.toBuilder().customer(s.customer()
                        .withValue(n, s.customer().annualCostToServe())).build(), "customer.annualValue")),
                negativeAmount.map(n -> s -> new Broken(s.toBuilder().agent(new Agent(s.agent().id(), s.agent().name(), n,
                        s.agent().remedies(), s.agent().recentInteractions())).build(), "agent.maxCompensation")),
                negative.map(n -> s -> new Broken(s.toBuilder().complaint(s.complaint().toBuilder().raisedBefore(n).build())
                        .build(), "complaint.raisedBefore")),
                negativeAmount.map(n -> s -> new Broken(s.toBuilder().complaint(s.complaint().toBuilder().amount(n).build())
                        .build(), "complaint.amount")),
                negativeAmount.map(n -> s -> append(s, "options", s.options(), new Option(Remedy.CREDIT, n, true, null),
                        (b, l) -> b.options(l), ".cost")),
                Arbitraries.of(SituationValidator.MAX_AMOUNT.add(BigDecimal.ONE), new BigDecimal("1e999999999"))
                        .map(n -> s -> new Broken(s.toBuilder().complaint(s.complaint().toBuilder().amount(n).build())
                                .build(), "complaint.amount")),
                blank.map(id -> s -> new Broken(s.toBuilder().customer(new Customer(id, s.customer().segment(), 0, null, null, 0, 0))
                        .build(), "customer.id")),
                blank.map(id -> s -> new Broken(s.toBuilder().agent(new Agent(id, null, null, null, null)).build(), "agent.id")),
                blank.map(id -> s -> new Broken(s.toBuilder().complaint(Complaint.builder(id).build()).build(), "complaint.id")),
                blank.map(id -> s -> append(s, "evidence", s.evidence(), new Evidence(id, null, null, false, null),
                        (b, l) -> b.evidence(l), ".id")),
                Arbitraries.just(s -> {
                    Situation two = s.toBuilder().evidence(withItem(s.evidence(), new Evidence("E-dup", null, null, false, null))).build();
                    return append(two, "evidence", two.evidence(), new Evidence("E-dup", null, null, true, null),
                            (b, l) -> b.evidence(l), ".id");
                }),
                Arbitraries.just(s -> {
                    Promise p = new Promise("P-dup", null, null, null, null, null);
                    Situation two = s.toBuilder().promises(withItem(s.promises(), p)).build();
                    return append(two, "promises", two.promises(), p, (b, l) -> b.promises(l), ".id");
                }),
                secondsAhead.map(n -> s -> append(s, "promises", s.promises(),
                        new Promise("P-x", null, null, s.now().minusSeconds(10), s.now().minusSeconds(10 + n), null),
                        (b, l) -> b.promises(l), ".dueAt")),
                secondsAhead.map(n -> s -> append(s, "promises", s.promises(),
                        new Promise("P-x", null, null, s.now().plusSeconds(n), null, null), (b, l) -> b.promises(l), ".madeAt")),
                secondsAhead.map(n -> s -> new Broken(s.toBuilder().complaint(s.complaint().toBuilder()
                        .openedAt(s.now().plusSeconds(n)).build()).build(), "complaint.openedAt")),
                secondsAhead.map(n -> s -> {
                    List<Interaction> list = withItem(s.agent().recentInteractions(), new Interaction(s.now().plusSeconds(n), Emotion.CALM));
                    return new Broken(s.toBuilder().agent(new Agent(s.agent().id(), s.agent().name(), s.agent().maxCompensation(),
                            s.agent().remedies(), list)).build(), "agent.recentInteractions[" + (list.size() - 1) + "].endedAt");
                }),
                oversize.map(t -> s -> new Broken(s.toBuilder().draftReply(t).build(), "draftReply")),
                oversize.map(t -> s -> new Broken(s.toBuilder().complaint(s.complaint().toBuilder().claim(t).build()).build(),
                        "complaint.claim")),
                oversize.map(t -> s -> new Broken(s.toBuilder().complaint(s.complaint().toBuilder().customerWords(t).build())
                        .build(), "complaint.customerWords")),
                oversize.map(t -> s -> new Broken(s.toBuilder().agent(s.agent().withName(t)).build(), "agent.name")),
                oversize.map(t -> s -> append(s, "evidence", s.evidence(), new Evidence("E-big", null, null, false, t),
                        (b, l) -> b.evidence(l), ".summary")),
                oversize.map(t -> s -> append(s, "promises", s.promises(), new Promise("P-big", t, null, null, null, null),
                        (b, l) -> b.promises(l), ".what")),
                Arbitraries.just(s -> append(s, "evidence", s.evidence(), null, (b, l) -> b.evidence(l), "")),
                Arbitraries.just(s -> append(s, "promises", s.promises(), null, (b, l) -> b.promises(l), "")),
                Arbitraries.just(s -> append(s, "options", s.options(), null, (b, l) -> b.options(l), "")),
                Arbitraries.just(s -> {
                    List<Remedy> list = withItem(s.agent().remedies(), null);
                    return new Broken(s.toBuilder().agent(new Agent(s.agent().id(), s.agent().name(), s.agent().maxCompensation(),
                            list, s.agent().recentInteractions())).build(), "agent.remedies[" + (list.size() - 1) + "]");
                }),
                Arbitraries.just(s -> new Broken(s.toBuilder().now(null).build(), "now")),
                Arbitraries.just(s -> new Broken(s.toBuilder().customer(null).build(), "customer")),
                Arbitraries.just(s -> new Broken(s.toBuilder().complaint(null).build(), "complaint")),
                Arbitraries.strings().ofMaxLength(5).filter(c -> !c.matches("[A-Z]{3}"))
                        .map(c -> s -> new Broken(s.toBuilder().currency(c).build(), "currency")),
                Arbitraries.of("+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z").map(Instant::parse)
                        .map(t -> s -> new Broken(s.toBuilder().now(t).build(), "now"))));
    }

    private interface ListSetter<T> {
        Situation.Builder set(Situation.Builder b, List<T> list);
    }

    /** Adds {@code item} at the end of a list of the situation; the problem is at that index plus {@code field}. */
    private static <T> Broken append(Situation s, String name, List<T> list, T item, ListSetter<T> setter, String field) {
        List<T> longer = withItem(list, item);
        return new Broken(setter.set(s.toBuilder(), longer).build(), name + "[" + (longer.size() - 1) + "]" + field);
    }

    private static <T> List<T> withItem(List<T> list, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }
}
