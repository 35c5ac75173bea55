package dev.sereno.cli;

import dev.sereno.engine.Advisor;
import dev.sereno.engine.RulesInvalidException;
import dev.sereno.engine.SuggestedWording;
import dev.sereno.situation.Language;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Guards and compiles a policy folder without running it.",
                "The folder is checked on top of the bundled policy (or alone, with --replace).",
                "Every problem is printed as file:line:col: message, in the files you wrote.",
                "Exit 0: the policy is valid. 1: it has problems. 2: the folder does not exist."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The policy folder.")
    Path dir;

    @Option(names = "--lang", paramLabel = "en|es", converter = Languages.class,
            description = "The language of the problems found in the rules: en (default) or es.")
    Language lang = Language.EN;

    @Option(names = "--replace", description = "Check the folder alone, as a policy that replaces the bundled one.")
    boolean replace;

    @Option(names = "--extend", description = "Check the folder on top of the bundled policy (the default).")
    boolean extend;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Advisor advisor = Advisor.builder().rules(PolicyChoice.source(dir, extend, replace)).build()) {
            PolicyLint.Findings findings = PolicyLint.look(dir, replace);
            findings.warnings().forEach(w -> err.println("warning: " + w));
            SuggestedWording.clashes(advisor).forEach(c -> err.println("warning: " + c));
            if (replace) {
                warnIfMostBundledRulesAreMissing(advisor, err);
            }
            if (!findings.problems().isEmpty()) {
                findings.problems().forEach(err::println);
                int n = findings.problems().size();
                err.println(n + (n == 1 ? " problem" : " problems") + " in what the agent reads");
                return Main.FAILED;
            }
            out.println(dir + ": ok, " + advisor.policy().rules().size() + " rules, revision " + advisor.policyRevision());
            return Main.OK;
        } catch (RulesInvalidException e) {
            e.problems(lang).forEach(err::println);
            int n = e.problems().size();
            err.println(n + (lang == Language.ES ? (n == 1 ? " problema" : " problemas") : (n == 1 ? " problem" : " problems")));
            return Main.FAILED;
        } catch (PolicyChoice.BadInput e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
    }

    private void warnIfMostBundledRulesAreMissing(Advisor advisor, PrintWriter err) {
        replacementWarning(dir, advisor).ifPresent(err::println);
    }

    /**
     * A folder holding a house rule or two, served with --replace, drops the bundled policy: agents would get almost
     * no advice, and nothing else would say so. The warning, when the folder lacks most of the bundled rules.
     */
    static java.util.Optional<String> replacementWarning(Path dir, Advisor advisor) {
        Set<String> bundled;
        try (Advisor defaults = Advisor.withDefaultRules()) {
            bundled = defaults.policy().rules().keySet();
        }
        long kept = bundled.stream().filter(advisor.policy().rules()::containsKey).count();
        if (kept * 2 >= bundled.size()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("warning: " + dir + " has " + kept + " of the bundled policy's " + bundled.size()
                + " rules; with --replace agents get only the folder's rules and lose the other "
                + (bundled.size() - kept) + ". To add the folder to the bundled policy, leave out --replace "
                + "(extending is the default; --extend says so explicitly).");
    }
}
