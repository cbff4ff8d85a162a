package org.thidua.service.sheets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.thidua.core.Campaign;
import org.thidua.core.EvaluationRequest;
import org.thidua.core.InputProblem;
import org.thidua.core.InvalidInputException;
import org.thidua.core.RuleLibrary;
import org.thidua.core.json.ContractV1;
import org.thidua.service.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a sheet of unit figures (one row per unit, see {@link UnitColumns}) into a request of JSON contract v1 and
 * has the library check it, exactly as it checks a JSON request. Every bad cell — one that cannot be read, and one
 * the library refuses ({@code reports[3].satisfaction.satisfied} becomes row 5, column «Số phiếu hài lòng») — is
 * reported at once; nothing is evaluated when any is refused.
 */
public final class UnitSheetReader {
    private static final Pattern REPORT_PATH = Pattern.compile("reports\\[(\\d+)](?:\\.(.+))?");

    private final RuleLibrary library;

    public UnitSheetReader(RuleLibrary library) {
        this.library = library;
    }

    /**
     * @param campaignOverride the campaign to evaluate with, or {@code null} for the library's default (a sheet
     *                         cannot name its campaign)
     * @throws InvalidSheetException with every bad cell
     */
    public EvaluationRequest read(SheetRows rows, String campaignOverride) throws IOException {
        return check(rows, campaignOverride).request();
    }

    /** A sheet read and checked: the request to evaluate, and the contract v1 tree it was read from. */
    public record Checked(EvaluationRequest request, ObjectNode tree) {
    }

    /**
     * Like {@link #read}, keeping the contract v1 tree the sheet made too (the service stores each unit's report as
     * JSON).
     *
     * @throws InvalidSheetException with every bad cell
     */
    public Checked check(SheetRows rows, String campaignOverride) throws IOException {
        Campaign campaign = library.ruleSet(campaignOverride).campaign();
        UnitSheet sheet = toRequest(rows, campaign);
        List<CellProblem> problems = new ArrayList<>(sheet.problems());
        EvaluationRequest request = null;
        // when no row could be read (the first one stopped the reader), the library has nothing to add
        if (!sheet.rowOfReport().isEmpty() || problems.isEmpty()) {
            try {
                request = ContractV1.read(library, sheet.request(), campaign.id());
            } catch (InvalidInputException e) {
                for (InputProblem problem : e.problems()) {
                    CellProblem located = sheet.locate(problem);
                    if (problems.stream().noneMatch(p -> p.row() == located.row() && java.util.Objects.equals(p.column(), located.column()))) {
                        problems.add(located);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(CellProblem::row).thenComparingInt(p -> sheet.columnIndex(p.column())));
            throw new InvalidSheetException(problems);
        }
        return new Checked(request, sheet.request());
    }

    /**
     * The request tree a sheet makes (cells that cannot be read are left out and listed in the problems), without
     * the library's checks. The header's own problems (unknown, repeated or missing columns) are thrown at once:
     * the rows cannot be read without knowing the columns.
     */
    public static UnitSheet toRequest(SheetRows rows, Campaign campaign) throws IOException {
        List<UnitColumns.Column> known = UnitColumns.of(campaign);
        List<String> header = rows.header();
        UnitColumns.Column[] columns = new UnitColumns.Column[header.size()];
        List<CellProblem> problems = new ArrayList<>();
        Map<String, String> headerOfPath = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String written = header.get(c);
            if (written.isBlank()) {
                continue;
            }
            UnitColumns.Column column = UnitColumns.named(known, written).orElse(null);
            if (column == null) {
                problems.add(new CellProblem(rows.headerRow(), written, "cột không được biết; các cột hợp lệ: "
                        + String.join(", ", known.stream().map(UnitColumns.Column::header).toList()) + " (unknown column)"));
            } else if (headerOfPath.containsKey(column.path())) {
                problems.add(new CellProblem(rows.headerRow(), written, "cột này trùng với cột «"
                        + headerOfPath.get(column.path()) + "» (the same column twice)"));
            } else {
                columns[c] = column;
                headerOfPath.put(column.path(), written);
            }
        }
        for (UnitColumns.Column column : known) {
            if (column.required() && !headerOfPath.containsKey(column.path())) {
                problems.add(new CellProblem(rows.headerRow(), null, "thiếu cột «" + column.header() + "» (missing column)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSheetException(problems);
        }

        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("campaign", campaign.id());
        var reports = request.putArray("reports");
        List<Integer> rowOfReport = new ArrayList<>();
        for (SheetRow row = nextRow(rows, header, problems); row != null; row = nextRow(rows, header, problems)) {
            ObjectNode report = reports.addObject();
            rowOfReport.add(row.number());
            for (int c = 0; c < Math.max(columns.length, row.cells().size()); c++) {
                SheetCell cell = row.cell(c);
                if (cell.isBlank()) {
                    continue;
                }
                if (c >= columns.length || columns[c] == null) {
                    if (c >= header.size() || header.get(c).isBlank()) {
                        problems.add(new CellProblem(row.number(), "cột " + (c + 1), "ô có dữ liệu nhưng cột không có tiêu đề"
                                + " (a value in a column without a header)"));
                    }
                    continue;
                }
                try {
                    put(report, columns[c], cell);
                } catch (IllegalArgumentException e) {
                    problems.add(new CellProblem(row.number(), header.get(c), e.getMessage()));
                }
            }
        }
        if (rowOfReport.isEmpty() && problems.isEmpty()) {
            problems.add(new CellProblem(0, null, "không có dòng số liệu nào dưới dòng tiêu đề (no rows of figures)"));
        }
        return new UnitSheet(request, rowOfReport, headerOfPath, header, problems);
    }

    /**
     * The next row, or {@code null} at the end and after a cell whose text the file cannot hold (the reader cannot go
     * past it): that cell is added to the problems at its row and column, and the rows before it are still checked.
     */
    private static SheetRow nextRow(SheetRows rows, List<String> header, List<CellProblem> problems) throws IOException {
        try {
            return rows.next();
        } catch (UnreadableCellException e) {
            String column = e.column() < header.size() && !header.get(e.column()).isBlank() ? header.get(e.column())
                    : "cột " + UnreadableCellException.letters(e.column());
            problems.add(new CellProblem(e.row(), column, e.what()));
            return null;
        }
    }

    private static void put(ObjectNode report, UnitColumns.Column column, SheetCell cell) {
        String[] path = column.path().split("\\.");
        ObjectNode parent = report;
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.has(path[i]) ? (ObjectNode) parent.get(path[i]) : parent.putObject(path[i]);
        }
        String field = path[path.length - 1];
        switch (column.type()) {
            case TEXT -> parent.put(field, cell.text());
            case KIND -> parent.put(field, UnitColumns.kind(cell).name());
            case COUNT -> parent.put(field, CellValues.wholeNumber(cell));
            case YES_NO -> parent.put(field, CellValues.yesNo(cell));
            case DECIMAL -> parent.put(field, CellValues.decimal(cell));
        }
    }

    /**
     * A sheet turned into a request tree.
     *
     * @param rowOfReport  the sheet row of each report, by position
     * @param headerOfPath the header (as written) of the column that fills each field path
     * @param problems     cells that could not be read
     */
    public record UnitSheet(ObjectNode request, List<Integer> rowOfReport, Map<String, String> headerOfPath,
                            List<String> header, List<CellProblem> problems) {
        /** Where in the sheet a problem the library found with the request lies. */
        public CellProblem locate(InputProblem problem) {
            Matcher at = REPORT_PATH.matcher(problem.path());
            if (!at.matches()) {
                return new CellProblem(0, null, problem.path() + ": " + problem.message());
            }
            int row = rowOfReport.get(Integer.parseInt(at.group(1)));
            String field = at.group(2);
            // "already at reports[1]" reads better as the row a person can find
            String message = Pattern.compile("reports\\[(\\d+)]").matcher(problem.message())
                    .replaceAll(m -> "dòng " + rowOfReport.get(Integer.parseInt(m.group(1))));
            if (field == null) {
                return new CellProblem(row, null, message);
            }
            String column = headerOfPath.get(field);
            if (column == null) {
                column = headerOfPath.entrySet().stream().filter(e -> e.getKey().startsWith(field + "."))
                        .map(Map.Entry::getValue).sorted(Comparator.comparingInt(this::columnIndex)).findFirst().orElse(null);
            }
            return new CellProblem(row, column, message);
        }

        int columnIndex(String column) {
            int index = header.indexOf(column);
            return index < 0 ? Integer.MAX_VALUE : index;
        }

        /** The request as JSON text (contract v1). */
        public String json() {
            try {
                return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(request);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
