package dev.sereno.cli.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;

/**
 * What the decision service offers beyond {@code POST /advice}, {@code GET /health} and {@code GET /openapi.json}.
 *
 * @param metrics the registry the Advisor's meters are recorded in, scraped at {@code GET /metrics}; null: no
 *                {@code /metrics}
 * @param page    whether browsers get the policy page at {@code GET /} (with its {@code /ui/*} files and the
 *                {@code /demo-situations}, {@code /rules/{name}} and {@code /guidance/{id}} it reads)
 * @param demos   the situations the page offers to start from
 */
public record ServerFeatures(PrometheusMeterRegistry metrics, boolean page, List<DemoSituation> demos) {
    public static final ServerFeatures NONE = new ServerFeatures(null, false, List.of());

    public ServerFeatures {
        demos = List.copyOf(demos);
    }

    /** A bundled situation the page offers, by name, with a one-line scene. */
    public record DemoSituation(String name, String title, String json) {
    }
}
