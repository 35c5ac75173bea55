package dev.sereno.rules;

import static dev.sereno.rules.ProposeSolutionsTest.LUCIA;
import static dev.sereno.rules.ProposeSolutionsTest.available;
import static dev.sereno.rules.ProposeSolutionsTest.sectionRulesFired;
import static dev.sereno.rules.ProposeSolutionsTest.unavailable;
import static dev.sereno.rules.support.RuleVerifier.verifyThat;
import static dev.sereno.situation.Remedy.CREDIT;
import static dev.sereno.situation.Remedy.REFUND;
import static dev.sereno.situation.Remedy.REPAIR;
import static dev.sereno.situation.Remedy.REPLACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Severity;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.Explanation;
import dev.sereno.engine.RuleSource;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Language;
import dev.sereno.situation.Option;
import dev.sereno.situation.Remedy;
import dev.sereno.situation.Situation;
import dev.sereno.situation.Stage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Section 5: propose solutions (G22–G35), the rules on the words of the agent's draft reply, in Spanish and English. */
class ProposeSolutionsDraftTest {

    /** Lucía (replacements, repairs and credits up to 100 EUR) at the listening stage, with a draft and options. */
    static Situation draft(Language lang, String draft, Option... options) {
        return Given.situation().locale(lang).agent(LUCIA)
                .complaint(Complaint.builder("K-1").stage(Stage.LISTENING).build())
                .options(options).draftReply(draft).build();
    }

    static Situation asking(Remedy remedy, Language lang, String draft) {
        return Given.situation().locale(lang).agent(LUCIA)
                .complaint(Complaint.builder("K-1").stage(Stage.LISTENING).requestedRemedy(remedy)
                        .amount(new BigDecimal("40")).build())
                .draftReply(draft).build();
    }

    // G22 — no blaming

    @ParameterizedTest(name = "[{0}] \"{1}\" blames others at \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Lo siento, es culpa del almacén, no mía.                      | es culpa del
            ES | Mi compañero se equivocó al tramitar su pedido.              | se equivocó
            ES | Eso no es mi departamento, llame a facturación.              | no es mi departamento
            ES | Usted debería haber leído las condiciones.                   | debería haber leído
            EN | Sorry, that's the warehouse's fault.                          | that's the warehouse's fault
            EN | My colleague messed up your order.                            | My colleague messed up
            EN | I'm afraid that's not my department.                          | not my department
            EN | You should have read the terms.                               | You should have read
            """)
    void g22_dontBlameOthers(Language lang, String draft, String span) {
        verifyThat("Don't blame others in the reply")
                .given(Given.draft(lang, draft))
                .fires().has("G22").warns("BLAMES_OTHERS", Severity.BLOCKING, span);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" blames nobody")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Siento mucho lo ocurrido; no es culpa suya y lo voy a solucionar yo.
            ES | Usted no tiene la culpa de nada: nos equivocamos nosotros y lo corrijo ahora.
            ES | Usted debería haber recibido el pedido el lunes; lo siento mucho.
            EN | It's not your fault, and I'm sorry; I'll sort it out myself.
            EN | Nobody is to blame but us: we made a mistake and I'm fixing it now.
            EN | You should have received it on Monday; I'm very sorry.
            """)
    void g22_quietWhenNobodyIsBlamed(Language lang, String draft) {
        verifyThat("Don't blame others in the reply")
                .given(Given.draft(lang, draft))
                .staysQuiet().doesNotWarn("BLAMES_OTHERS");
    }

    // G25 — the draft offers only one option while more exist

    @ParameterizedTest(name = "[{0}] \"{1}\" offers only one option")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Podemos reemplazar el producto esta misma semana.
            EN | We can replace the product this week.
            """)
    void g25_warnWhenTheReplyOffersOnlyOneOption(Language lang, String text) {
        verifyThat("The reply offers only one option while more exist")
                .given(draft(lang, text, available(REPLACE, "80"), available(CREDIT, "60")))
                .fires().has("G25").warns("OFFERS_ONLY_ONE_OPTION", Severity.CAUTION, null);
        // only one option exists: nothing more to offer
        verifyThat("The reply offers only one option while more exist")
                .given(draft(lang, text, available(REPLACE, "80"), unavailable(CREDIT, "60", "No aplica")))
                .staysQuiet().doesNotWarn("OFFERS_ONLY_ONE_OPTION");
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" offers two options")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Podemos reemplazar el producto o hacerle un abono por el importe. ¿Qué prefiere?
            EN | We can replace the product or give you a store credit. Which would you prefer?
            """)
    void g25_quietWhenTheReplyOffersTwo(Language lang, String text) {
        verifyThat("The reply offers only one option while more exist")
                .given(draft(lang, text, available(REPLACE, "80"), available(CREDIT, "60")))
                .staysQuiet().doesNotWarn("OFFERS_ONLY_ONE_OPTION");
    }

    // G28 — the draft offers what the agent cannot grant alone

    @ParameterizedTest(name = "[{0}] \"{1}\" offers what needs approval at \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | No se preocupe, le reembolsamos el importe hoy mismo.     | le reembolsamos
            EN | Don't worry, we will refund you today.                     | refund
            """)
    void g28_warnWhenTheReplyOffersWhatNeedsApproval(Language lang, String text, String span) {
        verifyThat("Don't offer in the reply what you cannot grant alone")
                .given(draft(lang, text, available(REFUND, "40")))
                .fires().has("G28").warns("OFFER_NEEDS_APPROVAL", Severity.CAUTION, span)
                .doesNotWarn("OPTION_NEEDS_APPROVAL");
        // a repair within Lucía's limit is hers to offer
        verifyThat("Don't offer in the reply what you cannot grant alone")
                .given(draft(lang, text, available(REPAIR, "40")))
                .staysQuiet().doesNotWarn("OFFER_NEEDS_APPROVAL");
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" does not offer it")
    @CsvSource(delimiter = '|', textBlock = """
            ES | No podemos reembolsarle sin la aprobación de mi supervisora; se lo consulto ahora.
            EN | I can't refund it myself; let me ask my supervisor right now.
            """)
    void g28_quietWhenTheReplyDoesNotOfferIt(Language lang, String text) {
        verifyThat("Don't offer in the reply what you cannot grant alone")
                .given(draft(lang, text, available(REFUND, "40")))
                .staysQuiet().doesNotWarn("OFFER_NEEDS_APPROVAL");
    }

    // G26, G32 — the draft offers what is not available

    @ParameterizedTest(name = "[{0}] \"{1}\" offers an unavailable option at \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Le devolvemos el dinero en cuanto recibamos el paquete.   | Le devolvemos el dinero
            EN | We'll refund it as soon as the parcel is back.            | refund
            """)
    void g32_warnWhenTheReplyOffersWhatIsNotAvailable(Language lang, String text, String span) {
        verifyThat("Don't offer in the reply what is not available")
                .given(draft(lang, text, available(REPLACE, "80"), unavailable(REFUND, "250", "Fuera de plazo")))
                .fires().has("G32").has("G26").warns("OFFERS_UNAVAILABLE_OPTION", Severity.CAUTION, span);
        verifyThat("Don't offer in the reply what is not available")
                .given(draft(lang, text, available(REPLACE, "80"), available(REFUND, "80")))
                .staysQuiet().doesNotWarn("OFFERS_UNAVAILABLE_OPTION");
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" says what is possible and what is not")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Podemos reemplazar el producto, pero no reembolsarlo: está fuera de plazo.
            EN | We can replace the product, but not refund it: it is past the return period.
            """)
    void g26_quietWhenTheReplySaysWhatIsNotPossible(Language lang, String text) {
        verifyThat("Don't offer in the reply what is not available")
                .given(draft(lang, text, available(REPLACE, "80"), unavailable(REFUND, "250", "Fuera de plazo")))
                .staysQuiet().doesNotWarn("OFFERS_UNAVAILABLE_OPTION");
    }

    // G29 — never a bare no

    @ParameterizedTest(name = "[{0}] \"{1}\" is a bare no at \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Lo siento, eso no se puede.                              | no se puede
            ES | Es imposible cambiar la fecha.                           | imposible
            ES | No podemos hacer nada más por usted.                     | No podemos hacer nada
            EN | Sorry, we can't do that.                                 | we can't
            EN | I'm afraid there's nothing we can do.                    | there's nothing we can do
            """)
    void g29_neverABareNo(Language lang, String text, String span) {
        verifyThat("Never a bare no")
                .given(Given.draft(lang, text))
                .fires().has("G29").warns("BARE_REFUSAL", Severity.CAUTION, span);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" comes with an alternative")
    @CsvSource(delimiter = '|', textBlock = """
            ES | No se puede reembolsar, pero podemos reemplazarlo hoy mismo.
            ES | Cambiar la fecha no es posible; lo que sí podemos hacer es enviárselo por mensajero.
            ES | Nada es imposible: veamos juntos cómo lo resolvemos.
            ES | Si no se puede reparar, le llamo yo para ver alternativas.
            EN | We can't refund it, but we can replace it today.
            EN | That date is not possible; what we can do is send it by courier, and the cost is 10 EUR.
            EN | If we can't fix it today, I'll call you myself.
            """)
    void g29_quietWhenAnAlternativeFollows(Language lang, String text) {
        verifyThat("Never a bare no")
                .given(Given.draft(lang, text))
                .staysQuiet().doesNotWarn("BARE_REFUSAL");
    }

    @Test
    void g29_g50_aNoWhileSomethingCouldBeOfferedIsInflexible() {
        String rule = "A no while there is something to offer is inflexible";
        String draft = "Entiendo su molestia. Es la política de la empresa, pero no puedo hacer nada.";
        Situation withRepair = Given.situation().locale(Language.ES)
                .options(Option.available(Remedy.REPAIR, new BigDecimal("30"))).draftReply(draft).build();
        // the "pero" introduces no alternative, and a repair could be offered: one caution, citing both
        verifyThat(rule).given(withRepair).fires().has("G50").has("G29")
                .warns("REFUSAL_WITH_OPTIONS_LEFT", Severity.CAUTION, "no puedo hacer nada").doesNotWarn("BARE_REFUSAL");
        // nothing available to offer: a bare no, and the rule named with no alternative (the phrase lists' G50), not
        // this rule
        verifyThat(rule).given(Given.draft(Language.ES, draft)).staysQuiet()
                .warns("BARE_REFUSAL", Severity.CAUTION, "no puedo hacer nada")
                .warns("POLICY_WITHOUT_ALTERNATIVE", Severity.CAUTION, "Es la política de la empresa");
        // the draft offers the repair: neither
        verifyThat(rule).given(Given.situation().locale(Language.ES)
                        .options(Option.available(Remedy.REPAIR, new BigDecimal("30")))
                        .draftReply("No es posible cambiarla, pero podemos repararla esta semana sin coste.").build())
                .staysQuiet().doesNotWarn("BARE_REFUSAL").lacks("G50");
    }

    /**
     * An explained refusal is not bare (G29, G31). The phrase kind EXPLAINS_WHY is not in the bundled lists yet (the
     * lists are being rebuilt; see the note in the rule): this checks the rule's side with a list that has it.
     */
    @Test
    void g29_aRefusalWithItsReasonIsNotBare(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("phrases"));
        Files.writeString(dir.resolve("phrases/es.phrases"), "[EXPLAINS_WHY]\nporque\nle explico\n");
        try (Advisor withReasons = Advisor.builder().rules(RuleSource.defaultPolicyWith(dir)).build()) {
            Explanation explained = withReasons.explain(Given.draft(Language.ES,
                    "No es posible cambiarlo porque el producto ya se ha usado; le explico cómo lo hemos revisado."));
            assertThat(explained.rulesFired()).doesNotContain("Never a bare no");
            assertThat(explained.advice().warnings()).extracting(w -> w.code()).doesNotContain("BARE_REFUSAL");
            Explanation bare = withReasons.explain(Given.draft(Language.ES, "No es posible cambiarlo."));
            assertThat(bare.rulesFired()).contains("Never a bare no");
        }
    }

    // G32 — guarantees

    @ParameterizedTest(name = "[{0}] \"{1}\" guarantees beyond authority at \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | No se preocupe, le garantizo que mañana tendrá su dinero.   | le garantizo
            ES | Se lo devolvemos mañana sin falta.                           | sin falta
            EN | I guarantee you'll have your money tomorrow.                 | I guarantee
            EN | You'll have it back definitely by tomorrow.                  | definitely by tomorrow
            """)
    void g32_aGuaranteeBeyondAuthorityBlocksTheDraft(Language lang, String text, String span) {
        verifyThat("Don't guarantee what needs someone else's approval")
                .given(asking(REFUND, lang, text))
                .fires().has("G32").warns("GUARANTEE_BEYOND_AUTHORITY", Severity.BLOCKING, span)
                .doesNotWarn("GUARANTEES_OUTCOME");
        verifyThat("Don't guarantee what needs someone else's approval")
                .given(asking(REPAIR, lang, text))
                .staysQuiet().doesNotWarn("GUARANTEE_BEYOND_AUTHORITY");
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" guarantees an outcome at \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Le aseguro que mañana lo tiene en casa.                      | Le aseguro que mañana
            EN | I promise you it will arrive on Friday.                      | I promise you it will
            """)
    void g32_anyOtherGuaranteeIsACaution(Language lang, String text, String span) {
        verifyThat("Don't guarantee outcomes you don't control")
                .given(asking(REPAIR, lang, text))
                .fires().has("G32").warns("GUARANTEES_OUTCOME", Severity.CAUTION, span)
                .doesNotWarn("GUARANTEE_BEYOND_AUTHORITY");
        verifyThat("Don't guarantee outcomes you don't control")
                .given(asking(REFUND, lang, text))
                .staysQuiet().doesNotWarn("GUARANTEES_OUTCOME");
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" guarantees nothing")
    @CsvSource(delimiter = '|', textBlock = """
            ES | La fecha no está garantizada: le llamo yo mañana a las diez con noticias.
            ES | No le puedo garantizar la fecha, pero le llamo mañana a las diez.
            EN | The date is not guaranteed; I'll call you tomorrow at ten with news.
            EN | I can't guarantee the date, but I'll call you tomorrow at ten.
            """)
    void g32_quietWithoutAGuarantee(Language lang, String text) {
        verifyThat("Don't guarantee outcomes you don't control")
                .given(asking(REFUND, lang, text)).staysQuiet();
        verifyThat("Don't guarantee what needs someone else's approval")
                .given(asking(REFUND, lang, text)).staysQuiet().doesNotWarn("GUARANTEE_BEYOND_AUTHORITY");
    }

    // Noise

    @ParameterizedTest(name = "[{0}] \"{1}\" gets nothing from section 5")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Buenos días, gracias por escribirnos. Su pedido sale hoy y le llegará el jueves. ¿Le puedo ayudar en algo más?
            EN | Good morning, thank you for getting in touch. Your order ships today and should arrive on Thursday. Is there anything else I can help with?
            """)
    void g22_g35_quietOnACalmQuestionWithAPoliteDraft(Language lang, String text) {
        assertThat(sectionRulesFired(Given.draft(lang, text))).isEmpty();
    }

    @Test
    void g29_g22_theG26PhrasingIsNeitherARefusalNorABlame() {
        Situation s = draft(Language.ES, "Podemos reemplazar el producto, pero no reembolsarlo.",
                available(REPLACE, "80"), unavailable(REFUND, "250", "Fuera de plazo"));
        assertThat(sectionRulesFired(s)).doesNotContain("Never a bare no", "Don't blame others in the reply",
                "Don't offer in the reply what is not available", "The reply offers only one option while more exist");
    }
}
