package dev.sereno.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.sereno.advice.Advice;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Situation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class AdvisorListenerTest {
    private static final String DRL = """
            package dev.sereno.rules;
            import dev.sereno.situation.Complaint;
            import dev.sereno.situation.Stage;
            import dev.sereno.policy.Recommend;
            rule "Always"
                @guidance("G07")
            when
                Complaint()
            then
                insert(new Recommend("LISTEN", Stage.LISTENING));
            end
            """;

    @Test
    void listenerSeesEachCallAndItsFailureButCannotBreakIt() {
        AdvisorListener listener = mock(AdvisorListener.class);
        doThrow(new IllegalStateException("listener bug")).when(listener).beforeEvaluate(any());
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(Map.of("a.drl", DRL))).listener(listener).build()) {
            Situation ok = AdvisorFailureTest.claim("x");
            Advice advice = advisor.advise(ok);
            assertThat(advice.recommendations()).extracting(r -> r.guidance()).containsExactly(java.util.List.of("G07"));
            InOrder order = inOrder(listener);
            order.verify(listener).beforeEvaluate(ok);
            order.verify(listener).onSuccess(ok, advice);

            Situation bad = ok.toBuilder().complaint(Complaint.builder(" ").build()).build();
            assertThatThrownBy(() -> advisor.advise(bad)).isInstanceOf(InvalidSituationException.class);
            verify(listener).onFailure(eq(bad), any(InvalidSituationException.class));
        }
    }
}
