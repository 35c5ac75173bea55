package dev.sereno.cli;

import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The run the build records class-data-sharing archives of (see cli/pom.xml and bin/sereno): advice as JSON and as
 * text for one situation, and the demo, so that the archives hold the classes a one-shot command loads. Run once for
 * the list of classes in the static archive ({@code cli/target/sereno-base.jsa}) and once more, on that archive, for
 * the dynamic one ({@code cli/target/sereno.jsa}). Prints nothing; exits 1 if a command failed, so that a broken jar
 * fails the build here.
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
