package dev.sereno.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Warning;
import dev.sereno.cli.scenario.Scenario;
import dev.sereno.cli.scenario.ScenarioFiles;
import dev.sereno.engine.Advisor;
import dev.sereno.situation.Option;
import dev.sereno.situation.Situation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a remedy costs the organisation ({@code options[].cost}) is never quoted in the advice: it decides authority and
 * the order of the options, but the customer only ever hears a price ({@code options[].price}, G29). Every text of the
 * advice for every bundled scenario is searched for every option's cost, as the message bundles print numbers.
 */
class CostNeverQuotedTest {

    @Test
    void noAdviceTextOfABundledScenarioQuotesAnOptionsCost() {
        List<Scenario> scenarios = new ScenarioFiles().bundled(CostNeverQuotedTest.class.getClassLoader(), "");
        assertThat(scenarios).isNotEmpty();
        List<String> quoted = new ArrayList<>();
        int searched = 0;
        try (Advisor advisor = Advisor.withDefaultRules()) {
            for (Scenario scenario : scenarios) {
                if (scenario.situation() == null) {
                    continue;
                }
                Situation s = scenario.situation();
                Set<String> costs = costsOnlyTheOrganisationKnows(s);
                if (costs.isEmpty()) {
                    continue;
                }
                Advice advice = advisor.advise(s);
                for (String written : texts(advice).toList()) {
                    // the agent's own words quoted back (a span of the draft) are not a figure the advice gives
                    String text = (s.draftReply() == null ? written : written.replace(s.draftReply(), "")).replaceAll("«[^»]*»", "");
                    for (Warning w : advice.warnings()) {
                        text = w.span() == null ? text : text.replace(w.span(), "");
                    }
                    for (var c : advice.commitments()) {
                        text = text.replace(c.span(), "");
                    }
                    for (String cost : costs) {
                        searched++;
                        if (Pattern.compile("(?<![\\d.,])" + Pattern.quote(cost) + "(?![\\d]|[.,]\\d)").matcher(text).find()) {
                            quoted.add(scenario.file() + ": " + cost + " in «" + written + "»");
                        }
                    }
                }
            }
        }
        assertThat(searched).as("texts searched for a cost").isGreaterThan(100);
        assertThat(quoted).as("advice quoting what a remedy costs the organisation").isEmpty();
    }

    /**
     * Each option's cost as the messages print a number ("120", "45.50"), leaving out a figure that is also the
     * amount at stake, a limit, a price or a customer figure: those may be quoted, and would be found by mistake.
     */
    private static Set<String> costsOnlyTheOrganisationKnows(Situation s) {
        List<BigDecimal> quotable = new ArrayList<>();
        quotable.add(s.complaint().amount());
        quotable.add(s.agent().maxCompensation());
        quotable.add(s.customer().annualValue());
        quotable.add(s.customer().annualCostToServe());
        s.options().stream().map(Option::price).forEach(quotable::add);
        Set<String> out = new TreeSet<>();
        for (Option o : s.options()) {
            BigDecimal cost = o.cost();
            if (cost.signum() > 0 && quotable.stream().filter(Objects::nonNull).noneMatch(q -> q.compareTo(cost) == 0)) {
                out.add(printed(cost));
            }
        }
        return out;
    }

    private static String printed(BigDecimal d) {
        return d.stripTrailingZeros().scale() <= 0 ? d.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                : d.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static Stream<String> texts(Advice a) {
        return Stream.of(
                a.recommendations().stream().flatMap(r -> Stream.of(r.say(), r.why())),
                a.warnings().stream().map(w -> w.why()),
                a.escalations().stream().flatMap(e -> Stream.of(e.say(), e.why())),
                a.followUps().stream().map(f -> f.what()),
                a.reviews().stream().map(r -> r.why())).flatMap(x -> x).filter(Objects::nonNull);
    }
}
