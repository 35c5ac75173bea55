package dev.sereno.spring;

import dev.sereno.engine.PolicyListener;
import java.util.List;

/**
 * What the last reload of a watched policy folder did: the health indicator reads it. A rejected change leaves the
 * last good revision serving; the next reload that passes clears it.
 */
public final class PolicyStatus implements PolicyListener {
    /** A change that did not pass check, and the revision that kept serving. */
    public record Rejected(String keptRevision, List<String> problems) {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    private volatile Rejected lastRejected;

    @Override
    public void onReloaded(String previousRevision, String newRevision) {
        lastRejected = null;
    }

    @Override
    public void onReloadFailed(String keptRevision, List<String> problems) {
        lastRejected = new Rejected(keptRevision, problems);
    }

    /** The change rejected since the last good reload; null when the folder's files are the ones serving. */
    public Rejected lastRejected() {
        return lastRejected;
    }
}
