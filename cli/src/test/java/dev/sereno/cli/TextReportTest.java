package dev.sereno.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.json.SituationJson;
import dev.sereno.situation.Situation;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The text layout an agent reads, and the demo that shows it to a newcomer. */
class TextReportTest {
    static Advisor advisor;

    @BeforeAll
    static void build() {
        advisor = Advisor.withDefaultRules();
    }

    @AfterAll
    static void close() {
        advisor.close();
    }

    static Situation scene(String name) {
        return new SituationJson().read(DemoCommand.resource(name));
    }

    static String report(Situation s) {
        return TextReport.render(advisor.advise(s), s);
    }

    @Test
    void aBlockedDraftSaysSoFirstAndMarksTheWordsToChange() {
        String text = report(scene("phone-liar-es"));
        assertThat(text.lines().skip(1).findFirst()).hasValueSatisfying(l -> assertThat(l).startsWith("✖ NO ENVÍE EL BORRADOR"));
        assertThat(text).contains("✖ «Usted miente» — Nunca diga al cliente que miente");
        assertThat(text.indexOf("ANTES DE ENVIAR")).isLessThan(text.indexOf("QUÉ HACER Y CÓMO DECIRLO"));
        assertThat(text).contains("prioridad URGENTE · emoción enfadado");
    }

    @Test
    void theAgentNeverSeesTheProfitabilityReviewOrItsFigures() {
        // G54: "never by the agent mid-conversation"; the review is in the JSON for the management channel only
        Situation costly = new SituationJson().read("""
                {"now": "2026-11-23T10:00:00Z", "locale": "es",
                 "customer": {"id": "C-1", "annualValue": 1234.00, "annualCostToServe": 9876.00},
                 "agent": {"id": "A-7"}, "complaint": {"id": "K-1", "emotion": "UPSET", "stage": "LISTENING"}}""");
        Advice advice = advisor.advise(costly);
        assertThat(advice.reviews()).extracting(r -> r.kind()).containsExactly("ACCOUNT_PROFITABILITY");
        for (String text : java.util.List.of(TextReport.render(advice, costly), TextReport.render(advice, costly.locale()),
                TextReport.render(advice, dev.sereno.situation.Language.EN))) {
            assertThat(text).doesNotContain("9876", "1234", "G54", "DIRECCIÓN", "MANAGEMENT", "rentab", "profitab");
        }
    }

    @Test
    void aDraftWithoutBlockingWarningsMayGoOutAndNoDraftGetsNoVerdict() {
        Situation calm = scene("calm-question-en");
        assertThat(report(calm)).contains("✔ The draft can go out").doesNotContain("DON'T SEND", "BEFORE YOU SEND");
        Situation noDraft = calm.toBuilder().draftReply(null).build();
        assertThat(report(noDraft)).doesNotContain("✔", "✖");
    }

    @Test
    void deadlinesSayHowLongIsLeftOrHowLongTheyAreOverdue() {
        Situation s = scene("phone-liar-es");
        assertThat(report(s)).contains("⏰ 2026-11-23 12:00 UTC (dentro de 2 h) — ");
        Advice advice = advisor.advise(s);
        Situation later = s.toBuilder().now(s.now().plus(Duration.ofHours(5))).build();
        assertThat(TextReport.render(advice, later)).contains("2026-11-23 12:00 UTC (vencido hace 3 h)");
        assertThat(TextReport.render(advice, s.locale())).contains("⏰ 2026-11-23 12:00 UTC — ");
    }

    @Test
    void whatToDoIsGroupedByTheMomentOfTheConversationInItsOrder() {
        String text = report(scene("venting-in-person-es"));
        int venting = text.indexOf("  Mientras se desahoga");
        int listening = text.indexOf("  Mientras escucha");
        assertThat(venting).isPositive().isLessThan(listening);
        assertThat(text).contains("Diga, con sus palabras: «");
    }

    @Test
    void spansReadAtAGlance() {
        assertThat(TextReport.span(Duration.ofMinutes(45))).isEqualTo("45 min");
        assertThat(TextReport.span(Duration.ofMinutes(125))).isEqualTo("2 h");
        assertThat(TextReport.span(Duration.ofHours(47))).isEqualTo("47 h");
        assertThat(TextReport.span(Duration.ofHours(72))).isEqualTo("3 d");
    }

    @Test
    void theDemoShowsTheConversationBeforeTheAdviceAndAnOverduePromise() {
        CliTest.Run r = CliTest.sereno("demo", "overdue-promise-es");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("━━ 1/1 · ", "Cliente: «Me dijeron que me llamarían ayer", "Borrador de Jorge: «",
                "Lo prometido ha vencido sin cumplirse: Llamar al cliente con la fecha de visita del técnico",
                "↑ Supervisor: Una promesa al cliente venció");
        assertThat(r.out().indexOf("Borrador de Jorge")).isLessThan(r.out().indexOf("Queja K-4410"));
        assertThat(r.out().lines()).noneMatch(l -> l.endsWith(" "));
    }

    @Test
    void anUnknownSceneExitsTwoNamingTheScenes() {
        CliTest.Run r = CliTest.sereno("demo", "no-such-scene");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("phone-liar-es", "overdue-promise-es");
    }
}
