package dev.sereno.cli;

/** One-line reasons for failures that are not the user's input. */
final class Failure {
    private Failure() {
    }

    static String describe(Throwable ex) {
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
