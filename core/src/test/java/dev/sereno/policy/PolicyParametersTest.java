package dev.sereno.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolicyParametersTest {

    @Test
    void documentedDefaults() {
        PolicyParameters p = PolicyParameters.defaults();
        assertThat(p.verificationCallbackWithin()).isEqualTo(Duration.ofHours(2));
        assertThat(p.pauseLength()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.angryInteractionsInARow()).isEqualTo(1);
        assertThat(p.unprofitableCostToValueRatio()).isEqualByComparingTo("2.0");
        assertThat(PolicyParameters.documentedDefaults()).containsEntry("verification.callback.within", "PT2H");
    }

    @Test
    void aFileOverridesOnlyWhatItSays() {
        PolicyParameters p = PolicyParameters.read("verification.callback.within=PT4H\n");
        assertThat(p.verificationCallbackWithin()).isEqualTo(Duration.ofHours(4));
        assertThat(p.promiseDueSoonWithin()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void unknownKeysAndBadValuesAreAllReported() {
        assertThatThrownBy(() -> PolicyParameters.read("verification.callback.withn=PT4H\npause.length=ten minutes\n"
                + "angry-interactions.in-a-row=-1\n"))
                .isInstanceOf(InvalidPolicyParametersException.class)
                .satisfies(e -> assertThat(((InvalidPolicyParametersException) e).problems()).extracting(Object::toString)
                        .containsExactly(
                                "policy.properties: verification.callback.withn: unknown policy parameter; known ones are "
                                        + String.join(", ", PolicyParameters.documentedDefaults().keySet()),
                                "policy.properties: pause.length: \"ten minutes\" is not an ISO-8601 duration of zero or more such as PT2H or PT30M",
                                "policy.properties: angry-interactions.in-a-row: \"-1\" is not a whole number of 0 or more"));
    }
}
