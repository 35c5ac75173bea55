package dev.sereno.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The command line's logging: warnings and errors to stderr, the request log at INFO unless told otherwise. */
class LogSetupTest {
    @AfterEach
    void forget() {
        System.clearProperty(LogSetup.HTTP_LOG);
    }

    @Test
    void theCommandLineLogsThroughItsOwnSetUp() {
        LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(running.getLogger("org.drools.compiler.kie.builder.impl").getLevel()).isEqualTo(Level.OFF);
        assertThat(running.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void warningsAndErrorsGoToStderrWithTheCommandsName() {
        LoggerContext context = configured();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        ConsoleAppender<?> stderr = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(stderr.getTarget()).isEqualTo("System.err");
        assertThat(((PatternLayoutEncoder) stderr.getEncoder()).getPattern()).isEqualTo("sereno %-5level %logger{24} - %msg%n");
        assertThat(context.getLogger("org.drools.model.codegen").getLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("dev.sereno.cli.http").getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void theRequestLogsLevelIsSetBySerenoHttpLog() {
        System.setProperty(LogSetup.HTTP_LOG, "debug");
        assertThat(configured().getLogger("dev.sereno.cli.http").getLevel()).isEqualTo(Level.DEBUG);
        System.setProperty(LogSetup.HTTP_LOG, "WARN");
        assertThat(configured().getLogger("dev.sereno.cli.http").getLevel()).isEqualTo(Level.WARN);
    }

    private static LoggerContext configured() {
        LoggerContext context = new LoggerContext();
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        assertThat(setup.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        return context;
    }
}
