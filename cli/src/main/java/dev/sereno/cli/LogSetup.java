package dev.sereno.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;

/**
 * The command line's logging, set up in code (Logback finds it through {@code META-INF/services}): reading a
 * {@code logback.xml} costs 70 ms of CPU at every start, a tenth of a one-shot command. The CLI prints only its
 * answer: operators' messages go to stderr, and only warnings and errors. {@code sereno serve} also logs one line per
 * request (method, path, status, duration) at INFO; set the environment variable (or system property)
 * {@code SERENO_HTTP_LOG=DEBUG} to add the complaint id, or {@code WARN} to silence it. A configuration of one's own
 * ({@code -Dlogback.configurationFile=…}, or a {@code logback-test.xml} on the class path) is read instead.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "sereno %-5level %logger{24} - %msg%n";
    static final String HTTP_LOG = "SERENO_HTTP_LOG";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        context.getStatusManager().add(new NopStatusListener());

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("dev.sereno.cli.http").setLevel(httpLevel());
        if (dev.sereno.engine.internal.StartTimes.ON) {
            // -Dsereno.startTimes=true: where a start's time goes, step by step (benchmarks/README.md, cold start)
            context.getLogger("dev.sereno.start").setLevel(Level.DEBUG);
        }
        // Compiling a policy folder, the engine logs its raw errors (0-based positions, generated Java) and warns that
        // the files are not in a package folder; `sereno check` and `sereno test` print the same problems as
        // file:line:col in the files the author wrote, so the engine's copies are only noise.
        context.getLogger("org.drools.compiler.kie.builder.impl").setLevel(Level.OFF);
        // performance hints about the generated model, with no file or line an author could act on
        context.getLogger("org.drools.model.codegen").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** As Logback reads a level in a configuration file: unknown words are DEBUG. */
    static Level httpLevel() {
        String value = System.getProperty(HTTP_LOG, System.getenv(HTTP_LOG));
        return value == null ? Level.INFO : Level.toLevel(value.strip(), Level.DEBUG);
    }
}
