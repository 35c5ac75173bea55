package dev.sereno.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sereno} command. Exit codes: 0 done, 1 the run failed, 2 bad input, 3 some JSON Lines rejected, 4 the
 * output was closed before the JSON Lines were all answered.
 */
@Command(name = "sereno", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Advice for customer-service agents handling complaints, from a policy of Drools rules.",
        subcommands = {AdviseCommand.class, DemoCommand.class, CheckCommand.class, TestCommand.class, EvalCommand.class,
                ServeCommand.class, TryCommand.class, CodesCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int SOME_LINES_REJECTED = 3;
    public static final int OUTPUT_CLOSED = 4;

    static final int HELP_WIDTH = 120;

    public static void main(String[] args) {
        dev.sereno.engine.internal.StartTimes.mark("main");
        PolicyLoading.startBundledEarly(args);
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, without exiting (for tests and embedding). */
    public static int run(String... args) {
        // on System.out itself, so that checkError() sees a closed pipe (System.out keeps its errors to itself)
        return run(new ByteWriter(System.out),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
    }

    /** The commands, with help laid out at the width their texts are written for. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // the help texts are written as lines of up to 110 characters; picocli's 80 would break each one in two
        cl.setUsageHelpWidth(HELP_WIDTH);
        return cl;
    }

    /** Runs the command line writing to the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("sereno: " + Failure.describe(ex));
            if (parsed.hasMatchedOption("--debug")) {
                ex.printStackTrace(cmd.getErr());
            }
            return FAILED;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Text to a byte stream, the stream still at hand for output that is bytes already (JSON Lines answers, written
     * as UTF-8 by the threads that make them, need no decoding and encoding again on their way out).
     */
    static final class ByteWriter extends PrintWriter {
        final OutputStream bytes;

        ByteWriter(OutputStream bytes) {
            super(bytes, true, StandardCharsets.UTF_8);
            this.bytes = bytes;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"sereno " + (v == null ? "development build" : v)};
        }
    }
}
