package dev.sereno.situation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A remedy the organisation could apply to this case.
 *
 * <p>Two figures, each used only for what it means. {@code cost} is what the remedy costs the organisation: it is
 * what the remedy is worth to the customer, so it decides the agent's authority (against
 * {@link Agent#maxCompensation()}) and which option to offer first (G35); it is never quoted to the customer.
 * {@code price} is what the customer would pay for it: 0 when the remedy is owed (a verified defect, an error of
 * ours), more when the customer asks for something beyond what is owed, and only then does the advice say
 * "sí podemos, éste es el precio" with that figure (G29).
 *
 * @param cost      what it costs the organisation, in the situation's currency; 0 when absent
 * @param available whether it can be applied at all; true when absent
 * @param why       why it is not available, to be explained to the customer (G26, G30, G31)
 * @param price     what the customer would pay for it, in the situation's currency; 0 (owed) when absent
 */
public record Option(Remedy remedy, BigDecimal cost, boolean available, String why, BigDecimal price) {

    public Option {
        cost = Objects.requireNonNullElse(cost, BigDecimal.ZERO);
        price = Objects.requireNonNullElse(price, BigDecimal.ZERO);
    }

    /** An option the customer pays nothing for: the remedy is owed. */
    public Option(Remedy remedy, BigDecimal cost, boolean available, String why) {
        this(remedy, cost, available, why, BigDecimal.ZERO);
    }

    public static Option available(Remedy remedy, BigDecimal cost) {
        return new Option(remedy, cost, true, null);
    }

    public static Option unavailable(Remedy remedy, BigDecimal cost, String why) {
        return new Option(remedy, cost, false, why);
    }

    /** The same option, offered to the customer at {@code price}. */
    public Option withPrice(BigDecimal price) {
        return new Option(remedy, cost, available, why, price);
    }

    /** Whether the customer would pay for it (price above 0), as opposed to a remedy they are owed. */
    public boolean charged() {
        return price.signum() > 0;
    }
}
