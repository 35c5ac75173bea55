package dev.sereno.rules;

import static dev.sereno.rules.support.RuleVerifier.verifyThat;

import dev.sereno.advice.Priority;
import dev.sereno.rules.support.Given;
import dev.sereno.situation.Cause;
import org.junit.jupiter.api.Test;

/** Section 7: protect yourself and learn (G41–G46). */
class ProtectAndLearnTest {

    @Test
    void g45_aComplaintRaisedBeforeWithoutAnswerIsIgnored() {
        verifyThat("A complaint raised before without answer counts as ignored")
                .given(Given.complaint(c -> c.cause(Cause.SERVICE_QUALITY).raisedBefore(2)))
                .fires().has("G44").has("G45");
        verifyThat("A complaint raised before without answer counts as ignored")
                .given(Given.complaint(c -> c.cause(Cause.SERVICE_QUALITY).raisedBefore(0)))
                .staysQuiet();
    }

    @Test
    void g44_recordTheCauseOfEveryComplaint() {
        verifyThat("Record the cause of every complaint")
                .given(Given.complaint(c -> c.cause(Cause.PRODUCT_DEFECT)))
                .fires().has("G44");
        verifyThat("Record the cause of every complaint")
                .given(Given.complaint(c -> c.cause(Cause.IGNORED_COMPLAINT)))
                .staysQuiet();
    }

    @Test
    void g45_anIgnoredComplaintRaisesThePriority() {
        verifyThat("An ignored complaint is the gravest cause")
                .given(Given.complaint(c -> c.cause(Cause.PRODUCT_DEFECT).raisedBefore(1)))
                .fires().priority(Priority.HIGH);
        verifyThat("An ignored complaint is the gravest cause")
                .given(Given.complaint(c -> c.cause(Cause.PRODUCT_DEFECT).raisedBefore(0)))
                .staysQuiet().priority(Priority.NORMAL);
    }

    @Test
    void g45_mistreatmentRaisesThePriority() {
        verifyThat("Mistreatment by staff is a grave cause")
                .given(Given.complaint(c -> c.cause(Cause.MISTREATMENT)))
                .fires().priority(Priority.HIGH);
        verifyThat("Mistreatment by staff is a grave cause")
                .given(Given.complaint(c -> c.cause(Cause.SERVICE_QUALITY)))
                .staysQuiet().priority(Priority.NORMAL);
    }
}
