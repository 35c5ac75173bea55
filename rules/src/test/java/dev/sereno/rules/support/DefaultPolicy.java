package dev.sereno.rules.support;

import dev.sereno.advice.Advice;
import dev.sereno.engine.Advisor;
import dev.sereno.engine.Explanation;
import dev.sereno.situation.Situation;

/** One Advisor on the real default policy, shared by all tests in the JVM (it is thread-safe and pure). */
public final class DefaultPolicy {
    public static final Advisor ADVISOR = Advisor.withDefaultRules();

    private DefaultPolicy() {
    }

    public static Advice advise(Situation s) {
        return ADVISOR.advise(s);
    }

    public static Explanation explain(Situation s) {
        return ADVISOR.explain(s);
    }
}
