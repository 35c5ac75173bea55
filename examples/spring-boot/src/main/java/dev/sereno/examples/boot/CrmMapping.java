package dev.sereno.examples.boot;

import dev.sereno.situation.Agent;
import dev.sereno.situation.Channel;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Customer;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Evidence;
import dev.sereno.situation.Language;
import dev.sereno.situation.Segment;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import dev.sereno.situation.Stance;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The CRM's reply in Sereno's terms. What the CRM does not know stays at the contract's defaults; a value the
 * mapping cannot read is a {@link CrmInputException} naming the CRM's field, so the CRM's developers see their own
 * names, not Sereno's.
 */
@Component
public class CrmMapping {
    private static final Map<String, Channel> CHANNELS = Map.of("phone", Channel.PHONE, "email", Channel.EMAIL,
            "chat", Channel.CHAT, "store", Channel.IN_PERSON, "social", Channel.SOCIAL);
    private static final Map<String, Emotion> MOODS = Map.of("calm", Emotion.CALM, "upset", Emotion.UPSET,
            "angry", Emotion.ANGRY, "furious", Emotion.FURIOUS);
    private static final Map<String, Segment> KINDS = Map.of("person", Segment.INDIVIDUAL,
            "business", Segment.SMALL_BUSINESS, "corporate", Segment.ENTERPRISE);
    private static final Map<String, Language> LANGUAGES = Map.of("es", Language.ES, "en", Language.EN);

    private final Clock clock;

    public CrmMapping(Clock clock) {
        this.clock = clock;
    }

    public Situation situation(CrmReply reply) {
        List<String> problems = new ArrayList<>();
        if (reply.ticket() == null || blank(reply.ticket().number())) {
            problems.add("ticket.number: required");
        }
        if (reply.account() == null || blank(reply.account().number())) {
            problems.add("account.number: required");
        }
        if (reply.agent() == null || blank(reply.agent().login())) {
            problems.add("agent.login: required");
        }
        if (!problems.isEmpty()) {
            throw new CrmInputException(problems);
        }
        CrmReply.Ticket t = reply.ticket();
        Complaint.Builder complaint = Complaint.builder(t.number()).stage(Stage.LISTENING)
                .claim(t.subject()).customerWords(t.customerSaid()).openedAt(t.openedAt());
        pick("ticket.channel", t.channel(), CHANNELS, problems).ifPresent(complaint::channel);
        pick("ticket.mood", t.mood(), MOODS, problems).ifPresent(complaint::emotion); // absent: Sereno estimates it
        Customer customer = Customer.of(reply.account().number());
        var segment = pick("account.kind", reply.account().kind(), KINDS, problems);
        if (segment.isPresent()) {
            customer = customer.withSegment(segment.get());
        }
        if (reply.account().customerSinceYear() != null) {
            int now = clock.instant().atZone(ZoneOffset.UTC).getYear();
            customer = customer.withYearsAsCustomer(Math.max(0, now - reply.account().customerSinceYear()));
        }
        var language = pick("ticket.language", t.language(), LANGUAGES, problems);
        if (!problems.isEmpty()) {
            throw new CrmInputException(problems);
        }
        List<Evidence> evidence = reply.proof() == null ? List.of() : reply.proof().stream()
                .map(p -> new Evidence(p.id(), p.type(), p.contradictsCustomer() ? Stance.CONTRADICTS : Stance.SUPPORTS,
                        p.checked(), p.note()))
                .toList();
        Agent agent = Agent.of(reply.agent().login());
        return Situation.builder().now(clock.instant()).locale(language.orElse(Language.ES))
                .customer(customer).agent(agent).complaint(complaint.build()).evidence(evidence)
                .draftReply(reply.draft()).build();
    }

    private static <T> java.util.Optional<T> pick(String field, String value, Map<String, T> known, List<String> problems) {
        if (blank(value)) {
            return java.util.Optional.empty();
        }
        T found = known.get(value.strip().toLowerCase(Locale.ROOT));
        if (found == null) {
            problems.add(field + ": \"" + value + "\" is not one of " + new java.util.TreeSet<>(known.keySet()));
        }
        return java.util.Optional.ofNullable(found);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
