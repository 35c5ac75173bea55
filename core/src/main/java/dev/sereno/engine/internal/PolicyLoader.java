package dev.sereno.engine.internal;

import dev.sereno.engine.RulesInvalidException;
import dev.sereno.policy.InvalidPolicyParametersException;
import dev.sereno.policy.PolicyParameters;
import dev.sereno.situation.Language;
import dev.sereno.text.Lexicon;
import dev.sereno.text.LexiconFormatException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.KieContainerImpl;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/** Loads a {@link Policy} from a {@link PolicyOrigin}; every problem found is reported together. Internal API. */
public final class PolicyLoader {
    public static final String KIE_BASE = "sereno";
    private static final AtomicLong BUILDS = new AtomicLong();

    private PolicyLoader() {
    }

    /**
     * @param parametersOverride parameters set by the host; null to use the policy's own policy.properties
     */
    public static Policy load(PolicyOrigin origin, PolicyParameters parametersOverride) {
        List<String> problems = new ArrayList<>();
        Map<String, String> hashed = new TreeMap<>();

        Map<Language, Lexicon> lexicons = new EnumMap<>(Language.class);
        Map<Language, Messages> messages = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            String phrasesPath = "phrases/" + l.code() + ".phrases";
            origin.read(phrasesPath).ifPresent(text -> {
                hashed.put(phrasesPath, text);
                try {
                    lexicons.put(l, Lexicon.read(new StringReader(text), phrasesPath));
                } catch (LexiconFormatException e) {
                    problems.add(e.getMessage());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String messagesPath = "messages/" + l.code() + ".properties";
            origin.read(messagesPath).ifPresent(text -> {
                hashed.put(messagesPath, text);
                try {
                    messages.put(l, Messages.parse(text, messagesPath));
                } catch (UncheckedIOException e) {
                    problems.add(e.getCause().getMessage());
                }
            });
        }
        PolicyParameters parameters = parametersOverride;
        Optional<String> properties = origin.read("policy.properties");
        properties.ifPresent(text -> hashed.put("policy.properties", text));
        if (parameters == null) {
            try {
                parameters = properties.map(PolicyParameters::read).orElseGet(PolicyParameters::defaults);
            } catch (InvalidPolicyParametersException e) {
                e.problems().forEach(p -> problems.add(p.toString()));
            }
        }

        KieBase kieBase;
        if (origin instanceof PolicyOrigin.Classpath cp) {
            kieBase = loadKjar(cp, hashed, problems);
        } else {
            Map<String, String> drl = origin.drl();
            hashed.putAll(drl);
            kieBase = compile(drl, problems);
        }
        if (!problems.isEmpty()) {
            throw new RulesInvalidException(origin.toString(), problems);
        }
        Map<String, RuleInfo> rules = new TreeMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                rules.put(r.getName(), RuleInfo.of(r));
            }
        }
        return new Policy(revision(hashed), kieBase, rules, lexicons, messages, parameters);
    }

    private static KieBase loadKjar(PolicyOrigin.Classpath cp, Map<String, String> hashed, List<String> problems) {
        KieServices ks = KieServices.get();
        KieContainer container = ks.newKieClasspathContainer("sereno-" + BUILDS.incrementAndGet(), cp.loader);
        if (!container.getKieBaseNames().contains(KIE_BASE)) {
            problems.add("no knowledge base \"" + KIE_BASE + "\" on the class path: add the sereno-rules jar (or a kjar "
                    + "whose META-INF/kmodule.xml declares it) to the class path");
            return null;
        }
        if (container instanceof KieContainerImpl impl
                && impl.getKieModuleForKBase(KIE_BASE) instanceof InternalKieModule module) {
            for (String name : module.getFileNames()) {
                if (name.endsWith(".drl")) {
                    hashed.put(name, new String(module.getBytes(name), StandardCharsets.UTF_8));
                }
            }
        }
        return container.getKieBase(KIE_BASE);
    }

    private static KieBase compile(Map<String, String> drl, List<String> problems) {
        if (drl.isEmpty()) {
            problems.add("no .drl file: a policy needs at least one rule file");
            return null;
        }
        KieServices ks = KieServices.get();
        ReleaseId id = ks.newReleaseId("dev.sereno.runtime", "policy", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(id);
        drl.forEach((path, text) -> kfs.write("src/main/resources/" + path, text));
        KieBuilder builder = ks.newKieBuilder(kfs);
        try {
            builder.buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            problems.add("the rules could not be compiled: " + e.getMessage());
            return null;
        }
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            errors.forEach(m -> problems.add(position(m) + m.getText().strip()));
            return null;
        }
        try {
            KieContainer container = ks.newKieContainer(id);
            return container.getKieBase();
        } finally {
            // the repository keeps every module it has seen; a reloading host must not accumulate them
            ks.getRepository().removeKieModule(id);
        }
    }

    private static String position(Message m) {
        String path = m.getPath() == null ? "" : m.getPath().replaceFirst("^src/main/resources/", "");
        if (path.isEmpty()) {
            return "";
        }
        return m.getLine() > 0 ? path + ":" + m.getLine() + ":" + Math.max(m.getColumn(), 0) + ": " : path + ": ";
    }

    private static String revision(Map<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, text) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(text.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
