package dev.sereno.engine;

import java.util.List;

/** Hears about policy reloads on an {@link Advisor} built with {@code reloadOnChange}; both methods default to nothing. */
public interface PolicyListener {
    /** A new revision passed check and is now serving. */
    default void onReloaded(String previousRevision, String newRevision) {
    }

    /**
     * A change did not pass check; {@code keptRevision} goes on serving.
     *
     * @param problems each as {@code file:line:col: message}
     */
    default void onReloadFailed(String keptRevision, List<String> problems) {
    }
}
