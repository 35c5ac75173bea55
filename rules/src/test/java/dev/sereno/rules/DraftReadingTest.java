package dev.sereno.rules;

import static dev.sereno.rules.support.RuleVerifier.verifyThat;

import dev.sereno.advice.Severity;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Language;
import dev.sereno.situation.Promise;
import dev.sereno.situation.Situation;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The rules that read the draft in any wording (G08, G18, G22, G36, G49, G55): each fires on drafts written the way
 * agents write, with the span of the offending words, and stays quiet on the near-identical draft that does not
 * offend. The corpus in corpus/ measures the lists at scale; these are the rules' own cases.
 */
class DraftReadingTest {

    @ParameterizedTest(name = "[{0}] \"{1}\" insults at \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Es usted un inútil.                                   | Es usted un inútil
            ES | No diga tonterías, por favor.                          | No diga tonterías
            ES | Deje de lloriquear y dígame el número de pedido.       | Deje de lloriquear
            ES | mire gilipollas, el tecnico fue                        | gilipollas
            EN | You're a joke.                                         | You're a joke
            EN | Don't be stupid, the parcel was signed for.           | stupid
            EN | You are rude and ignorant.                             | You are rude
            """)
    void g08_neverInsultOrMockTheCustomer(Language lang, String draft, String span) {
        verifyThat("Never insult or mock the customer")
                .given(Given.draft(lang, draft))
                .fires().has("G08").has("G49").warns("INSULTS_CUSTOMER", Severity.BLOCKING, span);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" insults no one")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Su queja es útil: nos ayuda a mejorar.
            ES | Dice usted que en la tienda le trataron como a un tonto. Lo siento muchísimo.
            ES | La disputa con la empresa de la computadora ya está resuelta.
            EN | That was a stupid mistake on our part, and I'm sorry.
            EN | This is no joke for you, I know: a whole day off work.
            EN | The assessment by Mr Dickson in Scunthorpe is done.
            """)
    void g08_wordsThatLookLikeInsultsAreLeftAlone(Language lang, String draft) {
        verifyThat("Never insult or mock the customer").given(Given.draft(lang, draft)).staysQuiet();
    }

    @Test
    void aDraftIsReadInTheLanguageItIsWrittenIn() {
        verifyThat("Never call the customer a liar")
                .given(Given.draft(Language.ES, "You are lying and we will not refund you."))
                .fires().warns("CALLS_CUSTOMER_LIAR", Severity.BLOCKING, "You are lying");
        verifyThat("Never insult or mock the customer")
                .given(Given.draft(Language.EN, "Mire, es usted un inútil y no le voy a devolver nada."))
                .fires().warns("INSULTS_CUSTOMER", Severity.BLOCKING, "es usted un inútil");
        verifyThat("Never insult or mock the customer")
                .given(Given.draft(Language.EN, "Es usted muy amable, gracias por su paciencia."))
                .staysQuiet();
    }

    @Test
    void g08_neverSwearInAReply() {
        verifyThat("Never swear in a reply")
                .given(Given.draft(Language.ES, "Qué mierda de día llevo, perdone, le miro lo del técnico."))
                .fires().has("G08").warns("PROFANITY", Severity.BLOCKING, "mierda");
        verifyThat("Never swear in a reply")
                .given(Given.draft(Language.EN, "Fuck this, I'm done."))
                .fires().has("G08").warns("PROFANITY", Severity.BLOCKING, "Fuck");
        verifyThat("Never swear in a reply")
                .given(Given.draft(Language.ES, "Qué mal día ha tenido, perdone; le miro lo del técnico."))
                .staysQuiet();
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" doubts at \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Eso no se lo cree nadie.                               | no se lo cree nadie
            ES | Dudo mucho que eso sea así.                            | Dudo mucho que eso
            ES | No me creo para nada lo que me dice.                   | No me creo para nada lo que
            ES | Eso se lo ha inventado usted.                          | se lo ha inventado
            EN | I find that very hard to believe.                      | hard to believe
            EN | Nice try.                                              | Nice try
            EN | I seriously doubt that's what happened.                | I seriously doubt
            """)
    void g18_neverDoubtWhatTheCustomerSays(Language lang, String draft, String span) {
        verifyThat("Never doubt what the customer says")
                .given(Given.draft(lang, draft))
                .fires().has("G18").warns("DOUBTS_CUSTOMER", Severity.BLOCKING, span);
    }

    @Test
    void g18_wordsAlreadyCalledALieAreWarnedOnce() {
        verifyThat("Never doubt what the customer says")
                .given(Given.draft(Language.ES, "Se lo está inventando."))
                .staysQuiet().warns("CALLS_CUSTOMER_LIAR", Severity.BLOCKING, "Se lo está inventando");
    }

    /** A doubt whose words overlap a lie call (longer than it, or the examples reader's whole sentence) is not warned twice. */
    @ParameterizedTest(name = "[{0}] \"{1}\" is warned once, as a lie")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Eso que dice es MENTIRA. | es MENTIRA
            EN | You lied about the delivery date. | You lied
            """)
    void g18_doubtOverlappingALieCallIsWarnedOnce(Language lang, String draft, String lie) {
        verifyThat("Never doubt what the customer says")
                .given(Given.draft(lang, draft))
                .staysQuiet().warns("CALLS_CUSTOMER_LIAR", Severity.BLOCKING, lie);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" does not doubt")
    @CsvSource(delimiter = '|', textBlock = """
            ES | No le estoy llamando mentiroso, en absoluto.
            ES | No vamos a mentirle: la visita se canceló por un error nuestro.
            ES | Le creo, y además la hoja de ruta le da la razón.
            EN | Nobody is saying you're lying.
            EN | You can lie the router flat on the shelf.
            EN | I don't doubt for a second that you waited in all morning.
            """)
    void g18_believingOrNegatingIsNotDoubt(Language lang, String draft) {
        verifyThat("Never doubt what the customer says").given(Given.draft(lang, draft)).staysQuiet();
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" blames the customer at \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Tendría que haberlo revisado usted al recibirlo.      | Tendría que haberlo
            ES | La culpa es suya por no dejar un teléfono correcto.   | La culpa es suya
            EN | Maybe check your own spam folder before blaming us.   | check your own
            EN | If you had read the email you'd know.                 | If you had
            """)
    void g22_neverBlameTheCustomer(Language lang, String draft, String span) {
        verifyThat("Never blame the customer")
                .given(Given.draft(lang, draft))
                .fires().has("G22").warns("BLAMES_CUSTOMER", Severity.BLOCKING, span);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" blames no one")
    @CsvSource(delimiter = '|', textBlock = """
            ES | No es culpa suya en absoluto; debimos avisarle nosotros.
            ES | Entiendo que le dijeran que la culpa era suya. No es así.
            EN | You should have received a text the day before; that's on us.
            EN | I'm sorry about the day you lost.
            """)
    void g22_owningTheErrorBlamesNoOne(Language lang, String draft) {
        verifyThat("Never blame the customer").given(Given.draft(lang, draft)).staysQuiet();
    }

    @Test
    void g22_takeTheMatterOnInsteadOfPassingTheCustomerOn() {
        verifyThat("Take the matter on instead of passing the customer on")
                .given(Given.draft(Language.ES, "Eso no lo llevo yo, hable con logística."))
                .fires().has("G22").has("G55").warns("PASSES_CUSTOMER_ON", Severity.CAUTION, "Eso no lo llevo");
        verifyThat("Take the matter on instead of passing the customer on")
                .given(Given.draft(Language.EN, "Not my department, call the carrier."))
                .fires().has("G55").warns("PASSES_CUSTOMER_ON", Severity.CAUTION, "Not my department");
        verifyThat("Take the matter on instead of passing the customer on")
                .given(Given.draft(Language.ES, "He hablado yo con logística y le llamo hoy antes de las 17:00."))
                .staysQuiet();
        verifyThat("Take the matter on instead of passing the customer on")
                .given(Given.draft(Language.EN, "I've spoken to the logistics team myself and I'll call you today."))
                .staysQuiet();
    }

    @Test
    void g22_explainWithoutExcuses() {
        verifyThat("Explain without excuses")
                .given(Given.draft(Language.ES, "Es que se nos cayó el sistema."))
                .fires().has("G22").warns("MAKES_EXCUSES", Severity.CAUTION, "se nos cayó el sistema");
        verifyThat("Explain without excuses")
                .given(Given.draft(Language.EN, "We're short-staffed this week."))
                .fires().has("G22").warns("MAKES_EXCUSES", Severity.CAUTION, "We're short-staffed");
        verifyThat("Explain without excuses")
                .given(Given.draft(Language.ES, "No voy a ponerle excusas: fallamos, y le pido disculpas."))
                .staysQuiet();
        verifyThat("Explain without excuses")
                .given(Given.draft(Language.EN, "The system shows your refund went out this morning."))
                .staysQuiet();
    }

    @Test
    void g36_noExcusesForABrokenPromise() {
        Promise overdue = new Promise("P-1", "Call back with the refund status", "A-7",
                Given.NOW.minusSeconds(86_400), Given.NOW.minusSeconds(3_600), null);
        Promise pending = new Promise("P-1", "Call back with the refund status", "A-7",
                Given.NOW.minusSeconds(86_400), Given.NOW.plusSeconds(3_600), null);
        Situation broken = Given.situation().locale(Language.EN).promises(List.of(overdue))
                .draftReply("Sorry, we're swamped at the moment.").build();
        verifyThat("No excuses for a broken promise").given(broken)
                .fires().has("G36").warns("EXCUSES_BROKEN_PROMISE", Severity.CAUTION, "we're swamped");
        verifyThat("Explain without excuses").given(broken).staysQuiet();
        Situation kept = Given.situation().locale(Language.EN).promises(List.of(pending))
                .draftReply("Sorry, we're swamped at the moment.").build();
        verifyThat("No excuses for a broken promise").given(kept).staysQuiet();
        verifyThat("Explain without excuses").given(kept).fires().warns("MAKES_EXCUSES", Severity.CAUTION, "we're swamped");
    }

    /** The rules that block a draft for what it says of the customer (G08, G18, G22). */
    private static final List<String> BLOCKING_READINGS = List.of("Never call the customer a liar",
            "Never flatly contradict the customer", "Never doubt what the customer says", "Never blame the customer",
            "Never insult or mock the customer");

    /**
     * Round 13 (issue 11, the corpus's eighth batch): kinds of good wording the lists blocked, one near twin of each
     * (not the corpus's own drafts): a colleague's reply quoted after its infinitive, reported blame with its reason,
     * the customer's question echoed to deny it, a denied accusation, our charge for what the customer never signed,
     * self-reproach, "nobody will doubt", a title before a surname, a third party's version disbelieved and taken up
     * with them; the small print as ours to explain, what someone else called the customer, the customer's accusation
     * of us reported, "I don't think you're mistaken", the dog-breeding and warning-lamp senses.
     */
    @ParameterizedTest(name = "[{0}] \"{1}\" blocks nothing")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Disculpe a mi compañero: contestarle «usted no se entera de nada» estuvo fuera de lugar.
            ES | Siento que le dijeran que la culpa era suya por no llamar antes.
            ES | ¿Que si creo que me está mintiendo? No, en absoluto.
            ES | No te he llamado mentiroso en ningún momento.
            ES | Le cargamos una cuota que usted nunca contrató; se la devuelvo hoy.
            ES | Fui un torpe al no revisar su pedido antes de enviarlo.
            ES | Nadie en este banco va a poner en duda su palabra.
            ES | Le atenderá la doctora Boluda el lunes a las 10:00.
            ES | El repartidor asegura que usted no abrió la puerta. Yo no me lo creo: reclamaré al transportista hoy mismo.
            EN | Explaining the small print was our job, not yours.
            EN | I'm sorry our agent called you a liar.
            EN | I hear you when you say we're taking the mick.
            EN | I don't think you're mistaken at all.
            EN | The vet says your bitch is in whelp, so the policy covers the scan.
            EN | The idiot light on your dashboard is the oil warning.
            EN | The driver claims you weren't in. I don't buy it, and I'm taking it up with the depot today.
            """)
    void round13_goodWordingTheListsMisreadBlocksNothing(Language lang, String draft) {
        for (String rule : BLOCKING_READINGS) {
            verifyThat(rule).given(Given.draft(lang, draft)).staysQuiet();
        }
    }

    /** The bad twins of round 13's exceptions still block: each exception needs the words that make it good. */
    @ParameterizedTest(name = "[{0}] \"{1}\" still blocks at \"{3}\"")
    @CsvSource(delimiter = '|', textBlock = """
            ES | No me lo creo, la verdad.                                    | Never doubt what the customer says | No me lo creo
            ES | Fui yo quien le cobró, usted nunca firmó nada y lo sabe.     | Never blame the customer           | usted nunca firmó
            ES | Es usted un boludo.                                          | Never insult or mock the customer  | boludo
            EN | It's all in the small print.                                 | Never blame the customer           | the small print
            EN | Frankly, I don't buy it.                                     | Never doubt what the customer says | I don't buy
            EN | The courier claims you weren't home, so you'll have to collect it. | Never blame the customer     | weren't home
            EN | I think you're wrong.                                        | Never flatly contradict the customer | you're wrong
            """)
    void round13_theBadTwinsStillBlock(Language lang, String draft, String rule, String span) {
        String kind = switch (rule) {
            case "Never doubt what the customer says" -> "DOUBTS_CUSTOMER";
            case "Never blame the customer" -> "BLAMES_CUSTOMER";
            case "Never insult or mock the customer" -> "INSULTS_CUSTOMER";
            default -> "CONTRADICTS_CUSTOMER";
        };
        verifyThat(rule).given(Given.draft(lang, draft)).fires().warns(kind, Severity.BLOCKING, span);
    }
}
