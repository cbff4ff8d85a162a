package org.thidua.service.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.thidua.core.Campaign;
import org.thidua.core.VietnameseNumbers;
import org.thidua.service.live.ImpactPreview;

/** The impact of a candidate as a table a person reads in a terminal: each changing unit, old → new. */
public final class PreviewTable {
    private static final String NL = System.lineSeparator();

    private final Campaign live;
    private final Campaign candidate;

    PreviewTable(Campaign live, Campaign candidate) {
        this.live = live;
        this.candidate = candidate;
    }

    String render(ImpactPreview.Impact impact) {
        StringBuilder text = new StringBuilder();
        text.append("Xem trước tác động của bản sửa bộ luật (impact preview): ").append(impact.campaign()).append(NL);
        text.append(candidate.title()).append(NL);
        text.append("Bộ luật đang dùng (live):  ").append(impact.liveVersion()).append(NL);
        text.append("Bản sửa (candidate):       ").append(impact.candidateVersion())
                .append(impact.liveVersion().equals(impact.candidateVersion()) ? "  (giống hệt bộ luật đang dùng, identical)" : "")
                .append(NL);
        text.append("So sánh ").append(impact.unitsCompared()).append(" đơn vị: ").append(impact.unitsChanged())
                .append(" đơn vị thay đổi, ").append(impact.unitsCompared() - impact.unitsChanged()).append(" không đổi (compared ")
                .append(impact.unitsCompared()).append(" units: ").append(impact.unitsChanged()).append(" change)").append(NL);
        impact.warnings().forEach(w -> text.append("Cảnh báo (warning): ").append(w.message()).append(NL));
        impact.notes().forEach(note -> text.append("Ghi chú (note): ").append(note).append(NL));
        if (impact.unitsCompared() == 0) {
            return text.append("Chưa có kết quả đánh giá nào của chiến dịch trong cơ sở dữ liệu (no stored evaluations of the campaign)")
                    .append(NL).toString();
        }
        if (impact.changes().isEmpty()) {
            return text.append("Không đơn vị nào thay đổi (no unit changes)").append(NL).toString();
        }
        text.append(NL);
        List<String> header = List.of("Đơn vị", "Điểm", "Xếp loại", "Hạng", "Tiêu chí thay đổi");
        List<List<String>> rows = new ArrayList<>();
        for (ImpactPreview.UnitChange change : impact.changes()) {
            rows.add(List.of(
                    change.unitName(),
                    beside(VietnameseNumbers.score(change.before().score()), VietnameseNumbers.score(change.after().score())),
                    beside(grade(live, change.before().grade()), grade(candidate, change.after().grade())),
                    beside(String.valueOf(change.before().rank()), String.valueOf(change.after().rank())),
                    String.join("; ", change.findings().stream().map(PreviewTable::finding).toList())));
        }
        TerminalTable.append(text, header, rows, Set.of(1, 3)); // score and rank to the right
        text.append(NL).append("Ký hiệu: cũ → mới (old → new) · ✓ đạt · ✗ không đạt · – không áp dụng · ? chưa có số liệu"
                + " · ∅ không có tiêu chí này").append(NL);
        return text.toString();
    }

    private static String beside(String before, String after) {
        return before.equals(after) ? after : before + " → " + after;
    }

    private static String finding(ImpactPreview.CriterionChange change) {
        return change.criterion() + " " + state(change.before()) + " → " + state(change.after());
    }

    private static String state(ImpactPreview.FindingState state) {
        if (state == null) {
            return "∅";
        }
        String mark = switch (state.status()) {
            case "MET" -> "✓";
            case "NOT_MET" -> "✗";
            case "NOT_APPLICABLE" -> "–";
            default -> "?";
        };
        return mark + " " + VietnameseNumbers.points(state.points());
    }

    private static String grade(Campaign campaign, String code) {
        return campaign.grade(code).map(Campaign.GradeBand::label).orElse(code);
    }
}
