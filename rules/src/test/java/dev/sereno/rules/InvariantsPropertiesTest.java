package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Recommendation;
import dev.sereno.advice.Warning;
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
import dev.sereno.situation.Language;
import dev.sereno.situation.Option;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Remedy;
import dev.sereno.situation.Segment;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import dev.sereno.situation.Stance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The invariants of contract.md, over generated valid situations in several zones, on the real default policy: the
 * four of v1, and invariant 5 (next and commitments deterministic and unchanged when lists are reordered).
 */
class InvariantsPropertiesTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final List<String> DRAFTS = List.of(
            "Usted miente, tenemos el albarán firmado.",
            "Eso no es cierto, se entregó el día 18.",
            "Entiendo su enfado. Según nuestros registros consta otra fecha; puedo enviarle el justificante ahora.",
            "No lo sé, pero lo averiguaré hoy mismo y le llamo.",
            "No se puede. Es la política de la empresa.",
            "Le garantizo que mañana lo tiene, sin falta.",
            "Obviamente, como ya le dije, usted debería haber leído las condiciones.",
            "You're lying, we have the signed receipt.",
            "That's not true. You are wrong about the date.",
            "I understand how frustrating this is; let me check our records and call you back within two hours.",
            "I don't know. Not my department.",
            "We apologise for any inconvenience. Your call is important to us.",
            "Ok.",
            "Thank you for telling us. We can replace it this week, or refund you if you prefer.",
            "Le llamo mañana a las 10 y le diremos algo en cuanto podamos 😀.",
            "Antes del viernes le confirmamos la fecha; le llamaremos.",
            "We'll be in touch. I'll call you back by noon 👍.",
            "We'll get back to you within two hours, or as soon as I hear.");
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Madrid"),
            ZoneId.of("America/Mexico_City"), ZoneId.of("Asia/Tokyo"));

    @Provide
    Arbitrary<Situation> situations() {
        Arbitrary<Customer> customer = Combinators.combine(
                Arbitraries.of(Segment.class), Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 30_000), Arbitraries.integers().between(0, 30_000),
                Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 6))
                .as((seg, years, value, cost, past, unfounded) -> new Customer("C-1", seg, years,
                        BigDecimal.valueOf(value), BigDecimal.valueOf(cost), Math.max(past, unfounded), unfounded));
        Arbitrary<Agent> agent = Combinators.combine(
                Arbitraries.integers().between(0, 500), Arbitraries.of(Remedy.class).set().ofMaxSize(4),
                Arbitraries.of(Emotion.class).list().ofMaxSize(3), Arbitraries.integers().between(1, 120))
                .as((max, remedies, recent, gap) -> {
                    List<Interaction> interactions = new ArrayList<>();
                    for (int i = 0; i < recent.size(); i++) {
                        interactions.add(new Interaction(NOW.minus(Duration.ofMinutes((long) gap * (recent.size() - i))), recent.get(i)));
                    }
                    return new Agent("A-7", "Lucía", BigDecimal.valueOf(max), new ArrayList<>(remedies), interactions);
                });
        Arbitrary<Complaint> complaint = Combinators.combine(
                Arbitraries.of(Channel.class), Arbitraries.of(Cause.class), Arbitraries.of(ClaimKind.class),
                Arbitraries.of(Emotion.class).injectNull(0.2), Arbitraries.of(Stage.class),
                Arbitraries.integers().between(0, 255), Arbitraries.of(Remedy.class).injectNull(0.4),
                Arbitraries.integers().between(0, 1000))
                .as((ch, cause, kind, emotion, stage, flags, remedy, amount) -> Complaint.builder("K-1")
                        .channel(ch).cause(cause).claimKind(kind).emotion(emotion).stage(stage)
                        .customerWords(emotion == null ? "¡Es la tercera vez que llamo y nadie me resuelve nada!" : null)
                        .stillVenting((flags & 1) != 0).agentInterrupted((flags & 2) != 0)
                        .causedByThisAgent((flags & 4) != 0).causeEstablished((flags & 8) != 0)
                        .paraphrased((flags & 16) != 0).apologized((flags & 32) != 0)
                        .blocksCustomerBusiness((flags & 64) != 0).raisedBefore((flags >> 6) % 3)
                        .requestedRemedy(remedy).amount(BigDecimal.valueOf(amount))
                        .openedAt(NOW.minus(Duration.ofDays(3))).build());
        Arbitrary<List<Evidence>> evidence = Combinators.combine(Arbitraries.of(Stance.class), Arbitraries.of(true, false))
                .as((stance, verified) -> new Object[] {stance, verified}).list().ofMaxSize(3)
                .map(items -> {
                    List<Evidence> out = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        out.add(new Evidence("E-" + i, "RECORD", (Stance) items.get(i)[0], (Boolean) items.get(i)[1], null));
                    }
                    return out;
                });
        Arbitrary<List<Promise>> promises = Combinators.combine(Arbitraries.integers().between(1, 72),
                Arbitraries.integers().between(-48, 48), Arbitraries.integers().between(0, 3), Arbitraries.of(true, false))
                .as((madeHoursAgo, dueOffset, state, owned) -> new Object[] {madeHoursAgo, dueOffset, state, owned})
                .list().ofMaxSize(3).map(items -> {
                    List<Promise> out = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        Object[] it = items.get(i);
                        Instant made = NOW.minus(Duration.ofHours((Integer) it[0]));
                        Instant due = (Integer) it[2] == 3 ? null : max(made, NOW.plus(Duration.ofHours((Integer) it[1])));
                        Instant kept = (Integer) it[2] == 0 ? made : null;
                        out.add(new Promise("P-" + i, "Llamar con noticias", (Boolean) it[3] ? "A-7" : null, made, due, kept));
                    }
                    return out;
                });
        Arbitrary<List<Option>> options = Combinators.combine(Arbitraries.of(Remedy.class),
                Arbitraries.integers().between(0, 400), Arbitraries.of(true, false))
                .as((r, cost, available) -> new Option(r, BigDecimal.valueOf(cost), available, available ? null : "Fuera de plazo"))
                .list().ofMaxSize(3).uniqueElements(Option::remedy);
        return Combinators.combine(customer, agent, complaint, evidence, promises, options,
                        Arbitraries.of(Language.class), Arbitraries.of(DRAFTS).injectNull(0.2))
                .as((cu, ag, co, ev, pr, op, lang, draft) -> new Situation(NOW, lang, "EUR", cu, ag, co, ev, pr, op, draft))
                .flatMap(s -> Arbitraries.of(ZONES).map(z -> s.toBuilder().zone(z).build()));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Property(tries = 250)
    void theSameSituationAlwaysGivesTheSameAdviceWhateverTheListOrder(@ForAll("situations") Situation s) {
        Advice first = DefaultPolicy.advise(s);
        assertThat(DefaultPolicy.advise(s)).isEqualTo(first);
        Random random = new Random(s.hashCode());
        Situation shuffled = s.toBuilder().evidence(shuffle(s.evidence(), random)).promises(shuffle(s.promises(), random))
                .options(shuffle(s.options(), random)).build();
        Advice again = DefaultPolicy.advise(shuffled);
        assertThat(again).isEqualTo(first);
        // invariant 5: next and the draft's commitments too
        assertThat(again.next()).isEqualTo(first.next()).hasSizeLessThanOrEqualTo(3);
        assertThat(again.commitments()).isEqualTo(first.commitments());
    }

    @Property(tries = 250)
    void pastUnfoundedComplaintsNeverChangePriorityRemediesOrWarnings(@ForAll("situations") Situation s) {
        Customer c = s.customer();
        Advice none = DefaultPolicy.advise(s.toBuilder().customer(new Customer(c.id(), c.segment(), c.yearsAsCustomer(),
                c.annualValue(), c.annualCostToServe(), 6, 0)).build());
        Advice many = DefaultPolicy.advise(s.toBuilder().customer(new Customer(c.id(), c.segment(), c.yearsAsCustomer(),
                c.annualValue(), c.annualCostToServe(), 6, 5)).build());
        assertThat(many.priority()).isEqualTo(none.priority());
        assertThat(many.warnings()).isEqualTo(none.warnings());
        assertThat(many.escalations()).isEqualTo(none.escalations());
        assertThat(many.followUps()).isEqualTo(none.followUps());
        // the same lines; where they point may move by the G16 reminder added to the recommendations
        assertThat(lines(many)).isEqualTo(lines(none));
        assertThat(withoutG16(many.recommendations())).isEqualTo(withoutG16(none.recommendations()));
        assertThat(many.recommendations()).filteredOn(r -> !none.recommendations().contains(r))
                .allSatisfy(r -> assertThat(r.guidance()).contains("G16"));
    }

    @Property(tries = 250)
    void aProfitabilityReviewNeverChangesWhatIsRecommendedInTheConversation(@ForAll("situations") Situation s) {
        Customer c = s.customer();
        Advice profitable = DefaultPolicy.advise(s.toBuilder().customer(new Customer(c.id(), c.segment(),
                c.yearsAsCustomer(), BigDecimal.valueOf(5000), BigDecimal.valueOf(100), c.pastComplaints(),
                c.pastUnfoundedComplaints())).build());
        Advice costly = DefaultPolicy.advise(s.toBuilder().customer(new Customer(c.id(), c.segment(),
                c.yearsAsCustomer(), BigDecimal.valueOf(5000), BigDecimal.valueOf(9000), c.pastComplaints(),
                c.pastUnfoundedComplaints())).build());
        assertThat(costly.recommendations()).isEqualTo(profitable.recommendations());
        assertThat(costly.warnings()).isEqualTo(profitable.warnings());
        assertThat(costly.escalations()).isEqualTo(profitable.escalations());
        assertThat(costly.followUps()).isEqualTo(profitable.followUps());
        assertThat(costly.priority()).isEqualTo(profitable.priority());
        assertThat(costly.next()).isEqualTo(profitable.next());
        assertThat(costly.next()).allSatisfy(n -> assertThat(n.guidance()).doesNotContain("G54"));
    }

    @Property(tries = 250)
    void aBlockingWarningAlwaysNamesASpanOfTheDraft(@ForAll("situations") Situation s) {
        Advice advice = DefaultPolicy.advise(s);
        for (Warning w : advice.warnings()) {
            if (w.blocking()) {
                assertThat(w.span()).isNotBlank();
                assertThat(s.draftReply()).contains(w.span());
            }
            if (w.span() != null) {
                assertThat(s.draftReply().substring(w.start(), w.end())).isEqualTo(w.span());
            }
        }
        advice.commitments().forEach(c -> assertThat(s.draftReply().substring(c.start(), c.end())).isEqualTo(c.span()));
        assertThat(advice.complaint()).isEqualTo(s.complaint().id());
    }

    private static List<List<Object>> lines(Advice a) {
        return a.next().stream().map(n -> List.<Object>of(n.code(), n.text(), n.guidance(), n.rule())).toList();
    }

    private static List<Recommendation> withoutG16(List<Recommendation> recs) {
        return recs.stream().filter(r -> !r.guidance().contains("G16")).toList();
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}
