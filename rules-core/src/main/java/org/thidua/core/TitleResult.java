package org.thidua.core;

/**
 * Whether a unit or an official qualifies for one of the campaign's titles, and why.
 *
 * @param title       the title's id in {@code campaign.yaml}
 * @param status      {@link Status#MET} when every condition held; {@link Status#NOT_MET} when one failed;
 *                    {@link Status#NO_DATA} when no rule could decide (figures missing)
 * @param explanation each condition, held or failed, with its counts ({@code 7/12 Lao động tiên tiến = 58,33% > 50%})
 * @param rule        the rule that decided ({@code file: rule name}), or {@code campaign.yaml: …} when none did
 */
public record TitleResult(String title, String label, Status status, String explanation, String rule) {
    /** Whether the unit or official qualifies for the title. */
    public boolean qualifies() {
        return status == Status.MET;
    }
}
