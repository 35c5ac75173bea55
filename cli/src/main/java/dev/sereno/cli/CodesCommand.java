package dev.sereno.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "codes", mixinStandardHelpOptions = true,
        description = {"Lists every code the policy's rules insert, as a Markdown table.",
                "For each: the kind of advice, the rule, its guidance, what each placeholder ({0}, {1}…) holds, and",
                "the text the agent reads.",
                "Generated from the rules and messages, so docs/policy-codes.md never drifts from them."})
final class CodesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The policy folder; the bundled policy when absent.")
    Path dir;

    @Option(names = "--replace", description = "The folder alone, without the bundled policy.")
    boolean replace;

    @Option(names = "--lang", paramLabel = "en|es", description = "The language of the texts (default en).")
    String lang = "en";

    @Override
    public Integer call() {
        if (dir != null && !Files.isDirectory(dir)) {
            spec.commandLine().getErr().println(dir + ": no such folder");
            return Main.BAD_INPUT;
        }
        spec.commandLine().getOut().print(PolicyLint.catalogue(dir, replace, lang));
        return Main.OK;
    }
}
