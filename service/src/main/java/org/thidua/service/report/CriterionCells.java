package org.thidua.service.report;

import java.util.List;

import org.thidua.core.Campaign;
import org.thidua.core.Evaluation;
import org.thidua.core.Finding;
import org.thidua.core.GroupTotal;
import org.thidua.core.Status;
import org.thidua.core.VietnameseNumbers;

/**
 * How one unit's result on one criterion is written in the ranking table, the CSV/XLSX export and the HTML report:
 * met or not for an all-or-nothing criterion, the points of the maximum ({@code 9,3/15}) for a proportional or banded
 * one, Có/Không for a yes/no one, and a bonus or a penalty as the points it adds or takes ({@code +3}, {@code −4}),
 * apart from the criteria met. Group subtotals as {@code 28/40}.
 */
public final class CriterionCells {
    private CriterionCells() {
    }

    /**
     * @param mark how a met or not met all-or-nothing criterion is written ({@code ✓}/{@code ✗}, or the status label)
     */
    public static String cell(Campaign.Criterion criterion, Finding finding, java.util.function.Function<Status, String> mark) {
        if (finding == null) {
            return "";
        }
        Status status = finding.status();
        if (status == Status.NOT_APPLICABLE || status == Status.NO_DATA) {
            return mark.apply(status);
        }
        if (criterion.isBonusOrPenalty()) {
            return signed(finding.points());
        }
        return switch (criterion.shown()) {
            case YES_NO -> status == Status.MET ? "Có" : "Không";
            case POINTS -> VietnameseNumbers.points(finding.points()) + "/" + VietnameseNumbers.points(finding.maxPoints());
            case MARK -> mark.apply(status);
        };
    }

    /** A bonus or penalty's points: {@code +3}, {@code −4}, {@code 0}. */
    static String signed(double points) {
        if (points == 0) {
            return "0";
        }
        return (points > 0 ? "+" : "−") + VietnameseNumbers.points(Math.abs(points));
    }

    /** A group's subtotal: {@code 28/40}, or the points alone for a group of bonus and penalty ({@code −1}). */
    public static String subtotal(GroupTotal total) {
        if (total.maxPoints() == 0) {
            return signed(total.points());
        }
        return VietnameseNumbers.points(total.points()) + "/" + VietnameseNumbers.points(total.maxPoints());
    }

    /** The campaign's groups in order, as the first evaluation carries them (none without groups). */
    public static List<String> groups(List<Evaluation> evaluations) {
        return evaluations.isEmpty() || evaluations.get(0).groups() == null ? List.of()
                : evaluations.get(0).groups().stream().map(GroupTotal::group).toList();
    }

    /** A unit's subtotal of a group, or an empty cell. */
    public static String subtotal(Evaluation e, String group) {
        return e.groups() == null ? "" : e.groups().stream().filter(g -> g.group().equals(group)).findFirst()
                .map(CriterionCells::subtotal).orElse("");
    }

}
