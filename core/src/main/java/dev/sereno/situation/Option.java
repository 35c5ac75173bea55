package dev.sereno.situation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A remedy the organisation could apply to this case.
 *
 * @param cost      what it costs the organisation, in the situation's currency
 * @param available whether it can be applied at all; true when absent
 * @param why       why it is not available, to be explained to the customer (G26, G31)
 */
public record Option(Remedy remedy, BigDecimal cost, boolean available, String why) {

    public Option {
        cost = Objects.requireNonNullElse(cost, BigDecimal.ZERO);
    }

    public static Option available(Remedy remedy, BigDecimal cost) {
        return new Option(remedy, cost, true, null);
    }

    public static Option unavailable(Remedy remedy, BigDecimal cost, String why) {
        return new Option(remedy, cost, false, why);
    }
}
