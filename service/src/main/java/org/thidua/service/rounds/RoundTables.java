package org.thidua.service.rounds;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.thidua.service.report.TableExport;
import org.thidua.service.store.StoredEvaluation;

/**
 * A round's results and audit trail as tables for CSV and XLSX: the results self-assessed beside appraised, with each
 * correction and its reason; the trail with Vietnam time for people.
 */
public final class RoundTables {
    private RoundTables() {
    }

    public static TableExport results(RoundResults results) {
        TableExport table = new TableExport("Kết quả kỳ đánh giá", List.of("Hạng", "Mã đơn vị", "Tên đơn vị", "Điểm tự chấm",
                "Xếp loại tự chấm", "Điểm thẩm định", "Xếp loại thẩm định", "Số lần nộp", "Điều chỉnh và lý do", "Phiên bản bộ luật",
                "Kết quả"), List.of(6, 18, 32, 12, 12, 12, 12, 10, 80, 18, 12));
        for (RoundResults.UnitResult unit : results.units()) {
            StoredEvaluation appraised = unit.appraised();
            List<Object> row = new ArrayList<>();
            row.add(unit.rank());
            row.add(unit.self().unitId());
            row.add(unit.standing().unitName());
            row.add(unit.self().score());
            row.add(unit.self().grade());
            row.add(appraised == null ? null : appraised.score());
            row.add(appraised == null ? "" : appraised.grade());
            row.add(unit.submissions());
            row.add(unit.corrections().stream().map(RoundTables::correction).collect(Collectors.joining("; ")));
            row.add(unit.standing().ruleSetVersion());
            row.add(results.isFinal() ? "chính thức" : "tạm tính");
            table.row(row);
        }
        for (String unitId : results.notSubmitted()) {
            table.row(List.of("", unitId, "", "", "", "", "", 0, "chưa nộp báo cáo", "", ""));
        }
        return table;
    }

    public static TableExport audit(List<AuditEntry> entries) {
        TableExport table = new TableExport("Nhật ký kỳ đánh giá", List.of("STT", "Thời điểm (giờ Việt Nam)", "Người thực hiện",
                "Thao tác", "Đơn vị", "Nội dung", "Lý do"), List.of(6, 22, 24, 18, 18, 60, 60));
        for (AuditEntry e : entries) {
            table.row(List.of(e.seq(), Shown.vietnam(e.at()), e.actor(), action(e.action()), e.unitId(), e.detail(), e.reason()));
        }
        return table;
    }

    static String correction(Correction c) {
        return c.kind() == Correction.Kind.FIGURE
                ? c.figure() + ": " + c.oldValue() + " → " + c.newValue() + " (" + c.reason() + ")"
                : "không chấp nhận minh chứng " + c.evidence() + " (" + c.reason() + ")";
    }

    static String action(AuditEntry.Action action) {
        return switch (action) {
            case OPENED -> "Mở kỳ";
            case SUBMITTED -> "Nộp báo cáo";
            case REFUSED -> "Từ chối nộp";
            case CORRECTED -> "Sửa số liệu";
            case EVIDENCE_REJECTED -> "Không chấp nhận minh chứng";
            case CLOSED -> "Đóng kỳ";
            case REOPENED -> "Mở lại kỳ";
            case DEADLINE_CHANGED -> "Đổi hạn nộp";
        };
    }
}
