package dev.sereno.engine;

import static org.drools.model.DSL.declarationOf;
import static org.drools.model.DSL.on;
import static org.drools.model.PatternDSL.pattern;
import static org.drools.model.PatternDSL.rule;

import dev.sereno.policy.Recommend;
import dev.sereno.situation.Complaint;
import dev.sereno.situation.Stage;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;

/**
 * One rule written straight in Drools' executable-model API, standing in for the classes the kie-maven-plugin
 * generates into a kjar, so that a test can lay out a kjar without running the plugin.
 */
public final class HandMadeModel extends ModelImpl {
    public HandMadeModel() {
        Variable<Complaint> complaint = declarationOf(Complaint.class);
        addRule(rule("dev.sereno.rules", "Listen to every complaint").metadata("guidance", "G07")
                .build(pattern(complaint), on(complaint).execute((drools, c) ->
                        drools.insert(new Recommend("LISTEN", Stage.LISTENING)))));
    }
}
