package org.thidua.core.read;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.thidua.core.Campaign;
import org.thidua.core.InputProblem;
import org.thidua.core.UnitKind;
import org.thidua.core.UnitReport;

/** What a report must satisfy for a given campaign, beyond its own shape. */
public final class ReportChecks {
    private ReportChecks() {
    }

    public static List<InputProblem> check(Campaign campaign, List<UnitReport> reports, String path) {
        return check(campaign, reports, null, path);
    }

    /**
     * @param positions where each report stood in the request, for the field paths (reports that could not be
     *                  read are not in the list); {@code null} when every report is in its place
     */
    public static List<InputProblem> check(Campaign campaign, List<UnitReport> reports, List<Integer> positions, String path) {
        List<InputProblem> problems = new ArrayList<>();
        // one report cannot repeat a unit: no table for it (a call per unit is the service's most frequent request)
        Map<String, Integer> seen = reports.size() < 2 ? null : new HashMap<>(Math.max(16, reports.size() * 4 / 3 + 1));
        for (int i = 0; i < reports.size(); i++) {
            UnitReport report = reports.get(i);
            int position = positions == null ? i : positions.get(i);
            if (report == null) {
                problems.add(new InputProblem(path + "[" + position + "]", "thiếu báo cáo (missing report)"));
                continue;
            }
            check(campaign, report, path, position, problems);
            Integer earlier = seen == null ? null : seen.putIfAbsent(report.unit().id(), position);
            if (earlier != null) {
                problems.add(new InputProblem(path + "[" + position + "].unit.id", "đơn vị '" + report.unit().id() + "' đã có ở " + path + "["
                        + earlier + "]; mỗi đơn vị chỉ báo cáo một lần (unit reported twice)"));
            }
        }
        return problems;
    }

    /** Checks the report at {@code path[position]}; the path is spelt out only for a problem. */
    private static void check(Campaign campaign, UnitReport report, String path, int position, List<InputProblem> problems) {
        if (!report.members().isEmpty()) {
            checkMembers(campaign, report, at(path, position), problems);
        }
        if (!campaign.unitKinds().contains(report.unit().kind())) {
            problems.add(new InputProblem(at(path, position) + ".unit.kind", "chiến dịch " + campaign.id() + " không đánh giá loại đơn vị "
                    + report.unit().kind() + "; các loại được đánh giá: " + sorted(campaign.unitKinds())
                    + " (the campaign does not evaluate this kind of unit)"));
        }
        if (report.indicators().isEmpty()) {
            return;
        }
        report.indicators().forEach((name, value) -> {
            Campaign.Indicator indicator = indicator(campaign, name);
            if (indicator == null) {
                problems.add(new InputProblem(at(path, position) + ".indicators." + name, "chỉ số '" + name + "' không được khai báo trong chiến dịch "
                        + campaign.id() + "; các chỉ số được khai báo: "
                        + campaign.indicators().stream().map(Campaign.Indicator::id).toList() + " (undeclared indicator)"));
            } else if (value == null) {
                problems.add(new InputProblem(at(path, position) + ".indicators." + name, "phải là một số (must be a number)"));
            } else if ((indicator.min() != null && value.compareTo(indicator.min()) < 0)
                    || (indicator.max() != null && value.compareTo(indicator.max()) > 0)) {
                problems.add(new InputProblem(at(path, position) + ".indicators." + name, "giá trị " + value.toPlainString() + " nằm ngoài khoảng cho phép "
                        + range(indicator.min(), indicator.max()) + " (out of range)"));
            }
        });
    }

    private static void checkMembers(Campaign campaign, UnitReport report, String at, List<InputProblem> problems) {
        if (campaign.memberCriteria().isEmpty() && campaign.titles().isEmpty()) {
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
    }

    private static String at(String path, int position) {
        return path + "[" + position + "]";
    }

    private static Campaign.Indicator indicator(Campaign campaign, String name) {
        for (Campaign.Indicator indicator : campaign.indicators()) {
            if (indicator.id().equals(name)) {
                return indicator;
            }
        }
        return null;
    }

    private static List<UnitKind> sorted(java.util.Set<UnitKind> kinds) {
        return kinds.stream().sorted().toList();
    }

    private static String range(BigDecimal min, BigDecimal max) {
        return "[" + (min == null ? "-∞" : min.toPlainString()) + ", " + (max == null ? "∞" : max.toPlainString()) + "]";
    }
}
