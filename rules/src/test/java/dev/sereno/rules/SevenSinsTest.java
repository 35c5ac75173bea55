package dev.sereno.rules;

import static dev.sereno.rules.support.RuleVerifier.verifyThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Severity;
import dev.sereno.rules.support.AdviceAssert;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Language;
import dev.sereno.situation.Situation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Section 8: the seven deadly sins of service in the agent's draft reply (G47–G53). */
class SevenSinsTest {
    private static final String APATHY = "Acknowledge how a distressed customer feels or what happened to them";
    private static final String ROBOTISM = "Say it in your own words, not a canned formula";
    private static final String DISDAIN = "Don't belittle the customer";
    private static final String CONTEMPT = "Never show the customer contempt";
    private static final String INFLEXIBILITY = "Don't hide behind the rules without offering an alternative";
    private static final String CURTNESS = "Don't send a curt reply to a distressed customer";
    private static final String COLD_WORDING = "Avoid cold, impersonal wording";
    private static final String EVASIVENESS = "Don't evade: if you don't know, commit to finding out";
    private static final String SUPERIORITY = "Don't lecture the customer";

    private static final String[] SINS = {"G47", "G48", "G49", "G50", "G51", "G52", "G53"};

    // --- G47 apathy and G51 coldness: what the draft does not say ---------------------------------------------

    @ParameterizedTest(name = "[{0}] apathetic: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Su pedido salió del almacén el martes y, según el transportista, se entregará el jueves entre las 9 y las 14 horas.
            EN | Your order left the warehouse on Tuesday and, according to the courier, it will be delivered on Thursday between 9 am and 2 pm.
            """)
    void g47_aDistressedCustomerGetsNoAcknowledgement(Language lang, String draft) {
        verifyThat(APATHY).given(feeling(Emotion.UPSET, lang, draft))
                .fires().has("G47").warns("NO_ACKNOWLEDGEMENT", Severity.CAUTION, null).lacks("G51");
        verifyThat(APATHY).given(feeling(Emotion.FURIOUS, lang, draft)).fires().has("G47");
        // the same draft to a calm customer asking a simple question is just information
        verifyThat(APATHY).given(feeling(Emotion.CALM, lang, draft)).staysQuiet().lacks("G47");
    }

    @ParameterizedTest(name = "[{0}] acknowledges: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Siento mucho el retraso. Su pedido salió del almacén el martes y se entregará el jueves por la mañana.
            ES | Entiendo su malestar: su pedido salió del almacén el martes y se entregará el jueves por la mañana.
            ES | Si lo he entendido bien, el pedido tenía que llegar el lunes y aún no lo tiene; sale hoy y llega el jueves.
            ES | Tiene toda la razón, debía haber llegado el lunes; salió del almacén el martes y le llegará el jueves.
            EN | I'm sorry about the delay. Your order left the warehouse on Tuesday and will be delivered on Thursday morning.
            EN | I can see why you're annoyed: your order left on Tuesday and will be delivered on Thursday morning.
            EN | I know how annoying this must be; your order left on Tuesday and will be delivered on Thursday morning.
            EN | If I understood correctly, the order should have come on Monday and it still hasn't; it arrives on Thursday.
            EN | You're right, it should have arrived on Monday; it left the warehouse on Tuesday and will reach you Thursday.
            """)
    void g47_quietWhenTheDraftAcknowledgesTheCustomer(Language lang, String draft) {
        verifyThat(APATHY).given(feeling(Emotion.ANGRY, lang, draft)).staysQuiet().lacks("G47").lacks("G51");
    }

    @Test
    void g47_theEmotionMayBeEstimatedFromTheCustomersWords() {
        String draft = "Su pedido salió del almacén el martes y, según el transportista, se entregará el jueves.";
        verifyThat(APATHY)
                .given(Given.situation().draftReply(draft)
                        .complaint(Complaint.builder("K-1").customerWords("Sigo esperando y no funciona").build()).build())
                .fires().has("G47");
        verifyThat(APATHY)
                .given(Given.situation().draftReply(draft)
                        .complaint(Complaint.builder("K-1").customerWords("¿Cuándo llega mi pedido?").build()).build())
                .staysQuiet();
    }

    @Test
    void g47_g48_aCannedApologyIsWarnedAsRobotismNotAlsoAsApathy() {
        Situation canned = feeling(Emotion.UPSET, Language.ES, "Lamentamos las molestias ocasionadas. "
                + "Su solicitud ha quedado registrada y será atendida en los próximos días hábiles.");
        verifyThat(ROBOTISM).given(canned).fires().has("G48")
                .warns("CANNED_FORMULA", Severity.CAUTION, "Lamentamos las molestias ocasionadas");
        verifyThat(APATHY).given(canned).staysQuiet().lacks("G47");
    }

    @ParameterizedTest(name = "[{0}] curt: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Su pedido llegará el jueves.
            ES | Ya está tramitado. Llegará en cinco días hábiles.
            EN | Your order will arrive on Thursday.
            EN | It's been processed. Allow five working days.
            """)
    void g51_aCurtReplyToADistressedCustomer(Language lang, String draft) {
        verifyThat(CURTNESS).given(feeling(Emotion.UPSET, lang, draft))
                .fires().has("G51").warns("CURT_REPLY", Severity.CAUTION, null).lacks("G47");
        verifyThat(CURTNESS).given(feeling(Emotion.CALM, lang, draft)).staysQuiet().lacks("G51");
    }

    @ParameterizedTest(name = "[{0}] short but warm: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Lo siento mucho; su pedido llegará el jueves.
            ES | Le entiendo. Le llamo en diez minutos con la solución.
            EN | I'm so sorry, your order will arrive on Thursday.
            EN | I understand. I'll call you back in ten minutes with a fix.
            """)
    void g51_quietWhenAShortReplyAcknowledgesTheCustomer(Language lang, String draft) {
        verifyThat(CURTNESS).given(feeling(Emotion.ANGRY, lang, draft)).staysQuiet().lacks("G51").lacks("G47");
    }

    @Test
    void g47_g51_curtReplyMaxWordsSplitsCurtFromApathetic() {
        // curt-reply.max-words = 12: twelve words are curt (G51), thirteen are apathetic (G47); never both
        String twelve = "Su pedido salió el martes y llegará el jueves por la mañana.";
        String thirteen = "Su pedido salió el martes y le llegará el jueves por la mañana.";
        verifyThat(CURTNESS).given(feeling(Emotion.UPSET, Language.ES, twelve)).fires().has("G51").lacks("G47");
        verifyThat(APATHY).given(feeling(Emotion.UPSET, Language.ES, twelve)).staysQuiet();
        verifyThat(APATHY).given(feeling(Emotion.UPSET, Language.ES, thirteen)).fires().has("G47").lacks("G51");
        verifyThat(CURTNESS).given(feeling(Emotion.UPSET, Language.ES, thirteen)).staysQuiet();
    }

    @ParameterizedTest(name = "[{0}] cold wording \"{2}\" in \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Ticket cerrado.                                                          | Ticket cerrado
            ES | Eso no es mi departamento. Diríjase al departamento correspondiente.       | no es mi departamento
            ES | Se le comunica que su reclamación ha sido desestimada.                     | Se le comunica que
            EN | Ticket closed.                                                           | Ticket closed
            EN | Not my department. Contact the relevant department.                      | Not my department
            EN | To whom it may concern: your claim has been reviewed.                      | To whom it may concern
            """)
    void g51_coldImpersonalWording(Language lang, String draft, String span) {
        verifyThat(COLD_WORDING).given(Given.draft(lang, draft))
                .fires().has("G51").warns("IMPERSONAL_WORDING", Severity.CAUTION, span);
    }

    @ParameterizedTest(name = "[{0}] not cold: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | No es mi departamento, pero le paso ahora con Marta, que lleva las facturas.
            ES | Su incidencia sigue abierta y soy yo quien la lleva hasta que esté resuelta.
            EN | It's not my department, but I'll put you through to Sam, who handles invoices.
            EN | Your case stays open and I'm looking after it until it's sorted.
            """)
    void g51_quietWhenTheAgentHandsOverOrOwnsIt(Language lang, String draft) {
        verifyThat(COLD_WORDING).given(Given.draft(lang, draft)).staysQuiet().lacks("G51");
    }

    // --- G48 robotism -----------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{0}] canned \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Su llamada es muy importante para nosotros. Le atenderemos lo antes posible.  | Su llamada es muy importante para nosotros
            ES | Disculpe las molestias, ya hemos cambiado la dirección.                        | Disculpe las molestias
            ES | Le informamos de que estamos trabajando para mejorar nuestro servicio.         | estamos trabajando para mejorar
            EN | Your call is important to us. We will answer as soon as possible.            | Your call is important to us
            EN | We apologise for any inconvenience; the address has been changed.            | We apologise for any inconvenience
            EN | We value your business and hope to serve you again.                          | We value your business
            """)
    void g48_aCannedFormulaSoundsLikeAMachine(Language lang, String draft, String span) {
        verifyThat(ROBOTISM).given(Given.draft(lang, draft))
                .fires().has("G48").warns("CANNED_FORMULA", Severity.CAUTION, span);
    }

    @ParameterizedTest(name = "[{0}] own words: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Siento que haya tenido que llamar dos veces; ya he cambiado la dirección y el paquete sale hoy.
            ES | Gracias por su paciencia con esto: mañana a primera hora tiene el técnico en casa.
            EN | I'm sorry you had to call twice; I've changed the address and the parcel goes out today.
            EN | Thanks for bearing with me on this: the engineer will be with you first thing tomorrow.
            """)
    void g48_quietWhenTheAgentUsesTheirOwnWords(Language lang, String draft) {
        verifyThat(ROBOTISM).given(Given.draft(lang, draft)).staysQuiet().lacks("G48");
    }

    // --- G49 disdain and contempt -----------------------------------------------------------------------------

    @ParameterizedTest(name = "[{0}] disdain \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Como ya le dije, el plazo de devolución es de 30 días.                  | Como ya le dije
            ES | Es muy sencillo, solo tiene que entrar en la web.                       | Es muy sencillo
            ES | Obviamente, el producto no estaba bien enchufado.                        | Obviamente
            ES | Esto cualquiera lo sabe: la garantía no cubre golpes.                     | cualquiera lo sabe
            ES | Cálmese y escúcheme.                                                     | Cálmese
            EN | As I already told you, the return period is 30 days.                     | As I already told you
            EN | It's very simple, you just log in to the website.                         | It's very simple
            EN | Obviously the device was not plugged in properly.                         | Obviously
            EN | As I said before, the warranty doesn't cover drops.                        | As I said before
            EN | Calm down and listen to me.                                              | Calm down
            """)
    void g49_belittlingTheCustomer(Language lang, String draft, String span) {
        verifyThat(DISDAIN).given(Given.draft(lang, draft))
                .fires().has("G49").warns("BELITTLES_CUSTOMER", Severity.CAUTION, span);
    }

    @ParameterizedTest(name = "[{0}] not disdain: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Cualquiera puede equivocarse, no se preocupe: lo corregimos ahora.
            ES | Sé que no es muy sencillo, así que le guío paso a paso.
            ES | Como le dije ayer, hoy le llamo con la respuesta: ya está aprobado el reembolso.
            EN | Anyone can make a mistake, please don't worry: we'll fix it now.
            EN | I'm not saying it's very simple; I'll guide you through it step by step.
            EN | As I said yesterday, I'm calling you back with the answer: the refund is approved.
            """)
    void g49_quietWithoutBelittling(Language lang, String draft) {
        verifyThat(DISDAIN).given(Given.draft(lang, draft)).staysQuiet().lacks("G49");
    }

    @ParameterizedTest(name = "[{0}] contempt \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Eso no es mi problema, hable con el transportista.          | Eso no es mi problema
            ES | ¿Es que no sabe leer? Viene en las condiciones.             | Es que no sabe leer
            ES | Deje de quejarse, que así no vamos a ningún sitio.          | Deje de quejarse
            EN | That's not my problem, talk to the courier.                 | That's not my problem
            EN | Can't you read? It's in the terms.                          | Can't you read
            EN | Stop complaining and we'll get somewhere.                   | Stop complaining
            """)
    void g49_contemptMustNeverReachTheCustomer(Language lang, String draft, String span) {
        verifyThat(CONTEMPT).given(Given.draft(lang, draft))
                .fires().has("G49").warns("SHOWS_CONTEMPT", Severity.BLOCKING, span);
    }

    @ParameterizedTest(name = "[{0}] not contempt: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | ¿Cuál es su problema con la factura? Cuénteme y lo miramos juntos.
            ES | Su problema es ahora mi problema: yo me encargo hasta que esté resuelto.
            EN | No problem at all, I'll sort it out for you.
            EN | What's the problem with the invoice? Tell me and we'll look at it together.
            """)
    void g49_quietWithoutContempt(Language lang, String draft) {
        verifyThat(CONTEMPT).given(Given.draft(lang, draft)).staysQuiet().lacks("G49");
    }

    // --- G50 inflexibility ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{0}] inflexible \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Lo siento, es la política de la empresa.                            | es la política de la empresa
            ES | Son las normas y no hay excepciones.                                 | Son las normas
            ES | El sistema no lo permite.                                           | El sistema no lo permite
            EN | I'm sorry, it's company policy.                                     | it's company policy
            EN | Those are the rules and we don't make exceptions.                    | Those are the rules
            EN | There's nothing we can do.                                          | There's nothing we can do
            """)
    void g50_theRuleWithNoAlternative(Language lang, String draft, String span) {
        verifyThat(INFLEXIBILITY).given(Given.draft(lang, draft))
                .fires().has("G50").warns("POLICY_WITHOUT_ALTERNATIVE", Severity.CAUTION, span);
    }

    @ParameterizedTest(name = "[{0}] rule with an alternative: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Es la política de la empresa, pero lo que sí puedo hacer es cambiarle el producto hoy.
            ES | Son las normas; sin embargo, le puedo ofrecer un vale por el importe.
            ES | No le voy a decir que es la política de la empresa y ya está: le explico el motivo.
            ES | Es nuestra política reembolsar en 14 días, así que lo tendrá el viernes.
            EN | It's company policy, but what I can do is send you a replacement today.
            EN | Those are the rules; however, I can offer you a voucher for the full amount.
            EN | I won't just say it's company policy: let me explain the reason.
            EN | It is our policy to refund within 14 days, so you'll have it by Friday.
            """)
    void g50_quietWhenAnAlternativeFollowsOrTheRuleIsNotUsedAsAShield(Language lang, String draft) {
        verifyThat(INFLEXIBILITY).given(Given.draft(lang, draft)).staysQuiet().lacks("G50");
    }

    // --- G52 evasiveness --------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{0}] evasive \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | No sé, no es mi tema.                                              | No sé, no
            ES | No estoy seguro de cuándo llegará.                                 | No estoy seguro
            ES | Ni idea, pregunte en la tienda.                                    | Ni idea
            ES | La verdad es que no sé cómo va eso.                                 | no sé cómo
            EN | I don't know, not my area.                                         | I don't know
            EN | I'm not sure when it will arrive.                                  | I'm not sure
            EN | No idea, ask in the shop.                                          | No idea
            """)
    void g52_evasiveWithoutACommitmentToFindOut(Language lang, String draft, String span) {
        verifyThat(EVASIVENESS).given(Given.draft(lang, draft))
                .fires().has("G52").warns("EVASIVE_ANSWER", Severity.CAUTION, span);
    }

    @ParameterizedTest(name = "[{0}] committed or unrelated: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | No lo sé, pero lo averiguaré hoy mismo.
            ES | No estoy segura de cuándo llegará; déjeme comprobarlo y le llamo antes de las 12.
            ES | No se preocupe, se lo soluciono hoy.
            ES | El cargo no se ha aplicado todavía y no se lo cobraremos.
            ES | Le paso con quien sabe del tema, que se lo resuelve ahora.
            ES | No sé cómo disculparme por lo ocurrido.
            ES | No estoy segura de haberme explicado bien antes, así que se lo cuento de otra forma.
            ES | Usted no tenía ni idea del cambio de tarifa, y lo siento: debimos avisarle.
            EN | I don't know, but I'll find out today.
            EN | I'm not sure when it will arrive; let me check and I'll get back to you by noon.
            EN | You had no idea the plan had changed, and I'm sorry: we should have told you.
            EN | If you're not sure which model you have, the number is on the back.
            EN | I'm not sure I explained it well before, so let me put it another way.
            EN | I don't know if you've had a chance to look at the email I sent.
            """)
    void g52_quietWithACommitmentOrWithoutEvasion(Language lang, String draft) {
        verifyThat(EVASIVENESS).given(Given.draft(lang, draft)).staysQuiet().lacks("G52");
    }

    // --- G53 superiority --------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{0}] lecturing \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Usted debería haber leído las condiciones antes de firmar.            | Usted debería haber leído
            ES | Tendría que habernos avisado antes.                                  | Tendría que habernos avisado
            ES | Le explico cómo funciona: la garantía no cubre golpes.                 | Le explico cómo funciona
            ES | La realidad es que el paquete se entregó.                             | La realidad es que
            EN | You should have read the terms before signing.                        | You should have read
            EN | You should've told us sooner.                                         | You should've told us
            EN | Let me explain how this works: the warranty doesn't cover drops.      | Let me explain how this works
            EN | The fact is the parcel was delivered.                                  | The fact is
            """)
    void g53_lecturingOrOwningTheTruth(Language lang, String draft, String span) {
        verifyThat(SUPERIORITY).given(Given.draft(lang, draft))
                .fires().has("G53").warns("LECTURES_CUSTOMER", Severity.CAUTION, span);
    }

    @ParameterizedTest(name = "[{0}] not lecturing: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Usted debería haber recibido ya el reembolso; lo compruebo ahora mismo.
            ES | Yo debería haber revisado su pedido antes de enviarlo, y lo siento.
            ES | Si quiere, le explico cómo funciona la nueva tarifa.
            ES | Espero que entienda que necesitamos la factura para tramitarlo.
            EN | You should have received an email yesterday; I'll resend it now.
            EN | If you like, let me explain how this works before you decide.
            EN | You should not have been charged twice, and I've already refunded it.
            """)
    void g53_quietWithoutLecturing(Language lang, String draft) {
        verifyThat(SUPERIORITY).given(Given.draft(lang, draft)).staysQuiet().lacks("G53");
    }

    // --- noise: a calm customer with a good draft hears nothing about the seven sins ------------------------

    @Test
    void g47_g53_quietOnThePlainSituation() {
        lacksEverySin(DefaultPolicy.advise(Given.situation().build()));
    }

    @ParameterizedTest(name = "[{0}] calm, warm draft: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Buenos días, señora Martín. Gracias por escribirnos. He revisado su pedido 4471: salió ayer del almacén y le llegará el jueves por la mañana. Le dejo el enlace de seguimiento por si quiere consultarlo.
            ES | Claro, con mucho gusto le explico la factura: el cargo de 12 € corresponde al envío urgente que eligió. Si prefiere el envío normal en los próximos pedidos, se lo dejo configurado ahora mismo.
            ES | Entiendo que quiera cambiar la fecha de entrega. Puedo pasarla al lunes o al martes, lo que le venga mejor; dígame y lo dejo hecho.
            ES | Gracias por avisarnos. No tengo ese dato delante, así que lo compruebo con el almacén y le llamo antes de las 13:00 con la respuesta.
            ES | No se preocupe, se lo soluciono hoy mismo: le envío una unidad nueva y el mensajero recogerá la antigua cuando le venga bien.
            ES | Tiene razón, el plazo que le dimos era demasiado optimista. Le propongo dos opciones: el reembolso del envío o un descuento del 10 % en su próximo pedido.
            EN | Good morning, Ms Walker. Thank you for getting in touch. I've checked order 4471: it left our warehouse yesterday and should reach you on Thursday morning. Here is the tracking link in case you'd like to follow it.
            EN | Of course. The £12 charge on your invoice is for the express delivery you chose; if you'd prefer standard delivery next time, I can set that as your default right now.
            EN | I understand you'd like to change the delivery date. I can move it to Monday or Tuesday, whichever suits you better; just let me know and I'll sort it straight away.
            EN | Thanks for letting us know. I don't have that figure in front of me, so I'll check with the warehouse and call you back before 1 pm with the answer.
            EN | No problem at all: I've updated your address and the parcel will go to the new one. You'll get a confirmation email in a few minutes.
            EN | You're right, the estimate we gave you was too optimistic. I can offer you two options: a refund of the delivery charge or 10% off your next order.
            """)
    void g47_g53_quietOnACalmSituationWithAWarmHelpfulDraft(Language lang, String draft) {
        lacksEverySin(DefaultPolicy.advise(Given.draft(lang, draft)));
    }

    @ParameterizedTest(name = "[{0}] upset customer, good draft: \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Lamento mucho que su pedido no llegara el día acordado; entiendo su enfado. Lo he comprobado y el retraso fue un error nuestro. Le propongo enviarle otro hoy por mensajero urgente sin coste, o el reembolso completo. ¿Qué prefiere?
            ES | Lo siento mucho; le llamo en diez minutos con la solución.
            EN | I'm so sorry your order didn't arrive on the agreed day; I understand how frustrating that is. I've checked and the delay was our mistake. I can send a replacement today by express courier at no cost, or refund you in full. Which would you prefer?
            EN | I'm so sorry. I'll call you back in ten minutes with a fix.
            """)
    void g47_g53_quietOnAGoodDraftToAnUpsetCustomer(Language lang, String draft) {
        lacksEverySin(DefaultPolicy.advise(feeling(Emotion.ANGRY, lang, draft)));
    }

    private static Situation feeling(Emotion emotion, Language lang, String draft) {
        return Given.situation().locale(lang).draftReply(draft)
                .complaint(Complaint.builder("K-1").emotion(emotion).build()).build();
    }

    private static void lacksEverySin(Advice advice) {
        AdviceAssert a = AdviceAssert.assertThat(advice);
        for (String id : SINS) {
            a.lacks(id);
        }
    }
}
