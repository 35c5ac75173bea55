package dev.sereno.engine.internal;

import dev.sereno.policy.HousePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every use of a house threshold ({@code count("name")}, {@code number("name")}, {@code duration("name")}) and of a
 * house id ({@code @guidance("H01")}) in the rules, checked against {@link HousePolicy#FILE}: a name or id not
 * declared there, or a threshold read as the wrong type, is reported where it is. Internal API.
 */
final class HouseUses {
    private static final Pattern READ = Pattern.compile("\\b(count|number|duration)\\s*\\(\\s*\"([^\"\\n]*)\"\\s*\\)");
    private static final Pattern GUIDANCE = Pattern.compile("@guidance\\s*\\(([^)]*)\\)");
    private static final Pattern HOUSE_ID = Pattern.compile("\\bH\\d{2}\\b");

    private HouseUses() {
    }

    static List<String> check(Map<String, String> drl, HousePolicy house) {
        List<String> problems = new ArrayList<>();
        drl.forEach((file, source) -> {
            DrlText text = new DrlText(source);
            Matcher m = READ.matcher(source);
            while (m.find()) {
                if (text.code.charAt(m.start()) == ' ') {
                    continue; // in a comment or in quoted text
                }
                String name = m.group(2);
                HousePolicy.Parameter declared = house.parameters().get(name);
                String where = text.position(file, m.start(2));
                if (declared == null) {
                    String hint = Typos.closest(name, house.parameters().keySet()).orElse(null);
                    problems.add(where + ": no house threshold \"" + name + "\" is declared in " + HousePolicy.FILE
                            + (hint == null ? "; declare it as parameter." + name + ".type, .default and .meaning"
                            : "; did you mean \"" + hint + "\"?"));
                } else if (!declared.type().equals(m.group(1))) {
                    problems.add(where + ": \"" + name + "\" is a " + declared.type() + ": read it with "
                            + declared.type() + "(\"" + name + "\")");
                }
            }
            Matcher g = GUIDANCE.matcher(text.code);
            while (g.find()) {
                Matcher id = HOUSE_ID.matcher(source).region(g.start(1), g.end(1));
                while (id.find()) {
                    if (!house.guidance().containsKey(id.group())) {
                        problems.add(text.position(file, id.start()) + ": the house id " + id.group() + " is not declared"
                                + " in " + HousePolicy.FILE + "; declare guidance." + id.group() + ".title and guidance."
                                + id.group() + ".text");
                    }
                }
            }
        });
        return problems;
    }
}
