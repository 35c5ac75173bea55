package dev.sereno.situation;

/**
 * One thing wrong with an input: where ({@code path}, e.g. {@code complaint.emotion} or {@code promises[1].dueAt})
 * and what was expected.
 */
public record Problem(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
