package dev.sereno.cli.http;

import dev.sereno.json.SituationJson;
import java.time.Duration;
import java.util.Objects;

/**
 * How the decision service listens.
 *
 * @param host         the address to bind: 127.0.0.1 (the default) serves this machine only, 0.0.0.0 every interface
 * @param port         the TCP port; 0 picks a free one (tests)
 * @param maxBodyBytes the largest request body accepted; larger ones get 413 without being read to the end
 * @param drainTimeout how long a stop waits for requests already in flight before closing their connections
 */
public record HttpSettings(String host, int port, int maxBodyBytes, Duration drainTimeout) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** 1 MiB: a situation with long customer words and a long draft is a few KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(20);

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        // the JSON reader has its own ceiling (in characters); a body limit above it would only move the error
        if (maxBodyBytes < 1 || maxBodyBytes > SituationJson.MAX_DOCUMENT) {
            throw new IllegalArgumentException("the body limit must be between 1 and " + SituationJson.MAX_DOCUMENT
                    + " bytes, was " + maxBodyBytes);
        }
        if (drainTimeout.isNegative()) {
            throw new IllegalArgumentException("the drain timeout cannot be negative, was " + drainTimeout);
        }
    }

    /** The defaults on the given port. */
    public static HttpSettings onPort(int port) {
        return new HttpSettings(DEFAULT_HOST, port, DEFAULT_MAX_BODY_BYTES, DEFAULT_DRAIN_TIMEOUT);
    }

    public HttpSettings withMaxBodyBytes(int value) {
        return new HttpSettings(host, port, value, drainTimeout);
    }

    public HttpSettings withDrainTimeout(Duration value) {
        return new HttpSettings(host, port, maxBodyBytes, value);
    }

    public HttpSettings withHost(String value) {
        return new HttpSettings(value, port, maxBodyBytes, drainTimeout);
    }
}
