package dev.sereno.engine.internal;

import dev.sereno.policy.PolicyParameters;
import dev.sereno.situation.Language;
import dev.sereno.text.EmotionEstimator;
import dev.sereno.text.ExampleModel;
import dev.sereno.text.Lexicon;
import dev.sereno.text.PhraseFinder;
import dev.sereno.text.Spellings;
import dev.sereno.text.time.CommitmentFinder;
import dev.sereno.text.time.CommitmentList;
import java.util.EnumMap;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.DirectFiringOption;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * One loaded, immutable revision of the policy: the KieBase and its session pool, the phrase finders, the
 * messages and the parameters. Built once; shared by all calls. Internal API.
 */
public final class Policy implements AutoCloseable {
    private final String revision;
    private final KieBase kieBase;
    private final KieSessionsPool pool;
    private final FactTypes factTypes;
    private final Map<String, RuleInfo> rules;
    private final Map<Language, OnDemand<Reading>> readings = new EnumMap<>(Language.class);
    /** Each language's examples reader, learned when a draft in it is first read with the reader on; none: absent. */
    private final Map<Language, OnDemand<ExampleModel>> models;
    private final Map<Language, Messages> messages;
    private final PolicyParameters parameters;
    private final Map<String, String> drlFiles;
    private final boolean parametersGlobal;
    private final KieSessionConfiguration sessionConfiguration;

    /**
     * @param readings what each language's drafts are read with; a language left out reads nothing. The bundled
     *                 policy's are made when a call first needs them (or on a background thread before that)
     * @param models   each language's examples reader ({@code examples/xx.examples}), made when first needed; a
     *                 language left out has none
     */
    Policy(String revision, KieBase kieBase, Map<String, RuleInfo> rules, Map<Language, OnDemand<Reading>> readings,
           Map<Language, OnDemand<ExampleModel>> models, Map<Language, Messages> messages, PolicyParameters parameters,
           Map<String, String> drlFiles) {
        this.models = Map.copyOf(models);
        this.revision = revision;
        this.kieBase = kieBase;
        this.pool = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.sessionConfiguration = KieServices.get().newKieSessionConfiguration();
        sessionConfiguration.setOption(ThreadSafeOption.YES);
        sessionConfiguration.setOption(DirectFiringOption.NO);
        this.factTypes = FactTypes.of(kieBase);
        this.rules = Map.copyOf(rules);
        for (Language l : Language.values()) {
            this.readings.put(l, readings.containsKey(l) ? readings.get(l) : OnDemand.of(Reading.of(l, null, null, null)));
        }
        this.messages = Map.copyOf(messages);
        this.parameters = parameters;
        this.drlFiles = Map.copyOf(drlFiles);
        this.parametersGlobal = declaresParametersGlobal(kieBase);
    }

    /** The name of the global through which rules read the thresholds: {@code global PolicyParameters policy;}. */
    public static final String PARAMETERS_GLOBAL = "policy";

    private static boolean declaresParametersGlobal(KieBase kieBase) {
        for (org.kie.api.definition.KiePackage pkg : kieBase.getKiePackages()) {
            for (org.kie.api.definition.rule.Global g : pkg.getGlobalVariables()) {
                if (g.getName().equals(PARAMETERS_GLOBAL) && g.getType().equals(PolicyParameters.class.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the rules declare the {@link #PARAMETERS_GLOBAL} global, which every session then carries. */
    boolean parametersGlobal() {
        return parametersGlobal;
    }

    public String revision() {
        return revision;
    }

    public Map<String, RuleInfo> rules() {
        return rules;
    }

    /** Where the rule of that name is written in this revision's DRL, with its text; empty for an unknown name. */
    public java.util.Optional<RuleLocation> ruleLocation(String name) {
        return RuleLocation.find(new java.util.TreeMap<>(drlFiles), name);
    }

    public PolicyParameters parameters() {
        return parameters;
    }

    public Lexicon lexicon(Language language) {
        return readings.get(language).get().lexicon();
    }

    public Messages messages(Language language) {
        return messages.getOrDefault(language, Messages.empty());
    }

    PhraseFinder finder(Language language) {
        return readings.get(language).get().finder();
    }

    /**
     * The examples reader's model of a language, made on the first call that needs it (read as the build stored it
     * for the bundled examples, else learned from the policy's, about 1.5 s of CPU); null when the policy has none.
     */
    public ExampleModel examplesModel(Language language) {
        OnDemand<ExampleModel> model = models.get(language);
        return model == null ? null : model.get();
    }

    /** Whether the policy has examples in that language, without learning from them. */
    public boolean hasExamples(Language language) {
        return models.containsKey(language);
    }

    /** Whether that language's examples reader has been learned (or its learning failed): nothing waits. */
    public boolean examplesLearned(Language language) {
        OnDemand<ExampleModel> model = models.get(language);
        return model != null && model.made();
    }

    /** Finds the promises a draft makes, with the commitment lists of this policy ({@code commitments/xx.commitments}). */
    public CommitmentFinder commitmentFinder(Language language) {
        return readings.get(language).get().commitmentFinder();
    }

    EmotionEstimator estimator(Language language) {
        return readings.get(language).get().estimator();
    }

    /**
     * What one language's drafts and customers' words are read with: its lists, the phrase finder compiled from them,
     * the emotion estimator over that finder, and the commitment finder. The lists themselves ({@link #lexicon()})
     * are made on first need when the finder and the commitment lists were read as the build stored them: reading
     * drafts does not ask for them, so a start of the bundled policy does without making them.
     */
    record Reading(OnDemand<Lexicon> lists, PhraseFinder finder, EmotionEstimator estimator,
                   CommitmentFinder commitmentFinder) {
        /**
         * @param lexicon     null for none
         * @param finder      null for one that finds nothing
         * @param commitments null for none
         */
        static Reading of(Language language, Lexicon lexicon, PhraseFinder finder, CommitmentList commitments) {
            Lexicon l = lexicon == null ? Lexicon.empty() : lexicon;
            return of(language, OnDemand.of(l), l.spellings(), finder, commitments);
        }

        /**
         * @param lists       the lists, made when first asked for
         * @param spellings   the spellings of those lists, which the commitment finder reads drafts with
         * @param finder      null for one that finds nothing
         * @param commitments null for none
         */
        static Reading of(Language language, OnDemand<Lexicon> lists, Spellings spellings, PhraseFinder finder,
                          CommitmentList commitments) {
            PhraseFinder f = finder == null ? new PhraseFinder(Lexicon.empty()) : finder;
            return new Reading(lists, f, new EmotionEstimator(f), new CommitmentFinder(
                    commitments == null ? CommitmentList.empty() : commitments, language, spellings));
        }

        /** The lists, made now if they were not. */
        Lexicon lexicon() {
            return lists.get();
        }
    }

    FactTypes factTypes() {
        return factTypes;
    }

    /**
     * A session from the pool, thread-safe whatever the {@code drools.*} system properties say: with the executable
     * model a session that is not keeps each rule's consequence state in the rule, shared by every session of the
     * KieBase, which the pool's sessions on other threads would overwrite.
     */
    KieSession pooledSession() {
        return pool.newKieSession(sessionConfiguration);
    }

    KieSessionsPool pool() {
        return pool;
    }

    KieBase kieBase() {
        return kieBase;
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
