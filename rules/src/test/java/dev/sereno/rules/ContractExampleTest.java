package dev.sereno.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.advice.Priority;
import dev.sereno.advice.Severity;
import dev.sereno.json.AdviceJson;
import dev.sereno.json.SituationJson;
import dev.sereno.rules.support.AdviceAssert;
import dev.sereno.rules.support.DefaultPolicy;
import dev.sereno.situation.Situation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The example situation of contract.md, end to end on the default policy. */
class ContractExampleTest {

    static Situation example() throws IOException {
        return new SituationJson().read(Files.readString(Path.of("../examples/situations/contract-example.json")));
    }

    @Test
    void theExampleGetsTheAdviceTheContractShows() throws IOException {
        Advice advice = DefaultPolicy.advise(example());
        AdviceAssert.assertThat(advice)
                .warns("CALLS_CUSTOMER_LIAR", Severity.BLOCKING, "Usted miente")
                .has("G18").has("G19").recommends("OFFER_PROOF_AND_VERIFY")
                .followUp("CALL_BACK_AFTER_VERIFYING", Instant.parse("2026-11-23T12:00:00Z"))
                // raised twice before without answer: the gravest cause of G45
                .priority(Priority.URGENT);
        assertThat(advice.complaint()).isEqualTo("K-1");
        assertThat(advice.records()).anySatisfy(r -> assertThat(r.guidance()).contains("G44", "G45"));
        assertThat(advice.blocksDraft()).isTrue();
    }

    @Test
    void everyBlockingWarningNamesASpanOfTheDraft() throws IOException {
        Situation s = example();
        Advice advice = DefaultPolicy.advise(s);
        assertThat(advice.warnings()).filteredOn(w -> w.blocking())
                .isNotEmpty().allSatisfy(w -> assertThat(s.draftReply()).contains(w.span()));
    }

    @Test
    void theAdviceJsonHasTheContractsShape() throws IOException {
        String json = new AdviceJson().write(DefaultPolicy.advise(example()));
        assertThat(json).contains("\"complaint\": \"K-1\"", "\"priority\": \"URGENT\"", "\"span\": \"Usted miente\"",
                "\"guidance\": [", "\"rule\": \"Never call the customer a liar\"", "\"due\": \"2026-11-23T12:00:00Z\"",
                "\"followUps\"", "\"escalations\"", "\"reviews\"", "\"records\"");
    }

    @Test
    void everyTextIsInTheSituationsLanguage() throws IOException {
        Advice advice = DefaultPolicy.advise(example());
        assertThat(advice.recommendations()).allSatisfy(r -> assertThat(r.why()).isNotBlank());
        assertThat(advice.warnings()).allSatisfy(w -> assertThat(w.why()).isNotBlank());
        assertThat(advice.followUps()).allSatisfy(f -> assertThat(f.what()).isNotBlank());
        assertThat(advice.warnings().get(0).why()).contains("miente");
    }
}
