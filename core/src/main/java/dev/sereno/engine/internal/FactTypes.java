package dev.sereno.engine.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drools.base.base.ObjectType;
import org.drools.base.rule.EntryPointId;
import org.drools.core.impl.InternalRuleBase;
import org.kie.api.KieBase;

/**
 * Which kinds of fact the rules of a knowledge base can match at all: those with a pattern on their class, a
 * superclass or an interface. A fact of any other kind reaches no rule, so the Evaluator need not insert it (nor
 * compute it: no phrase finding for a policy without a rule on findings). Immutable once built; thread-safe.
 * Internal API.
 */
final class FactTypes {
    /** Answer for a knowledge base this class cannot look into: insert everything, as before. */
    private static final FactTypes ALL = new FactTypes(null);

    private final List<ObjectType> patterns;
    private final Map<Class<?>, Boolean> answers = new ConcurrentHashMap<>();

    private FactTypes(List<ObjectType> patterns) {
        this.patterns = patterns;
    }

    static FactTypes of(KieBase kieBase) {
        if (!(kieBase instanceof InternalRuleBase base)) {
            return ALL;
        }
        Map<ObjectType, ?> nodes = base.getRete().getObjectTypeNodes(EntryPointId.DEFAULT);
        return nodes == null ? ALL : new FactTypes(List.copyOf(nodes.keySet()));
    }

    boolean matched(Class<?> type) {
        if (patterns == null) {
            return true;
        }
        Boolean known = answers.get(type);
        if (known == null) {
            known = patterns.stream().anyMatch(p -> p.isAssignableFrom(type));
            answers.put(type, known);
        }
        return known;
    }
}
