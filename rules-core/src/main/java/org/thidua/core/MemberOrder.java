package org.thidua.core;

import java.util.Comparator;

/**
 * The order in which officials are chosen when a title has a quota (Chiến sĩ thi đua cơ sở: at most 15% of
 * the unit's Lao động tiên tiến). A rule lists the keys in the order it wants them; ties left at the end are
 * broken by the order of the unit's own report, so the choice is always the same for the same report.
 */
public enum MemberOrder {
    /** A better task-completion grade first; no grade last. */
    TASK_GRADE("xếp loại nhiệm vụ cao hơn trước"),
    /** Fewer late dossiers first; not reported counts as none. */
    FEWEST_LATE_DOSSIERS("ít hồ sơ trễ hạn hơn trước"),
    /** More dossiers handled first; not reported counts as none. */
    MOST_DOSSIERS_HANDLED("nhiều hồ sơ giải quyết hơn trước"),
    /** The order in which the unit listed its officials. */
    REPORT_ORDER("theo thứ tự trong báo cáo của đơn vị");

    private final String label;

    MemberOrder(String label) {
        this.label = label;
    }

    /** Vietnamese label, for explanations. */
    public String label() {
        return label;
    }

    Comparator<Member> comparator(UnitReport report) {
        return switch (this) {
            case TASK_GRADE -> Comparator.comparing(Member::taskGrade, Comparator.nullsLast(Comparator.naturalOrder()));
            case FEWEST_LATE_DOSSIERS -> Comparator.comparingLong(m -> m.dossiers() == null ? 0 : m.dossiers().late());
            case MOST_DOSSIERS_HANDLED -> Comparator.comparingLong((Member m) -> m.dossiers() == null ? 0 : m.dossiers().handled()).reversed();
            case REPORT_ORDER -> Comparator.comparingInt(m -> report.members().indexOf(m));
        };
    }
}
