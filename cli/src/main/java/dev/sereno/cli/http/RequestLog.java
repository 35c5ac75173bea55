package dev.sereno.cli.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request for operators: method, path, status, duration. Nothing from the body reaches the log; the
 * complaint id (which a host may consider personal) only at DEBUG.
 */
final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    private RequestLog() {
    }

    static void log(Context ctx, Float millis) {
        if (LOG.isDebugEnabled()) {
            String complaint = ctx.attribute(AdviceEndpoint.COMPLAINT);
            LOG.debug("{} {} {} {} ms complaint={}", ctx.method(), ctx.path(), ctx.statusCode(),
                    String.format(java.util.Locale.ROOT, "%.1f", millis), complaint == null ? "-" : complaint);
        } else if (LOG.isInfoEnabled()) {
            LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(), String.format(java.util.Locale.ROOT, "%.1f", millis));
        }
    }
}
