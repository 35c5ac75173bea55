package dev.sereno.engine.internal;

import java.util.Arrays;
import java.util.List;
import org.kie.api.definition.rule.Rule;

/** A rule's name and the guidance ids in its {@code @guidance} metadata. Internal API. */
public record RuleInfo(String name, List<String> guidance) {
    public RuleInfo {
        // an immutable list without nulls is shared, not copied, by every advice item made from this rule
        guidance = List.copyOf(guidance);
    }

    static RuleInfo of(Rule rule) {
        Object meta = rule.getMetaData().get("guidance");
        List<String> ids = meta == null ? List.of() : Arrays.stream(meta.toString().replace("\"", "").split("[,\\s]+"))
                .filter(s -> !s.isBlank()).distinct().sorted().toList();
        return new RuleInfo(rule.getName(), ids);
    }
}
