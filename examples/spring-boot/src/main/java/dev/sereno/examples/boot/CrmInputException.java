package dev.sereno.examples.boot;

import java.util.List;

/** The CRM sent something the mapping cannot read; each problem names the CRM's field. */
public class CrmInputException extends RuntimeException {
    private final List<String> problems;

    public CrmInputException(List<String> problems) {
        super(problems.size() + " problems in the CRM's reply");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
