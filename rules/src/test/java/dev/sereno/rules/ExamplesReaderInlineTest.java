package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Severity;
import dev.sereno.advice.Warning;
import dev.sereno.engine.Advisor;
import dev.sereno.policy.PolicyParameters;
import dev.sereno.rules.support.AdviceAssert;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Language;
import dev.sereno.text.ExampleModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The examples reader on by default in the bundled policy, inline in its own reading (issue 11): what it finds that
 * the lists miss is advised on; what the lists' exceptions for the kind cancel, it does not find either; what the
 * lists found in the sentence is not found twice; {@code examples-reader=off} and the builder turn it off. Each
 * near twin first checks that the model alone does flag it, so that the test shows the exceptions at work.
 */
class ExamplesReaderInlineTest {
    /** None of these drafts is in the corpus: written for this test. */
    private static final String EXCUSE_THE_LISTS_MISS = "Our people are run off their feet, give it time.";

    private static Advisor on;
    private static Advisor off;

    @BeforeAll
    static void advisors() {
        on = Advisor.withDefaultRules();
        off = Advisor.builder().examplesReader(false).build();
    }

    @AfterAll
    static void close() {
        on.close();
        off.close();
    }

    @Test
    void theBundledPolicyReadsWithTheExamplesReaderUnlessTurnedOff() {
        Advice advised = on.advise(Given.draft(Language.EN, EXCUSE_THE_LISTS_MISS));
        AdviceAssert.assertThat(advised).warns("MAKES_EXCUSES", Severity.CAUTION,
                EXCUSE_THE_LISTS_MISS.substring(0, EXCUSE_THE_LISTS_MISS.length() - 1));
        AdviceAssert.assertThat(off.advise(Given.draft(Language.EN, EXCUSE_THE_LISTS_MISS))).doesNotWarn("MAKES_EXCUSES");
        try (Advisor byParameter = Advisor.builder()
                .parameters(PolicyParameters.read("examples-reader=off\n")).build()) {
            AdviceAssert.assertThat(byParameter.advise(Given.draft(Language.EN, EXCUSE_THE_LISTS_MISS)))
                    .doesNotWarn("MAKES_EXCUSES");
        }
        // the same call twice, the same advice: the model is learned once, deterministically
        assertThat(on.advise(Given.draft(Language.EN, EXCUSE_THE_LISTS_MISS))).isEqualTo(advised);
    }

    @ParameterizedTest(name = "[{0}] the model flags {1} in \"{3}\", the policy's exceptions keep {2} quiet")
    @CsvSource(delimiter = '|', textBlock = """
            EN | INSULTS_CUSTOMER | INSULTS_CUSTOMER          | Nobody here thinks you're an idiot.
            EN | INFLEXIBLE       | POLICY_WITHOUT_ALTERNATIVE | I can't change the booking. But I can offer you a voucher for the full amount.
            EN | INFLEXIBLE       | POLICY_WITHOUT_ALTERNATIVE | Rules are rules, I can't make an exception, I'll ring you on Monday at 10.
            """)
    void theListsExceptionsCancelTheModelsFindings(Language lang, String kind, String code, String draft) {
        ExampleModel model = on.policy().examplesModel(lang);
        assertThat(model.read(draft)).extracting(ExampleModel.Hit::kind).contains(kind);
        AdviceAssert.assertThat(on.advise(Given.draft(lang, draft))).doesNotWarn(code);
    }

    @Test
    void aKindTheListsFoundInTheSentenceIsFoundOnce() {
        String draft = "Frankly, that story about the parcel sounds made up.";
        assertThat(on.policy().examplesModel(Language.EN).read(draft)).extracting(ExampleModel.Hit::kind)
                .contains("DOUBTS_CUSTOMER");
        List<Warning> doubts = on.advise(Given.draft(Language.EN, draft)).warnings().stream()
                .filter(w -> w.code().equals("DOUBTS_CUSTOMER")).toList();
        assertThat(doubts).extracting(Warning::span).containsExactly("made up");
    }

    @Test
    void theBundledModelsAreLearnedOnceForEveryAdvisorOnTheClassPath() {
        try (Advisor other = Advisor.withDefaultRules()) {
            assertThat(other.policy().examplesModel(Language.EN)).isSameAs(on.policy().examplesModel(Language.EN));
        }
    }

    /**
     * "Give the promise the examples reader found a time": a promise in words the commitment lists do not read gets
     * the same caution as theirs, on its sentence; with a time in that sentence, none. Written for this test.
     */
    @ParameterizedTest(name = "[{0}] \"{1}\" warned, \"{2}\" not")
    @CsvSource(delimiter = '|', textBlock = """
            ES | Un compañero revisará su caso y ya le dirá algo. | Un compañero revisará su caso y ya le dirá algo mañana antes de las 12.
            EN | The courier team will have news for you.         | The courier team will have news for you by Thursday at noon.
            """)
    void aPromiseWithoutATimeInWordsTheListsDoNotReadIsWarned(Language lang, String untimed, String timed) {
        String sentence = untimed.substring(0, untimed.length() - 1);
        AdviceAssert.assertThat(off.advise(Given.draft(lang, untimed))).doesNotWarn("COMMITMENT_WITHOUT_TIME");
        Advice advised = on.advise(Given.draft(lang, untimed));
        AdviceAssert.assertThat(advised).warns("COMMITMENT_WITHOUT_TIME", Severity.CAUTION, sentence);
        assertThat(advised.warnings()).filteredOn(w -> w.code().equals("COMMITMENT_WITHOUT_TIME"))
                .extracting(Warning::rule).containsExactly("Give the promise the examples reader found a time");
        AdviceAssert.assertThat(on.advise(Given.draft(lang, timed))).doesNotWarn("COMMITMENT_WITHOUT_TIME");
    }

    /**
     * Short good replies (greetings, sign-offs with a team's name, apologies, what was done) are left alone by the
     * reader. They used to read as excuses, refusals, promises, even an insult ("Good afternoon, Mr Smith."): few
     * words weigh little against a kind's intercept, and the nasty examples often open with a greeting. Written for
     * this test after the examples' short good replies, none of them among those: when this was written, the reader
     * found something in 2 of these 40 (15 with the reader of the day before); the bar allows two more.
     */
    @Test
    void shortGoodRepliesAreLeftAlone() {
        List<String> es = List.of("Hola, Begoña, buenos días.", "Buenas tardes, don Alfonso.", "Hola otra vez, Nerea.",
                "Gracias por escribir, Ramón.", "Mil gracias por avisarme.", "Perfecto, queda anotado.",
                "Entendido, lo miro ahora.", "Disculpe el malentendido.", "Siento mucho el retraso en la entrega.",
                "Comprendo que es muy molesto.", "Tiene toda la razón, don Julián.", "Le he reenviado la confirmación.",
                "Ya tiene el abono en su cuenta.", "He actualizado sus datos.", "Todo queda en orden, Amparo.",
                "Le saluda Rebeca, de reclamaciones.", "Saludos cordiales, equipo de facturación.",
                "Un saludo, y buen puente.", "Si le surge cualquier cosa, escríbame.", "Encantado de ayudarle, Ignacio.");
        List<String> en = List.of("Hi Fiona, good morning.", "Good evening, Mr Price.", "Hello again, Tariq.",
                "Thanks for writing in, Paul.", "Thanks a million for letting me know.", "Perfect, that's noted.",
                "Understood, I'm looking at it now.", "Sorry for the misunderstanding.",
                "I'm very sorry the delivery was late.", "I can see that's really frustrating.",
                "You're quite right, Mrs Evans.", "I've resent the confirmation.", "The credit is in your account now.",
                "I've updated your details.", "That's everything in order, Grace.",
                "This is Rebecca from the complaints team.", "Best regards, the billing team.",
                "Regards, and have a good bank holiday.", "If anything else comes up, just email me.", "Happy to help, Ian.");
        List<String> found = new java.util.ArrayList<>();
        for (String d : es) {
            on.policy().examplesModel(Language.ES).read(d).forEach(h -> found.add(h.kind() + " in " + d));
        }
        for (String d : en) {
            on.policy().examplesModel(Language.EN).read(d).forEach(h -> found.add(h.kind() + " in " + d));
        }
        assertThat(found).as("the reader's findings in short good replies").hasSizeLessThanOrEqualTo(4);
    }
}
