/**
 * The vocabulary DRL rules are written in. Rules match the situation's records ({@code dev.sereno.situation}) and
 * the derived facts here ({@link dev.sereno.policy.Feeling}, {@link dev.sereno.policy.Finding}), read the thresholds
 * from the {@code policy} global ({@link dev.sereno.policy.PolicyParameters}) and insert the advice facts here ({@link dev.sereno.policy.Recommend},
 * {@link dev.sereno.policy.Warn}, {@link dev.sereno.policy.Escalate}, {@link dev.sereno.policy.Schedule},
 * {@link dev.sereno.policy.RequestReview}, {@link dev.sereno.policy.RecordCase},
 * {@link dev.sereno.policy.RaisePriority}). A rule never changes an input fact; the guidance ids and the rule
 * name of each advice item are taken from the rule that inserted it.
 */
package dev.sereno.policy;
