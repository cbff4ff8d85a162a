package org.thidua.core;

/**
 * The result of one criterion for one unit, and why.
 *
 * @param actual    the unit's figure (a share is between 0 and 1), rounded to 5 decimals;
 *                  {@code null} when there is none (not applicable, no data, or nothing to count)
 * @param target    the figure the criterion asks for, or {@code null} when it has none
 * @param points    points earned
 * @param maxPoints points the criterion is worth; 0 when it does not count for this unit
 * @param rule      where the result came from: {@code file: rule name}, or {@code campaign.yaml} for
 *                  results the campaign description decides (not applicable, no data)
 */
public record Finding(
        String criterion,
        Status status,
        Double actual,
        Double target,
        double points,
        double maxPoints,
        String title,
        String message,
        String rule) {
}
