package dev.sereno.engine;

import dev.sereno.policy.Finding;
import dev.sereno.situation.Language;
import java.util.List;

/**
 * A host's own reader of the draft reply — a tone or toxicity classifier, a model or a service — registered with
 * {@link Advisor.Builder#reader(DraftReader, java.time.Duration)}. What it finds enters the rules as
 * {@link Finding}s of the kinds it reports, with their span and its {@link #name()} as their source, so the policy
 * decides what they mean (a rule matching {@code Finding( kind == "TOXIC", source == "my-model" )}).
 *
 * <p>By contract a reader is pure and deterministic: the same draft gives the same findings. It is called on the
 * advising thread's behalf, within the time it was given; a reader that throws, answers late, or reports a span
 * outside the draft is left out of that call (logged without the draft's words) and the advice is given without it.
 */
@FunctionalInterface
public interface DraftReader {

    /**
     * What this reader finds in the draft: each finding's {@code kind} (upper case, e.g. {@code TOXIC}) and its
     * {@code start}/{@code end} offsets into {@code draft} (UTF-16 units); the span and the source are filled in by
     * Sereno from the offsets and {@link #name()}.
     */
    List<Finding> read(String draft, Language language);

    /** The name findings carry as their source, and logs use; the class name by default. */
    default String name() {
        return getClass().getSimpleName();
    }
}
