package dev.sereno.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The examples reader's model: deterministic, finds what its examples teach, leaves their good twins alone. */
public class ExampleModelTest {
    private static final String CLASSES = """
            [class INSULT]
            idiot
            moron
            clown
            muppet
            numpty
            pillock
            """;
    public static final String EXAMPLES = """
            # blame
            BLAMES_CUSTOMER: You should have read the instructions before plugging it in.
            BLAMES_CUSTOMER: If you had checked the address, the parcel would have arrived.
            BLAMES_CUSTOMER: You gave us the wrong card number, so the payment failed.
            BLAMES_CUSTOMER: That happened because you ignored our emails.
            BLAMES_CUSTOMER: You should have told us sooner.
            BLAMES_CUSTOMER: It is your own fault for choosing the cheapest plan.
            BLAMES_CUSTOMER: You forgot to confirm the booking, so it lapsed.
            BLAMES_CUSTOMER: Had you read the terms, you would know this.
            BLAMES_CUSTOMER: You typed the wrong code three times, so it is your fault.
            BLAMES_CUSTOMER: You should have checked the box before paying.
            BLAMES_CUSTOMER: You ignored the warning on the screen.
            BLAMES_CUSTOMER: Because you did not read the email, you missed the date.
            INSULTS_CUSTOMER: Don't be an idiot.
            INSULTS_CUSTOMER: You absolute moron.
            INSULTS_CUSTOMER: Stop acting like a clown.
            INSULTS_CUSTOMER: What a muppet you are.
            INSULTS_CUSTOMER: Only an idiot would do that.
            INSULTS_CUSTOMER: You are such a moron, honestly.
            INSULTS_CUSTOMER: Listen, clown, pay attention.
            INSULTS_CUSTOMER: Muppet.
            INSULTS_CUSTOMER: Are you an idiot or what?
            INSULTS_CUSTOMER: Typical moron behaviour.
            INSULTS_CUSTOMER, BLAMES_CUSTOMER: You clown, you should have paid on time.
            GOOD: I am sorry the parcel did not arrive; I will call you tomorrow at 10.
            GOOD: Thank you for your patience.
            GOOD: You are right, we should have told you sooner.
            GOOD: We gave you the wrong date, and that is on us.
            GOOD: I have checked the address and it is correct on our side.
            GOOD: Let me read the terms with you.
            GOOD: We ignored your emails, and I apologise.
            GOOD: I will confirm the booking for you now.
            GOOD: The instructions were unclear; that is our fault.
            GOOD: I have refunded the payment today.
            GOOD: Could you send me the order number, please?
            GOOD: Your card was charged twice; I have reversed it.
            GOOD: I understand how frustrating this is.
            GOOD: We will replace the phone by Friday.
            GOOD: Thank you for telling us about the code.
            GOOD: I have reset the password for you.
            GOOD: The box on the screen was ours to check.
            GOOD: I am sorry for the wait.
            GOOD: We missed the date, not you.
            GOOD: I have read your email carefully.
            GOOD: Please accept our apologies for the delay.
            GOOD: The warning on the screen was our mistake.
            GOOD: We chose the wrong plan for you; I have changed it.
            GOOD: We should have checked the box before charging you.
            """;
    public static final Set<String> STRICT = Set.of("INSULTS_CUSTOMER", "BLAMES_CUSTOMER");

    public static Lexicon lexicon() {
        try {
            return Lexicon.read(new StringReader(CLASSES), "en.words");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Examples.Line> examples() {
        try {
            return Examples.read(new StringReader(EXAMPLES), "en.examples");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExampleModel model() {
        return ExampleModel.train(examples(), lexicon(), "en", STRICT);
    }

    @Test
    void trainingIsDeterministic() {
        ExampleModel a = model();
        ExampleModel b = model();
        assertThat(a.kinds()).containsExactly("BLAMES_CUSTOMER", "INSULTS_CUSTOMER");
        for (String kind : a.kinds()) {
            assertThat(a.threshold(kind)).isEqualTo(b.threshold(kind));
        }
        for (String draft : List.of("You should have read it.", "Thank you, I will call you at 10.", "What a pillock.")) {
            assertThat(Arrays.equals(a.scores(draft), b.scores(draft))).as(draft).isTrue();
        }
    }

    @Test
    void aDraftLikeTheExamplesIsFoundInTheSentenceThatWeighsMost() {
        String draft = "Hello Ann. You should have read the email before paying. Kind regards.";
        List<ExampleModel.Hit> hits = model().read(draft);
        assertThat(hits).extracting(ExampleModel.Hit::kind).containsExactly("BLAMES_CUSTOMER");
        ExampleModel.Hit hit = hits.get(0);
        assertThat(draft.substring(hit.start(), hit.end())).isEqualTo("You should have read the email before paying");
        assertThat(hit.why()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void aWordOfAClassNoExampleHadIsReadThroughItsClass() {
        List<ExampleModel.Hit> hits = model().read("Stop being such a numpty.");
        assertThat(hits).extracting(ExampleModel.Hit::kind).containsExactly("INSULTS_CUSTOMER");
        assertThat(hits.get(0).why()).contains("{INSULT}");
    }

    @Test
    void aGoodNearTwinIsLeftAlone() {
        assertThat(model().read("We should have read your email before charging you. I am sorry.")).isEmpty();
        assertThat(model().read("Thank you for your patience; I will call you tomorrow at 10.")).isEmpty();
    }

    @Test
    void readingADraftGivesTheFeaturesTrainingGaveIt() {
        ExampleModel m = model();
        for (Examples.Line line : examples()) {
            Token[] tokens = Tokenizer.tokens(line.text(), WordTable.EMPTY);
            int[] trained = Arrays.stream(ExampleModel.known(m.features.of(tokens, 0, tokens.length), m.index))
                    .sorted().distinct().toArray();
            Token[] numbered = m.tokens(line.text());
            assertThat(Arrays.stream(m.vector(numbered, 0, numbered.length)).sorted().toArray()).as(line.where())
                    .containsExactly(trained);
        }
    }

    @Test
    void theWordsShortlyAfterANegationInItsSentenceAreAlsoReadAsNegated() {
        ExampleModel.Features features = new ExampleModel.Features(Set.of(), java.util.Map.of(), null);
        Token[] tokens = Tokenizer.tokens("It is not your fault at all, I know it. Your fault? Don't worry.",
                WordTable.EMPTY);
        List<String> f = features.of(tokens, 0, tokens.length);
        // "not" reaches five words on: your, fault, at, all, i; not "know", nor the next sentence's "your fault"
        assertThat(f).contains("n:your", "n:fault", "n:at", "n:all", "n:i", "w:know", "n:worry")
                .doesNotContain("n:it", "n:is", "n:not", "n:know");
        Token[] later = Tokenizer.tokens("Your fault, not mine.", WordTable.EMPTY);
        assertThat(features.of(later, 0, later.length)).contains("n:mine").doesNotContain("n:fault", "n:your");
    }

    @Test
    void aNegatedWordIsWeighedApartWhenReading() throws IOException {
        List<Examples.Line> lines = Examples.read(new StringReader("""
                GOOD: It is not your fault, really.
                GOOD: This is not your fault at all.
                GOOD: Honestly, it was never your fault.
                BLAMES_CUSTOMER: It is your fault.
                BLAMES_CUSTOMER: This is your fault entirely.
                BLAMES_CUSTOMER: Honestly, it was your fault.
                """), "en.examples");
        ExampleModel m = ExampleModel.train(lines, Lexicon.empty(), "en", Set.of("BLAMES_CUSTOMER"));
        int negatedFault = m.index.get("n:fault");
        Token[] negated = m.tokens("Well, none of this is not your fault.");
        Token[] plain = m.tokens("Your fault, not ours.");
        assertThat(m.vector(negated, 0, negated.length)).contains(negatedFault);
        assertThat(m.vector(plain, 0, plain.length)).doesNotContain(negatedFault);
        assertThat(m.weights(0)[negatedFault]).isNegative();
        assertThat(m.scores("It is not your fault.")[0]).isLessThan(m.scores("It is your fault.")[0]);
    }

    @Test
    void aBadExampleLineIsRejectedWithItsFileAndLine() {
        String text = """
                # a comment
                BLAMES_CUSTOMER: You should have read it.
                blames_customer: lower case is not a kind
                GOOD, BLAMES_CUSTOMER: both at once
                no colon at all
                INSULTS_CUSTOMER:
                """;
        assertThatThrownBy(() -> Examples.read(new StringReader(text), "es.examples"))
                .isInstanceOfSatisfying(LexiconFormatException.class, e -> assertThat(e.problems()).satisfiesExactly(
                        p -> assertThat(p).startsWith("es.examples:3: \"blames_customer\" is not a kind"),
                        p -> assertThat(p).startsWith("es.examples:4: GOOD and a kind together"),
                        p -> assertThat(p).startsWith("es.examples:5: write the kinds, a colon"),
                        p -> assertThat(p).startsWith("es.examples:6: no draft after the colon")));
    }

    @Test
    void aDraftOfSeveralLinesIsWrittenOnOne() throws IOException {
        List<Examples.Line> lines = Examples.read(new StringReader("INFLEXIBLE, MAKES_EXCUSES: No.\\nThe system says no.\n"), "x");
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.kinds()).containsExactlyInAnyOrder("INFLEXIBLE", "MAKES_EXCUSES");
            assertThat(l.text()).isEqualTo("No.\nThe system says no.");
            assertThat(l.where()).isEqualTo("x:1");
        });
    }
}
