package dev.sereno.cli;

import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The run the build records a class-data-sharing archive of ({@code cli/target/sereno.jsa}, see cli/pom.xml and
 * bin/sereno): advice as JSON and as text for one situation, and the demo, so that the archive holds the classes a
 * one-shot command loads. Prints nothing; exits 1 if a command failed, so that a broken jar fails the build here.
 *
 * <pre>java -XX:ArchiveClassesAtExit=sereno.jsa -cp sereno.jar dev.sereno.cli.ClassDataTraining SITUATION.json</pre>
 */
final class ClassDataTraining {
    private ClassDataTraining() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ClassDataTraining SITUATION.json");
            System.exit(Main.BAD_INPUT);
        }
        PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream());
        PrintWriter err = new PrintWriter(System.err, true);
        PolicyLoading.startBundledEarly("advise", args[0]);
        int code = Math.max(Math.max(Main.run(nowhere, err, "advise", args[0]),
                Main.run(nowhere, err, "advise", "--format", "text", args[0])), Main.run(nowhere, err, "demo"));
        System.exit(code == Main.OK ? Main.OK : Main.FAILED);
    }
}
