package org.thidua.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a report must satisfy for a given campaign, beyond its own shape. */
final class ReportChecks {
    private ReportChecks() {
    }

    static List<InputProblem> check(Campaign campaign, List<UnitReport> reports, String path) {
        return check(campaign, reports, java.util.stream.IntStream.range(0, reports.size()).boxed().toList(), path);
    }

    /**
     * @param positions where each report stood in the request, for the field paths (reports that could not be
     *                  read are not in the list)
     */
    static List<InputProblem> check(Campaign campaign, List<UnitReport> reports, List<Integer> positions, String path) {
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            UnitReport report = reports.get(i);
            String at = path + "[" + positions.get(i) + "]";
            if (report == null) {
                problems.add(new InputProblem(at, "thiếu báo cáo (missing report)"));
                continue;
            }
            check(campaign, report, at, problems);
            Integer earlier = seen.putIfAbsent(report.unit().id(), positions.get(i));
            if (earlier != null) {
                problems.add(new InputProblem(at + ".unit.id", "đơn vị '" + report.unit().id() + "' đã có ở " + path + "["
                        + earlier + "]; mỗi đơn vị chỉ báo cáo một lần (unit reported twice)"));
            }
        }
        return problems;
    }

    static void check(Campaign campaign, UnitReport report, String at, List<InputProblem> problems) {
        if (!report.members().isEmpty() && campaign.memberCriteria().isEmpty() && campaign.titles().isEmpty()) {
            problems.add(new InputProblem(at + ".members", "chiến dịch " + campaign.id() + " không xét cá nhân (không có memberCriteria"
                    + " hay titles trong campaign.yaml): bỏ danh sách members (the campaign does not evaluate officials)"));
        }
        Map<String, Integer> memberIds = new HashMap<>();
        for (int m = 0; m < report.members().size(); m++) {
            Integer earlier = memberIds.putIfAbsent(report.members().get(m).id(), m);
            if (earlier != null) {
                problems.add(new InputProblem(at + ".members[" + m + "].id", "cán bộ '" + report.members().get(m).id()
                        + "' đã có ở " + at + ".members[" + earlier + "]; mỗi người chỉ báo cáo một lần (official reported twice)"));
            }
        }
        if (!campaign.unitKinds().contains(report.unit().kind())) {
            problems.add(new InputProblem(at + ".unit.kind", "chiến dịch " + campaign.id() + " không đánh giá loại đơn vị "
                    + report.unit().kind() + "; các loại được đánh giá: " + sorted(campaign.unitKinds())
                    + " (the campaign does not evaluate this kind of unit)"));
        }
        report.indicators().forEach((name, value) -> {
            String field = at + ".indicators." + name;
            campaign.indicator(name).ifPresentOrElse(indicator -> {
                if (value == null) {
                    problems.add(new InputProblem(field, "phải là một số (must be a number)"));
                } else if ((indicator.min() != null && value.compareTo(indicator.min()) < 0)
                        || (indicator.max() != null && value.compareTo(indicator.max()) > 0)) {
                    problems.add(new InputProblem(field, "giá trị " + value.toPlainString() + " nằm ngoài khoảng cho phép "
                            + range(indicator.min(), indicator.max()) + " (out of range)"));
                }
            }, () -> problems.add(new InputProblem(field, "chỉ số '" + name + "' không được khai báo trong chiến dịch "
                    + campaign.id() + "; các chỉ số được khai báo: "
                    + campaign.indicators().stream().map(Campaign.Indicator::id).toList() + " (undeclared indicator)")));
        });
    }

    private static List<UnitKind> sorted(java.util.Set<UnitKind> kinds) {
        return kinds.stream().sorted().toList();
    }

    private static String range(BigDecimal min, BigDecimal max) {
        return "[" + (min == null ? "-∞" : min.toPlainString()) + ", " + (max == null ? "∞" : max.toPlainString()) + "]";
    }
}
