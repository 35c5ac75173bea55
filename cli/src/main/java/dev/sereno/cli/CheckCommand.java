package dev.sereno.cli;

import dev.sereno.engine.Advisor;
import dev.sereno.engine.RulesInvalidException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Guards and compiles a policy folder without running it.",
                "Every problem is printed as file:line:col: message, in the files you wrote.",
                "Exit 0: the policy is valid. 1: it has problems. 2: the folder does not exist."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The policy folder.")
    Path dir;

    @Option(names = "--extend", description = "Check the folder as an extension of the bundled policy.")
    boolean extend;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Advisor advisor = Advisor.builder().rules(PolicyChoice.source(dir, extend)).build()) {
            out.println(dir + ": ok, " + advisor.policy().rules().size() + " rules, revision " + advisor.policyRevision());
            return Main.OK;
        } catch (RulesInvalidException e) {
            e.problems().forEach(err::println);
            err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
            return Main.FAILED;
        } catch (PolicyChoice.BadInput e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
    }
}
