package dev.sereno.cli.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What the decision service grants one client, so that slow, broken or too many clients cannot take it offline.
 *
 * @param maxConnections open connections at most; past it Jetty stops accepting until one closes
 * @param maxInFlight    requests handled at once at most ({@code GET /health} is not counted)
 * @param maxQueued      requests waiting for a free slot at most; past it a request is answered 503 with
 *                       {@code Retry-After} at once
 * @param queueTimeout   how long a request may wait for a slot before it is answered 503
 * @param idleTimeout    how long a connection may stay silent (no byte received while one is awaited) before it
 *                       is closed
 * @param minBodyRate    bytes per second a request body must arrive at, on average; a slower body is cut off with
 *                       408
 */
public record ServerLimits(int maxConnections, int maxInFlight, int maxQueued, Duration queueTimeout,
        Duration idleTimeout, long minBodyRate) {
    public static final int DEFAULT_MAX_CONNECTIONS = 500;
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;
    public static final int DEFAULT_MAX_QUEUED = 256;
    public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(20);
    /** Bytes a second: a situation of a few KiB arrives in one or two packets; this only cuts off trickles. */
    public static final long DEFAULT_MIN_BODY_RATE = 1_024;

    public static final ServerLimits DEFAULTS = new ServerLimits(DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_IN_FLIGHT,
            DEFAULT_MAX_QUEUED, DEFAULT_QUEUE_TIMEOUT, DEFAULT_IDLE_TIMEOUT, DEFAULT_MIN_BODY_RATE);

    public ServerLimits {
        Objects.requireNonNull(queueTimeout, "queueTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("--max-connections must be at least 1, was " + maxConnections);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("--max-in-flight must be at least 1, was " + maxInFlight);
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("--max-queued cannot be negative, was " + maxQueued);
        }
        if (queueTimeout.isNegative()) {
            throw new IllegalArgumentException("--queue-timeout cannot be negative, was " + queueTimeout);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("--idle-timeout must be positive, was " + idleTimeout);
        }
        if (minBodyRate < 0) {
            throw new IllegalArgumentException("--min-body-rate cannot be negative (0 turns it off), was " + minBodyRate);
        }
    }
}
