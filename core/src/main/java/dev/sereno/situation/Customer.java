package dev.sereno.situation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Who complains. Numbers are 0 when unknown; money is in the situation's currency.
 *
 * @param pastUnfoundedComplaints earlier complaints that turned out unfounded; by policy (G16) this never
 *                                lowers the credibility, priority or remedies of the present complaint
 */
public record Customer(String id, Segment segment, int yearsAsCustomer, BigDecimal annualValue,
                       BigDecimal annualCostToServe, int pastComplaints, int pastUnfoundedComplaints) {

    public Customer {
        segment = Objects.requireNonNullElse(segment, Segment.INDIVIDUAL);
        annualValue = Objects.requireNonNullElse(annualValue, BigDecimal.ZERO);
        annualCostToServe = Objects.requireNonNullElse(annualCostToServe, BigDecimal.ZERO);
    }

    /** A customer with only an id; every other field at its default. */
    public static Customer of(String id) {
        return new Customer(id, null, 0, null, null, 0, 0);
    }

    public Customer withSegment(Segment value) {
        return new Customer(id, value, yearsAsCustomer, annualValue, annualCostToServe, pastComplaints, pastUnfoundedComplaints);
    }

    public Customer withYearsAsCustomer(int value) {
        return new Customer(id, segment, value, annualValue, annualCostToServe, pastComplaints, pastUnfoundedComplaints);
    }

    public Customer withValue(BigDecimal annual, BigDecimal costToServe) {
        return new Customer(id, segment, yearsAsCustomer, annual, costToServe, pastComplaints, pastUnfoundedComplaints);
    }

    public Customer withPastComplaints(int all, int unfounded) {
        return new Customer(id, segment, yearsAsCustomer, annualValue, annualCostToServe, all, unfounded);
    }

    public boolean smallBusiness() {
        return segment == Segment.SMALL_BUSINESS;
    }
}
