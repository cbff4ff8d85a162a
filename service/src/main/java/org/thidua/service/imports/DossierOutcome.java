package org.thidua.service.imports;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * How one dossier counts for a period. The rules (also in docs/imports.md):
 *
 * <ul>
 *   <li>Dates are calendar days; a time of day is ignored.</li>
 *   <li>A due date on a Saturday or Sunday runs to the next Monday (Bộ luật Dân sự 2015, Điều 148 khoản 5: a time
 *       limit ending on a weekly day off ends at the end of the next working day). Public holidays are not known
 *       to thidua and do not move a due date.</li>
 *   <li>Returned before the due date: {@link #EARLY}. Returned on the due date, or when the due date is a weekend
 *       day, up to the next Monday: {@link #ON_TIME}. Returned after that: {@link #LATE}.</li>
 *   <li>Not returned by the period's last day (no return date, or one after the period) and due on or before that
 *       day (after the weekend rule): {@link #OVERDUE_IN_PROGRESS}; due after it: {@link #NOT_DUE_YET}, not counted.</li>
 *   <li>Returned before the period began, or received after it ended: {@link #OUTSIDE_PERIOD}, not counted.</li>
 * </ul>
 * A dossier without a due date, returned before it was received, or due before it was received is a bad row
 * (see {@link DossierRecord}).
 */
public enum DossierOutcome {
    EARLY, ON_TIME, LATE, OVERDUE_IN_PROGRESS, NOT_DUE_YET, OUTSIDE_PERIOD;

    public static DossierOutcome of(DossierRecord dossier, Period period) {
        LocalDate lastDay = lastDayToReturn(dossier.due());
        if (dossier.received().isAfter(period.to())
                || (dossier.returned() != null && dossier.returned().isBefore(period.from()))) {
            return OUTSIDE_PERIOD;
        }
        if (dossier.returned() == null || dossier.returned().isAfter(period.to())) {
            return lastDay.isAfter(period.to()) ? NOT_DUE_YET : OVERDUE_IN_PROGRESS;
        }
        if (dossier.returned().isBefore(dossier.due())) {
            return EARLY;
        }
        return dossier.returned().isAfter(lastDay) ? LATE : ON_TIME;
    }

    /** The due date, or the Monday after it when it falls on a weekend. */
    public static LocalDate lastDayToReturn(LocalDate due) {
        return switch (due.getDayOfWeek()) {
            case SATURDAY -> due.plusDays(2);
            case SUNDAY -> due.plusDays(1);
            default -> due;
        };
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
