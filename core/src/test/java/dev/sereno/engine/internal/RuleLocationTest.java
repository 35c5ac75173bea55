package dev.sereno.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sereno.engine.Advisor;
import dev.sereno.engine.RuleSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleLocationTest {
    private static final String FILE = """
            package dev.sereno.rules;
            // rule "Commented out" is not a rule
            /* rule "Also commented"
            end */
            rule "Say sorry"
                @guidance("G13")
            when
                Complaint( claim == "end of the line" )
            then
                insert(new Recommend("SORRY", Stage.LISTENING));
            end

            rule "Second"
            when
            then
            end
            """;

    @Test
    void finds_the_file_line_and_text_of_a_rule_by_name() {
        RuleLocation at = RuleLocation.find(Map.of("a.drl", "package x;\n", "b.drl", FILE), "Say sorry").orElseThrow();

        assertThat(at.file()).isEqualTo("b.drl");
        assertThat(at.line()).isEqualTo(5);
        assertThat(at.source()).startsWith("rule \"Say sorry\"").endsWith("end")
                .contains("claim == \"end of the line\"").doesNotContain("Second");
    }

    @Test
    void a_name_only_in_a_comment_or_unknown_is_not_found() {
        assertThat(RuleLocation.find(Map.of("b.drl", FILE), "Commented out")).isEmpty();
        assertThat(RuleLocation.find(Map.of("b.drl", FILE), "Also commented")).isEmpty();
        assertThat(RuleLocation.find(Map.of("b.drl", FILE), "Nobody")).isEmpty();
    }

    @Test
    void a_loaded_policy_keeps_the_text_of_its_rules() {
        String drl = """
                package dev.sereno.rules;
                import dev.sereno.situation.Complaint;
                import dev.sereno.situation.Stage;
                import dev.sereno.policy.Recommend;

                rule "Say sorry"
                    @guidance("G13")
                when
                    Complaint( claim == "end of the line" )
                then
                    insert(new Recommend("SORRY", Stage.LISTENING));
                end
                """;
        try (Advisor advisor = Advisor.builder().rules(RuleSource.files(Map.of("sorry.drl", drl))).build()) {
            RuleLocation at = advisor.policy().ruleLocation("Say sorry").orElseThrow();
            assertThat(at.file()).isEqualTo("sorry.drl");
            assertThat(at.line()).isEqualTo(6);
            assertThat(at.source()).startsWith("rule \"Say sorry\"").endsWith("end");
        }
    }
}
