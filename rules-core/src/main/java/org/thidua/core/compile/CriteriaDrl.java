package org.thidua.core.compile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.thidua.core.compile.CriterionRow.Measure;
import org.thidua.core.compile.CriterionRow.Method;

/**
 * The DRL a criteria sheet becomes: one rule per row, calling the same {@code judge} a hand-written rule calls, so
 * that DRL stays the one rule language and the generated text passes the same safety gate and compiler. Every value
 * written into the DRL has been checked by {@link CriterionRows}: ids are {@code [A-Z0-9_]}, numbers are decimals,
 * messages are string literals with their quotes escaped and no backslash.
 */
final class CriteriaDrl {
    /** The report's own shares: satisfaction, dossiers in time, trained staff and officials. */
    private static final Map<String, Share> REPORT_SHARES = Map.of(
            "satisfaction", new Share("$r.satisfaction().satisfied()", "$r.satisfaction().surveyed()"),
            "dossiers", new Share("$r.dossiers().inTime()", "$r.dossiers().total()"),
            "frontlineStaff", new Share("$r.frontlineStaff().trained()", "$r.frontlineStaff().total()"),
            "communeOfficials", new Share("$r.communeOfficials().trainedOnIndices()", "$r.communeOfficials().total()"));

    private final StringBuilder drl = new StringBuilder();
    /** The line each rule starts on → the row it came from. */
    private final TreeMap<Integer, SheetPlace> rowOfLine = new TreeMap<>();

    private CriteriaDrl() {
    }

    /** The counts a share of the report is made of, as DRL reads them: the part and the whole. */
    private record Share(String part, String whole) {
    }

    /** The DRL of the rows, and the row of each line, to report a problem of the DRL at its row. */
    record Generated(String text, TreeMap<Integer, SheetPlace> rowOfLine) {
        SheetPlace rowAt(int line) {
            Map.Entry<Integer, SheetPlace> entry = rowOfLine.floorEntry(Math.max(line, 1));
            return entry == null ? (rowOfLine.isEmpty() ? null : rowOfLine.firstEntry().getValue()) : entry.getValue();
        }
    }

    static Generated of(String campaignId, String source, List<CriterionRow> rows) {
        CriteriaDrl out = new CriteriaDrl();
        out.line(source.equals(CampaignReader.FILE)
                ? "// Sinh tự động từ danh sách criteria: của campaign.yaml: đừng sửa tệp này, sửa danh sách (generated from campaign.yaml)"
                : "// Sinh tự động từ " + source + ": đừng sửa tệp này, sửa bảng (generated from " + source + "; edit the sheet)");
        out.line("package thidua." + campaignId.replaceAll("[^A-Za-z0-9_]", "_") + ";");
        out.line("");
        out.line("import org.thidua.core.UnitReport;");
        out.line("import java.math.BigDecimal;");
        out.line("");
        out.line("global org.thidua.core.Judge judge;");
        for (CriterionRow row : rows) {
            out.line("");
            out.rule(row);
        }
        return new Generated(out.drl.toString(), out.rowOfLine);
    }

    private int lines() {
        return (int) drl.chars().filter(c -> c == '\n').count();
    }

    private void line(String text) {
        drl.append(text).append('\n');
    }

    private void rule(CriterionRow row) {
        rowOfLine.put(lines() + 1, row.place());
        line("// " + row.place().file() + ": " + row.title().replaceAll("[\\r\\n]+", " "));
        line("rule \"" + row.id() + "\"");
        line("when");
        line("    $r : UnitReport( " + guard(row.measure()) + " )");
        line("then");
        Measure m = row.measure();
        boolean dossiers = m.name().equals("dossiers");
        if (dossiers) {
            line("    String overdueNote = $r.dossiers().overdueInProgress() == 0 ? \"\" : \" (trong đó \""
                    + " + judge.number($r.dossiers().overdueInProgress()) + \" hồ sơ đang giải quyết đã quá hạn)\";");
        }
        StringBuilder call = new StringBuilder("    judge.");
        if (row.method() == Method.BONUS || row.method() == Method.PENALTY) {
            bonusOrPenalty(row, call);
        } else if (row.method() == Method.YES_NO || m.kind() == Measure.Kind.YES_NO) {
            call.append("holds($r, ").append(yesNo(m)).append(")");
        } else {
            call.append(m.isShare() ? "share($r, " + part(m) + ", " + whole(m) + ")" : "value($r, " + value(m) + ")");
            if (row.target() != null) {
                call.append("\n         .").append(row.target().atMost() ? "atMost(" : "atLeast(").append(plain(row.target().value())).append(")");
            }
            if (row.method() == Method.PROPORTIONAL) {
                call.append("\n         .proportionalPoints()");
            }
            for (CriterionRow.Band band : row.bands()) {
                call.append("\n         .band(").append(plain(band.threshold())).append(", ").append(plain(band.shareOfPoints())).append(")");
            }
            if (m.name().equals("satisfaction")) {
                call.append("\n         .noDataWhenEmpty()");
            }
        }
        message(call, "whenMet", row.whenMet(), row, dossiers);
        message(call, "whenNotMet", row.whenNotMet(), row, dossiers);
        message(call, "whenEmpty", row.whenEmpty(), row, dossiers);
        message(call, "whenNoData", row.noDataMessage(), row, dossiers);
        line(call + ";");
        line("end");
    }

    /**
     * A bonus adds its points when its condition holds; a penalty takes them off only when its condition holds,
     * and is met (nothing taken off) otherwise. The condition is the target, {@code ≥ 1} when none is written.
     */
    private static void bonusOrPenalty(CriterionRow row, StringBuilder call) {
        boolean penalty = row.method() == Method.PENALTY;
        Measure m = row.measure();
        String cap = plain(row.points());
        if (m.kind() == Measure.Kind.YES_NO) {
            String condition = yesNo(m);
            call.append("holds($r, ").append(penalty ? "!(" + condition + ")" : condition).append(")")
                    .append("\n         .points(").append(condition).append(" ? ").append(penalty ? "-" : "").append(cap).append(" : 0)");
            return;
        }
        String figure = m.isShare() ? "(" + part(m) + " * 1.0 / Math.max(1, " + whole(m) + "))" : value(m) + ".doubleValue()";
        boolean atMost = row.target() != null && row.target().atMost();
        String threshold = row.target() == null ? "1" : plain(row.target().value());
        String condition = figure + (atMost ? " <= " : " >= ") + threshold;
        String amount = row.pointsEach() == null ? cap : "Math.min(" + plain(row.pointsEach()) + " * " + figure + ", " + cap + ")";
        call.append(m.isShare() ? "share($r, " + part(m) + ", " + whole(m) + ")" : "value($r, " + value(m) + ")");
        if (!penalty) {
            call.append("\n         .").append(atMost ? "atMost(" : "atLeast(").append(threshold).append(")");
        }
        call.append("\n         .points(").append(condition).append(" ? ").append(penalty ? "-" : "").append(amount).append(" : 0)");
    }

    private void message(StringBuilder call, String method, String text, CriterionRow row, boolean dossiers) {
        if (text == null) {
            return;
        }
        String filled = text.replace("{each}", row.pointsEach() == null ? "" : VietnamesePercent.number(row.pointsEach()))
                .replace("{cap}", VietnamesePercent.number(row.points()));
        String literal = literal(filled);
        literal = literal.replace("{overdueNote}", dossiers ? "\" + overdueNote + \"" : "");
        call.append("\n         .").append(method).append("(").append(literal).append(")");
    }

    static String literal(String text) {
        return "\"" + text.replace("\"", "\\\"").replaceAll("[\\r\\n]+", " ") + "\"";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static String guard(Measure m) {
        if (m.indicator() == null) {
            return m.name() + " != null";
        }
        return "indicator(\"" + m.indicator() + "\") != null" + (m.whole() == null ? "" : ", indicator(\"" + m.whole() + "\") != null");
    }

    /** The part of a share: a count of the report, or the first of two indicators. */
    private static String part(Measure m) {
        Share share = REPORT_SHARES.get(m.name());
        return share != null ? share.part() : "$r.indicator(\"" + m.indicator() + "\").longValue()";
    }

    private static String whole(Measure m) {
        Share share = REPORT_SHARES.get(m.name());
        return share != null ? share.whole() : "$r.indicator(\"" + m.whole() + "\").longValue()";
    }

    private static String value(Measure m) {
        return "$r.indicator(\"" + m.indicator() + "\")";
    }

    private static String yesNo(Measure m) {
        return m.indicator() == null ? "$r.portalPage()" : "$r.indicator(\"" + m.indicator() + "\").doubleValue() != 0";
    }
}
