package org.thidua.service.live;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.thidua.core.Campaign;
import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationResult;
import org.thidua.core.Finding;
import org.thidua.core.Status;
import org.thidua.core.UnitReport;
import org.thidua.core.VietnameseNumbers;

/**
 * What a preview says in words beside the changes: a new criterion the stored reports cannot fill ("33 đơn vị sẽ mất
 * 20 điểm vì thiếu số liệu"), and the stored indicators the candidate no longer declares, which are left out of its
 * side rather than refusing the whole preview.
 */
final class PreviewWarnings {
    private PreviewWarnings() {
    }

    /**
     * The reports as the candidate can read them: indicators it does not declare are dropped, and named in a note
     * added to {@code notes}.
     */
    static List<UnitReport> withoutUndeclaredIndicators(Campaign candidate, List<UnitReport> reports, List<String> notes) {
        Set<String> ignored = new TreeSet<>();
        int carrying = 0;
        List<UnitReport> kept = new ArrayList<>(reports.size());
        for (UnitReport report : reports) {
            Map<String, BigDecimal> declared = new HashMap<>();
            report.indicators().forEach((name, value) -> {
                if (candidate.indicator(name).isPresent()) {
                    declared.put(name, value);
                } else {
                    ignored.add(name);
                }
            });
            if (declared.size() == report.indicators().size()) {
                kept.add(report);
            } else {
                carrying++;
                kept.add(report.withIndicators(declared));
            }
        }
        if (!ignored.isEmpty()) {
            notes.add("Bỏ qua chỉ số " + String.join(", ", ignored) + " trong " + VietnameseNumbers.count(carrying)
                    + " báo cáo đã lưu: bản sửa không còn khai báo (ignored: indicators the candidate no longer declares)");
        }
        return kept;
    }

    /**
     * For each criterion the candidate adds (not in the live campaign): how many units the stored reports leave without
     * data for it, and the points each loses (none when the criterion is left out of their maximum).
     */
    static List<ImpactPreview.MissingData> missingData(Campaign live, Campaign candidate, EvaluationResult after) {
        List<ImpactPreview.MissingData> warnings = new ArrayList<>();
        for (Campaign.Criterion criterion : candidate.criteria()) {
            if (live.criterion(criterion.id()).isPresent()) {
                continue;
            }
            int units = 0;
            double points = 0;
            for (Evaluation evaluation : after.evaluations()) {
                Finding finding = evaluation.finding(criterion.id()).orElse(null);
                if (finding != null && finding.status() == Status.NO_DATA) {
                    units++;
                    points = Math.max(points, criterion.countsNoData() ? finding.maxPoints() : 0);
                }
            }
            if (units == 0) {
                continue;
            }
            String unitCount = VietnameseNumbers.count(units) + " đơn vị";
            String message = points > 0
                    ? "Tiêu chí mới " + criterion.id() + ": " + unitCount + " sẽ mất " + VietnameseNumbers.points(points)
                            + " điểm vì thiếu số liệu (" + units + " units would lose " + VietnameseNumbers.points(points)
                            + " points for lack of data)"
                    : "Tiêu chí mới " + criterion.id() + ": " + unitCount + " thiếu số liệu, tiêu chí không được tính cho các đơn vị này ("
                            + units + " units have no data; the criterion is left out of their maximum)";
            warnings.add(new ImpactPreview.MissingData(criterion.id(), criterion.title(), units, points, message));
        }
        return warnings;
    }
}
