package dev.sereno.policy;

import java.util.List;

/** Message arguments inserted by rules; nulls are refused so a rule's mistake is caught where it is made. */
final class Args {
    private Args() {
    }

    static List<Object> of(Object... args) {
        return args == null ? List.of() : List.of(args);
    }
}
