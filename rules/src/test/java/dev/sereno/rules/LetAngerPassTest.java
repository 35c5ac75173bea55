package dev.sereno.rules;

import static dev.sereno.rules.support.RuleVerifier.verifyThat;

import dev.sereno.rules.support.Given;
import dev.sereno.situation.Channel;
import dev.sereno.situation.Emotion;
import dev.sereno.situation.Stage;
import org.junit.jupiter.api.Test;

/** Section 1: let the anger pass (G01–G07). Each rule fires, and beside it a near-identical case stays quiet. */
class LetAngerPassTest {

    @Test
    void g01_letAVentingCustomerFinish() {
        verifyThat("Let a venting customer finish")
                .given(Given.complaint(c -> c.emotion(Emotion.ANGRY).stillVenting(true).stage(Stage.VENTING)))
                .fires().has("G01").recommends("LET_THEM_FINISH");
        verifyThat("Let a venting customer finish")
                .given(Given.complaint(c -> c.emotion(Emotion.ANGRY).stillVenting(false).stage(Stage.LISTENING)))
                .staysQuiet().lacks("G01");
    }

    @Test
    void g02_stopTalkingAfterInterrupting() {
        verifyThat("Stop talking after interrupting a venting customer")
                .given(Given.complaint(c -> c.stillVenting(true).agentInterrupted(true)))
                .fires().has("G02");
        verifyThat("Stop talking after interrupting a venting customer")
                .given(Given.complaint(c -> c.stillVenting(true).agentInterrupted(false)))
                .staysQuiet().lacks("G02");
    }

    @Test
    void g03_dontTakeItPersonally() {
        verifyThat("Don't take the anger personally")
                .given(Given.complaint(c -> c.emotion(Emotion.ANGRY)))
                .fires().has("G03").recommends("NOT_PERSONAL");
        verifyThat("Don't take the anger personally")
                .given(Given.complaint(c -> c.emotion(Emotion.UPSET)))
                .staysQuiet().lacks("G03");
        // when this agent caused it, the anger may well be with them: G14 applies instead
        verifyThat("Don't take the anger personally")
                .given(Given.complaint(c -> c.emotion(Emotion.ANGRY).causedByThisAgent(true)))
                .staysQuiet();
    }

    @Test
    void g04_askTheCauseDontPresume() {
        verifyThat("Ask what caused the anger instead of presuming")
                .given(Given.complaint(c -> c.emotion(Emotion.FURIOUS).causeEstablished(false)))
                .fires().has("G04");
        verifyThat("Ask what caused the anger instead of presuming")
                .given(Given.complaint(c -> c.emotion(Emotion.FURIOUS).causeEstablished(true)))
                .staysQuiet().lacks("G04");
    }

    @Test
    void g05_onThePhoneKeepListening() {
        verifyThat("On the phone, hold the receiver away and keep listening")
                .given(Given.complaint(c -> c.emotion(Emotion.FURIOUS).channel(Channel.PHONE).stillVenting(true)))
                .fires().has("G05").recommends("PHONE_KEEP_LISTENING");
        verifyThat("On the phone, hold the receiver away and keep listening")
                .given(Given.complaint(c -> c.emotion(Emotion.FURIOUS).channel(Channel.EMAIL).stillVenting(true)))
                .staysQuiet().lacks("G05");
    }

    @Test
    void g05_faceToFaceMoveToAQuietPlace() {
        verifyThat("Face to face, move to a quieter place and stay calm")
                .given(Given.complaint(c -> c.emotion(Emotion.ANGRY).channel(Channel.IN_PERSON)))
                .fires().has("G05").recommends("MOVE_TO_A_QUIET_PLACE");
        verifyThat("Face to face, move to a quieter place and stay calm")
                .given(Given.complaint(c -> c.emotion(Emotion.CALM).channel(Channel.IN_PERSON)))
                .staysQuiet().lacks("G05");
    }

    @Test
    void g06_openNeutrally() {
        verifyThat("Open neutrally and invite the story")
                .given(Given.complaint(c -> c.stage(Stage.OPENING)))
                .fires().has("G06").recommends("INVITE_THE_STORY");
        verifyThat("Open neutrally and invite the story")
                .given(Given.complaint(c -> c.stage(Stage.RESOLVING)))
                .staysQuiet().lacks("G06");
    }

    @Test
    void g07_fullAttention() {
        verifyThat("Give the customer your full attention")
                .given(Given.complaint(c -> c.emotion(Emotion.CALM).stage(Stage.LISTENING)))
                .fires().has("G07").recommends("FULL_ATTENTION");
        verifyThat("Give the customer your full attention")
                .given(Given.complaint(c -> c.emotion(Emotion.CALM).stage(Stage.RESOLVED)))
                .staysQuiet().lacks("G07");
    }

    @Test
    void g07_withAnAngryCustomerFocusOnTheNeed() {
        verifyThat("With an angry customer, focus on the need, not the tone")
                .given(Given.complaint(c -> c.emotion(Emotion.ANGRY).stage(Stage.LISTENING)))
                .fires().has("G07").recommends("FOCUS_ON_THE_NEED").doesNotRecommend("FULL_ATTENTION");
        verifyThat("With an angry customer, focus on the need, not the tone")
                .given(Given.complaint(c -> c.emotion(Emotion.UPSET).stage(Stage.LISTENING)))
                .staysQuiet();
    }
}
