package dev.sereno.rules.support;

import dev.sereno.advice.Advice;
import dev.sereno.advice.FollowUp;
import dev.sereno.advice.Priority;
import dev.sereno.advice.Severity;
import dev.sereno.advice.Warning;
import java.time.Instant;
import org.assertj.core.api.AbstractAssert;

/** Assertions on advice by guidance id and code: {@code assertThat(advice).has("G19").lacks("G27")}. */
public final class AdviceAssert extends AbstractAssert<AdviceAssert, Advice> {

    private AdviceAssert(Advice actual) {
        super(actual, AdviceAssert.class);
    }

    public static AdviceAssert assertThat(Advice advice) {
        return new AdviceAssert(advice);
    }

    public AdviceAssert has(String guidanceId) {
        isNotNull();
        if (actual.guidance().noneMatch(guidanceId::equals)) {
            failWithMessage("expected advice citing %s, but it cites %s", guidanceId, actual.guidance().toList());
        }
        return this;
    }

    public AdviceAssert lacks(String guidanceId) {
        isNotNull();
        if (actual.guidance().anyMatch(guidanceId::equals)) {
            failWithMessage("expected no advice citing %s, but got %s", guidanceId, actual);
        }
        return this;
    }

    public AdviceAssert recommends(String action) {
        if (actual.recommendations().stream().noneMatch(r -> r.action().equals(action))) {
            failWithMessage("expected recommendation %s, got %s", action, actual.recommendations());
        }
        return this;
    }

    public AdviceAssert doesNotRecommend(String action) {
        if (actual.recommendations().stream().anyMatch(r -> r.action().equals(action))) {
            failWithMessage("expected no recommendation %s, got %s", action, actual.recommendations());
        }
        return this;
    }

    public AdviceAssert warns(String code, Severity severity, String span) {
        boolean found = actual.warnings().stream().anyMatch(w -> w.code().equals(code) && w.severity() == severity
                && java.util.Objects.equals(w.span(), span));
        if (!found) {
            failWithMessage("expected %s warning %s on span \"%s\", got %s", severity, code, span, actual.warnings());
        }
        return this;
    }

    public AdviceAssert doesNotWarn(String code) {
        if (actual.warnings().stream().map(Warning::code).anyMatch(code::equals)) {
            failWithMessage("expected no warning %s, got %s", code, actual.warnings());
        }
        return this;
    }

    public AdviceAssert hasNoWarnings() {
        if (!actual.warnings().isEmpty()) {
            failWithMessage("expected no warnings, got %s", actual.warnings());
        }
        return this;
    }

    public AdviceAssert followUp(String code, Instant due) {
        if (actual.followUps().stream().noneMatch(f -> f.code().equals(code) && f.due().equals(due))) {
            failWithMessage("expected follow-up %s due %s, got %s", code, due, actual.followUps());
        }
        return this;
    }

    public AdviceAssert noFollowUp(String code) {
        if (actual.followUps().stream().map(FollowUp::code).anyMatch(code::equals)) {
            failWithMessage("expected no follow-up %s, got %s", code, actual.followUps());
        }
        return this;
    }

    public AdviceAssert escalates(String code) {
        if (actual.escalations().stream().noneMatch(e -> e.code().equals(code))) {
            failWithMessage("expected escalation %s, got %s", code, actual.escalations());
        }
        return this;
    }

    public AdviceAssert hasNoEscalations() {
        if (!actual.escalations().isEmpty()) {
            failWithMessage("expected no escalation, got %s", actual.escalations());
        }
        return this;
    }

    public AdviceAssert priority(Priority expected) {
        if (actual.priority() != expected) {
            failWithMessage("expected priority %s, got %s", expected, actual.priority());
        }
        return this;
    }
}
