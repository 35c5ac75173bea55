package dev.sereno.situation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Defensive copies that keep null elements, so that validation can report them by index instead of failing here. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        for (T item : list) {
            if (item == null) {
                return Collections.unmodifiableList(new ArrayList<>(list));
            }
        }
        return List.copyOf(list);
    }
}
