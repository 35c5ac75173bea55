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
                                        + String.join(", ", PolicyParameters.documentedDefaults().keySet())
                                        + ", and the next.* keys of the ranking; declare a house threshold in house.properties",
                                "policy.properties: pause.length: \"ten minutes\" is not an ISO-8601 duration of zero or more such as PT2H or PT30M",
                                "policy.properties: angry-interactions.in-a-row: \"-1\" is not a whole number of 0 or more"));
    }

    @Test
    void theExamplesReaderIsOnUnlessThePolicySaysOff() {
        assertThat(PolicyParameters.defaults().examplesReader()).isTrue();
        assertThat(PolicyParameters.documentedDefaults()).containsEntry("examples-reader", "on");
        assertThat(PolicyParameters.read("examples-reader=off\n").examplesReader()).isFalse();
        assertThat(PolicyParameters.read("examples-reader=on\n").examplesReader()).isTrue();
        assertThatThrownBy(() -> PolicyParameters.read("examples-reader=no\n"))
                .isInstanceOf(InvalidPolicyParametersException.class)
                .hasMessageContaining("examples-reader: \"no\" is not on or off");
    }

    @Test
    void houseThresholdsTakeTheirDefaultOrTheValueSet() {
        HousePolicy house = HousePolicy.read("""
                parameter.repeat.escalate-at.type=count
                parameter.repeat.escalate-at.default=3
                parameter.repeat.escalate-at.meaning=Complaints raised this many times go to a supervisor
                parameter.quiet.after.type=duration
                parameter.quiet.after.default=PT1H
                parameter.quiet.after.meaning=A customer silent this long gets a call
                """);
        PolicyParameters p = PolicyParameters.read("repeat.escalate-at=4\n", house);
        assertThat(p.count("repeat.escalate-at")).isEqualTo(4);
        assertThat(p.duration("quiet.after")).isEqualTo(Duration.ofHours(1));
        assertThat(PolicyParameters.defaults(house).count("repeat.escalate-at")).isEqualTo(3);
        assertThatThrownBy(() -> p.number("repeat.escalate-at")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no house threshold \"repeat.escalate-at\" of type number is declared in house.properties");
        assertThatThrownBy(() -> PolicyParameters.read("repeat.escalate-at=many\n", house))
                .isInstanceOf(InvalidPolicyParametersException.class)
                .hasMessageContaining("repeat.escalate-at: \"many\" is not a whole number of 0 or more");
    }
}
