package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Commitment;
import dev.sereno.advice.Warning;
import dev.sereno.policy.DraftCommitment;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import dev.sereno.text.time.CommitmentFinder;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The promises a draft makes, read with the default policy's commitment lists (commitments/xx.commitments): what is
 * promised, the words, the offsets, and the time resolved in the customer's zone.
 */
class DraftCommitmentsTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    /** Monday 23 November 2026, 11:00 in Madrid. */
    private static final Instant NOW = Given.NOW;

    private static List<DraftCommitment> find(Language lang, String draft) {
        CommitmentFinder f = DefaultPolicy.ADVISOR.policy().commitmentFinder(lang);
        return f.find(draft, NOW, MADRID);
    }

    @Test
    void aPromiseOrATimeTypedInShorthandIsReadAsIfSpeltOut() {
        // phrases/xx.spellings: "cdo" is "cuando", "u" is "you", "tmrw" is "tomorrow"; the span is what was typed
        List<DraftCommitment> es = find(Language.ES, "Te llamamos cdo sepamos algo");
        List<DraftCommitment> spelt = find(Language.ES, "Te llamamos cuando sepamos algo");
        assertThat(es).isNotEmpty().extracting(DraftCommitment::what)
                .containsExactlyElementsOf(spelt.stream().map(DraftCommitment::what).toList());
        assertThat(es).extracting(DraftCommitment::span)
                .containsExactlyElementsOf(spelt.stream().map(c -> c.span().replace("cuando", "cdo")).toList());
        assertThat(es).allSatisfy(c -> assertThat(c.due()).isNull());
        List<DraftCommitment> en = find(Language.EN, "we'll call u back tmrw at 10");
        assertThat(en).hasSize(1);
        assertThat(en.get(0).due()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        // a one-letter shorthand in capitals inside a sentence is a name, as in the phrase reader
        assertThat(find(Language.EN, "We will send the Model U cable tomorrow at 10")).singleElement()
                .satisfies(c -> assertThat(c.due()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z")));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Le llamo mañana a las 10 con los detalles.                 | CALL_BACK | Le llamo mañana a las 10                | 2026-11-24T09:00:00Z
            ES | Antes del viernes le confirmamos la fecha.                 | CONFIRM   | Antes del viernes le confirmamos        | 2026-11-26T23:00:00Z
            ES | Hoy antes de las 17 le envío el justificante.              | SEND      | Hoy antes de las 17 le envío            | 2026-11-23T16:00:00Z
            ES | Se lo mandamos esta tarde por correo.                      | SEND      | Se lo mandamos esta tarde               | 2026-11-23T17:00:00Z
            ES | Le devolveremos el importe en 48 horas.                    | REFUND    | Le devolveremos el importe en 48 horas  | 2026-11-25T10:00:00Z
            ES | El técnico irá el lunes; le llamaremos el lunes a las 9.   | CALL_BACK | le llamaremos el lunes a las 9          | 2026-11-30T08:00:00Z
            EN | I'll call you back by noon.                                | CALL_BACK | I'll call you back by noon              | 2026-11-23T11:00:00Z
            EN | We'll send you the label tomorrow at 10.                   | SEND      | We'll send you the label tomorrow at 10 | 2026-11-24T09:00:00Z
            EN | You'll be refunded within two hours.                       | REFUND    | You'll be refunded within two hours     | 2026-11-23T12:00:00Z
            EN | I will confirm the date by the end of the week.            | CONFIRM   | I will confirm the date by the end of the week | 2026-11-27T17:00:00Z
            EN | We'll get back to you next Monday.                         | REPLY     | We'll get back to you next Monday       | 2026-11-30T17:00:00Z
            """)
    void aPromiseWithATimeIsReadWithItsTime(Language lang, String draft, String what, String span, String due) {
        List<DraftCommitment> found = find(lang, draft);
        assertThat(found).hasSize(1);
        DraftCommitment c = found.get(0);
        assertThat(c.what()).isEqualTo(what);
        assertThat(c.span()).isEqualTo(span);
        assertThat(draft.substring(c.start(), c.end())).isEqualTo(span);
        assertThat(c.due()).isEqualTo(Instant.parse(due));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Le diremos algo en cuanto podamos.               | REPLY     | Le diremos algo en cuanto podamos
            ES | Le llamaremos.                                   | CALL_BACK | Le llamaremos
            ES | En cuanto sepamos algo, se lo decimos.           | REPLY     | En cuanto sepamos algo, se lo decimos
            ES | En cuanto sepamos algo.                          | OTHER     | En cuanto sepamos algo
            ES | Le llamaremos en cuanto sepamos algo.            | CALL_BACK | Le llamaremos en cuanto sepamos algo
            ES | Nos pondremos en contacto con usted.             | REPLY     | Nos pondremos en contacto
            ES | Le avisaremos cuando llegue el repuesto.         | REPLY     | Le avisaremos
            ES | Lo solucionamos lo antes posible.                | FIX       | Lo solucionamos lo antes posible
            EN | We'll be in touch.                               | REPLY     | We'll be in touch
            EN | We'll get back to you.                           | REPLY     | We'll get back to you
            EN | As soon as I hear from the warehouse, I'll let you know. | REPLY | As soon as I hear from the warehouse, I'll let you know
            EN | I'll call you as soon as I know more.            | CALL_BACK | I'll call you as soon as I know more
            EN | Someone will contact you.                        | REPLY     | Someone will contact you
            """)
    void aPromiseWithoutATimeHasNoDue(Language lang, String draft, String what, String span) {
        List<DraftCommitment> found = find(lang, draft);
        assertThat(found).extracting(DraftCommitment::what).containsExactly(what);
        assertThat(found.get(0).span()).isEqualTo(span);
        assertThat(found.get(0).due()).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Le confirmo que su pedido ya está en camino.
            ES | Le informo de que el pago se ha recibido.
            ES | No le llamaremos más, como pidió.
            ES | Ayer le llamé dos veces.
            ES | Gracias por escribirnos.
            EN | I confirm that your order has shipped.
            EN | We called you yesterday.
            EN | Thank you for your patience.
            """)
    void aStatementIsNotAPromise(Language lang, String draft) {
        assertThat(find(lang, draft)).isEmpty();
    }

    @Test
    void severalPromisesAreEachFoundInOrderWithOffsetsThatCountEmojiAsJavaDoes() {
        String draft = "😀 Le llamo mañana a las 10 😀 y le enviamos el abono en cuanto podamos.";
        List<DraftCommitment> found = find(Language.ES, draft);
        assertThat(found).extracting(DraftCommitment::what).containsExactly("CALL_BACK", "SEND");
        for (DraftCommitment c : found) {
            assertThat(draft.substring(c.start(), c.end())).isEqualTo(c.span());
        }
        assertThat(found.get(1).due()).isNull();
    }

    /**
     * Recall on natural drafts that promise without a time: the warning must come (G32, G37); and quiet when a time
     * follows.
     */
    @Test
    void theWarningOnAPromiseWithoutTimeHasHighRecallAndStaysQuietWithATime() {
        List<String> es = List.of("Le diremos algo en cuanto podamos.", "Le llamaremos.",
                "En cuanto sepamos algo, le decimos.", "en cuanto sepamos algo le avisamos",
                "Disculpe las molestias; le llamaremos cuando tengamos novedades.", "Ya le contaremos.",
                "Nos pondremos en contacto con usted lo antes posible.", "Le mantendremos informado.",
                "Le enviaremos el justificante.", "Le devolveremos el dinero.", "Le confirmaremos la cita.",
                "Tendrá noticias nuestras en breve.", "Se lo solucionaremos cuanto antes.",
                "Le contestaremos en cuanto nos digan algo.", "Voy a llamarle en cuanto lo sepa.");
        List<String> en = List.of("We'll be in touch.", "We'll get back to you.", "I'll let you know as soon as I hear.",
                "Someone will contact you shortly.", "We will call you back.", "I'll keep you posted.",
                "You'll hear from us soon.", "We'll send the label as soon as possible.", "I'll follow up with you.",
                "We will refund you.", "I'll confirm once we know more.", "We'll sort it out as soon as we can.",
                "Our team will be in touch.", "I'll update you when I hear back.", "We'll get this fixed.");
        int caught = 0;
        for (String d : es) {
            caught += warned(Language.ES, d) ? 1 : 0;
        }
        for (String d : en) {
            caught += warned(Language.EN, d) ? 1 : 0;
        }
        assertThat(caught / (double) (es.size() + en.size())).isGreaterThanOrEqualTo(0.85);

        assertThat(warned(Language.ES, "Le llamo mañana a las 10.")).isFalse();
        assertThat(warned(Language.EN, "I'll call you back by noon.")).isFalse();
        assertThat(warned(Language.ES, "Antes del viernes le confirmamos la fecha.")).isFalse();
        assertThat(warned(Language.EN, "We'll be in touch tomorrow by 5pm.")).isFalse();
    }

    private static boolean warned(Language lang, String draft) {
        Advice a = DefaultPolicy.advise(Given.situation().locale(lang).zone(MADRID).draftReply(draft).build());
        return a.warnings().stream().map(Warning::code).anyMatch("COMMITMENT_WITHOUT_TIME"::equals);
    }

    @Test
    void theAdviceListsTheCommitmentsWithTheirGuidance() {
        Situation s = Given.situation().zone(MADRID)
                .draftReply("Le llamo mañana a las 10 y le llamaremos en cuanto sepamos algo.").build();
        List<Commitment> c = DefaultPolicy.advise(s).commitments();
        assertThat(c).extracting(Commitment::what, Commitment::due, Commitment::guidance).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CALL_BACK", Instant.parse("2026-11-24T09:00:00Z"), List.of("G37")),
                org.assertj.core.groups.Tuple.tuple("CALL_BACK", null, List.of("G32", "G37")));
    }
}
