package dev.sereno.spring;

import dev.sereno.engine.Advisor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP with the policy revision serving; DOWN when a change to a watched policy folder was rejected: the last good
 * revision keeps serving (named in the details), but the folder holds rules that are not the ones running, and
 * the details list why.
 */
public final class SerenoHealthIndicator implements HealthIndicator {
    private final Advisor advisor;
    private final PolicyStatus status;

    public SerenoHealthIndicator(Advisor advisor, PolicyStatus status) {
        this.advisor = advisor;
        this.status = status;
    }

    @Override
    public Health health() {
        String serving = advisor.policyRevision();
        PolicyStatus.Rejected rejected = status.lastRejected();
        if (rejected == null) {
            return Health.up().withDetail("policy", serving).build();
        }
        return Health.down().withDetail("policy", serving)
                .withDetail("reason", "a change to the policy folder was rejected; the last good revision "
                        + serving + " keeps serving")
                .withDetail("problems", rejected.problems()).build();
    }
}
