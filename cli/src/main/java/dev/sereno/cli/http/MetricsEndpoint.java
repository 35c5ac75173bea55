package dev.sereno.cli.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** {@code GET /metrics}: the Advisor's meters ({@link dev.sereno.micrometer.SerenoMetrics}) in the Prometheus text format. */
final class MetricsEndpoint implements Handler {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
    }
}
