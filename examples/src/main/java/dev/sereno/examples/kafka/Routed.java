package dev.sereno.examples.kafka;

/**
 * A record on its way out of a processor: the JSON to write and whether it belongs on the errors topic. Lives only
 * between a processor and the split after it, never on a topic, so it needs no serde.
 */
record Routed(String json, boolean error) {
    static Routed ok(String json) {
        return new Routed(json, false);
    }

    static Routed error(String json) {
        return new Routed(json, true);
    }
}
