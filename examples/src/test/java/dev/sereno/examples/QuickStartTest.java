package dev.sereno.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import org.junit.jupiter.api.Test;

class QuickStartTest {
    @Test
    void theReadmeExampleBlocksALiarAccusationAndPassesAPoliteReply() {
        try (Advisor advisor = Advisor.withDefaultRules()) {
            Advice blocked = QuickStart.checkDraft(advisor, "You're lying, we have the signed receipt.");
            assertThat(blocked.blocksDraft()).isTrue();
            assertThat(blocked.warnings().get(0).span()).isEqualTo("You're lying");
            assertThat(blocked.warnings().get(0).guidance()).containsExactly("G18");

            Advice fine = QuickStart.checkDraft(advisor,
                    "I understand how frustrating this is. Our records show a signed receipt; I can send it to you now.");
            assertThat(fine.blocksDraft()).isFalse();
        }
    }
}
