package org.thidua.core.compile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.thidua.core.Campaign;
import org.thidua.core.compile.CriterionRow.Measure;
import org.thidua.core.compile.CriterionRow.Method;

/**
 * The numbers of a criteria sheet row: its points, its target and its bands, as staff write them (a percent cell,
 * {@code 95%}, {@code 0,95} or {@code 0.95}); a share above 100% is refused with the share that was likely meant.
 */
final class RowNumbers {
    private final RowCells row;
    private final Campaign campaign;

    RowNumbers(RowCells row, Campaign campaign) {
        this.row = row;
        this.campaign = campaign;
    }

    CriterionRow.Target target(Method method, Measure measure) {
        SheetTable.Cell cell = row.cell("target");
        if (cell == null) {
            if (method == Method.THRESHOLD) {
                row.problem("target", "Cách chấm 'ngưỡng' cần Chỉ tiêu, ví dụ 95% (a threshold needs a target)");
            }
            return null;
        }
        String text = cell.text().strip();
        boolean atMost = text.startsWith("≤") || text.startsWith("<=");
        String rest = text.replaceFirst("^(≥|>=|≤|<=)\\s*", "");
        BigDecimal value = share(cell, rest, "target", isShare(measure));
        return value == null ? null : new CriterionRow.Target(atMost, value, isShare(measure));
    }

    /** A number as the cell holds it: a percent cell, {@code 95%}, {@code 0,95} or {@code 0.95}; a share above 100% is refused. */
    private BigDecimal share(SheetTable.Cell cell, String text, String key, boolean share) {
        BigDecimal value;
        if (cell.number() != null && text.equals(cell.text().strip())) {
            value = cell.number();
        } else {
            value = VietnamesePercent.parse(text);
            if (value == null) {
                row.problem(key, "'" + cell.text() + "' không phải một số hay tỷ lệ phần trăm, ví dụ 95% (not a number or percentage)");
                return null;
            }
        }
        if (share && value.compareTo(BigDecimal.ONE) > 0) {
            String meant = VietnamesePercent.of(value.movePointLeft(2));
            row.problem(key, "Tỷ lệ " + VietnamesePercent.of(value) + " lớn hơn 100%: có phải ý là " + meant + "? Viết " + meant
                    + " hoặc " + value.movePointLeft(2).stripTrailingZeros().toPlainString().replace('.', ',')
                    + " (a share above 100%: did you mean " + meant + "?)");
            return null;
        }
        return value;
    }

    BigDecimal number(String key, String header, boolean required) {
        SheetTable.Cell cell = row.cell(key);
        if (cell == null) {
            if (required) {
                row.required(key, header);
            }
            return null;
        }
        BigDecimal value = cell.number() != null ? cell.number() : VietnamesePercent.parse(cell.text());
        if (value == null || cell.text().contains("%")) {
            row.problem(key, header + " phải là một số điểm, ví dụ 20 hoặc 7,5, không phải '" + cell.text() + "' (" + key + " must be a number)");
            return null;
        }
        return value.stripTrailingZeros();
    }

    List<CriterionRow.Band> bands(Measure measure) {
        SheetTable.Cell cell = row.cell("bands");
        if (cell == null) {
            row.problem("bands", "Cách chấm 'mức' cần cột Mức, ví dụ: ≥95%: 100%; ≥80%: 50% (bands needs its levels)");
            return List.of();
        }
        List<CriterionRow.Band> bands = new ArrayList<>();
        for (String part : cell.text().split("[;\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] sides = part.split(":");
            BigDecimal threshold = sides.length == 2 ? VietnamesePercent.parse(sides[0].strip().replaceFirst("^(≥|>=)", "")) : null;
            BigDecimal share = sides.length == 2 ? VietnamesePercent.parse(sides[1]) : null;
            if (threshold == null || share == null) {
                row.problem("bands", "Mức '" + part.strip() + "' viết như ≥95%: 100% (từ 95% được 100% số điểm) (write a level as ≥95%: 100%)");
                return List.of();
            }
            if (isShare(measure) && threshold.compareTo(BigDecimal.ONE) > 0) {
                row.problem("bands", "Mức " + VietnamesePercent.of(threshold) + " lớn hơn 100%: có phải ý là "
                        + VietnamesePercent.of(threshold.movePointLeft(2)) + "? (a share above 100%)");
                return List.of();
            }
            if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
                row.problem("bands", "Phần điểm của mức '" + part.strip() + "' phải từ 0% đến 100% (a level earns 0% to 100% of the points)");
                return List.of();
            }
            bands.add(new CriterionRow.Band(threshold, share));
        }
        return bands;
    }

    /** Whether a measure's figure is a share, 0 to 1: a share of counts, or an indicator declared with max ≤ 1. */
    private boolean isShare(Measure measure) {
        if (measure == null || measure.isShare()) {
            return true;
        }
        return measure.indicator() != null && campaign != null && campaign.indicator(measure.indicator())
                .map(i -> i.max() != null && i.max().compareTo(BigDecimal.ONE) <= 0).orElse(false);
    }
}
