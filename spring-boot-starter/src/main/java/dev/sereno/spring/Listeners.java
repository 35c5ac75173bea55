package dev.sereno.spring;

import dev.sereno.advice.Advice;
import dev.sereno.engine.AdvisorListener;
import dev.sereno.engine.Explanation;
import dev.sereno.engine.PolicyListener;
import dev.sereno.situation.Situation;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener beans of the context as the one listener of each kind an Advisor takes. Each hears every call; one
 * that throws is logged (its class only) and the others still hear.
 */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private Listeners() {
    }

    static AdvisorListener advisor(List<AdvisorListener> all) {
        if (all.size() == 1) {
            return all.get(0);
        }
        List<AdvisorListener> each = List.copyOf(all);
        return new AdvisorListener() {
            @Override
            public void beforeEvaluate(Situation situation) {
                tell(each, l -> l.beforeEvaluate(situation));
            }

            @Override
            public void onSuccess(Situation situation, Advice advice) {
                tell(each, l -> l.onSuccess(situation, advice));
            }

            @Override
            public void onExplained(Situation situation, Explanation explanation) {
                tell(each, l -> l.onExplained(situation, explanation));
            }

            @Override
            public void onFailure(Situation situation, RuntimeException error) {
                tell(each, l -> l.onFailure(situation, error));
            }
        };
    }

    static PolicyListener policy(List<PolicyListener> all) {
        if (all.size() == 1) {
            return all.get(0);
        }
        List<PolicyListener> each = List.copyOf(all);
        return new PolicyListener() {
            @Override
            public void onReloaded(String previousRevision, String newRevision) {
                tell(each, l -> l.onReloaded(previousRevision, newRevision));
            }

            @Override
            public void onReloadFailed(String keptRevision, List<String> problems) {
                tell(each, l -> l.onReloadFailed(keptRevision, problems));
            }
        };
    }

    private static <L> void tell(List<L> listeners, Consumer<L> call) {
        for (L l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("Sereno listener {} threw {}; ignored", l.getClass().getName(), e.getClass().getName());
            }
        }
    }
}
