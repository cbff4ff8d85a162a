package org.thidua.core;

import com.fasterxml.jackson.annotation.JsonIgnore;

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
 * @param part      for a share of two counts, the exact count counted ({@code 1507} of {@code 1520}); {@code null}
 *                  for any other figure. A percentage shown to people is rounded once from {@code part/whole}
 *                  ({@link VietnameseNumbers#percent(long, long)}), not again from {@code actual}.
 * @param whole     for a share of two counts, the exact count it is a share of; {@code null} otherwise. Neither
 *                  is in contract v1's JSON (whose bytes are pinned), so a finding read back from JSON has none.
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
        String rule,
        @JsonIgnore Long part,
        @JsonIgnore Long whole) {

    /** A finding whose figure is not a share of counts. */
    public Finding(String criterion, Status status, Double actual, Double target, double points, double maxPoints,
            String title, String message, String rule) {
        this(criterion, status, actual, target, points, maxPoints, title, message, rule, null, null);
    }
}
