package org.thidua.core.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.thidua.core.Campaign;
import org.thidua.core.RuleProblem;

/**
 * A campaign's criteria sheet ({@code criteria.xlsx}, {@code .ods} or {@code .csv}), or the same rows written as
 * campaign.yaml's {@code criteria:} list ({@link CriteriaList}), compiled: the criteria it declares,
 * added to those of {@code campaign.yaml}, and the DRL it became, compiled and gated with the hand-written DRL.
 *
 * @param file    the sheet's file name, {@code criteria.xlsx}, or {@code campaign.yaml} for its list
 * @param drlPath where the generated DRL is compiled from: the sheet's name and {@code .drl}
 * @param drl        the generated DRL
 * @param references rule name → the name results give it, for the rows whose column Luật (rule) keeps the name a
 *                   hand-written rule had ({@code criteria/on-time.drl: ON_TIME_DOSSIERS}); the others are cited as
 *                   the sheet's ({@code criteria.csv: ON_TIME_DOSSIERS})
 */
public record SheetCriteria(String file, String drlPath, String drl, List<Campaign.Criterion> criteria,
                            CriteriaDrl.Generated generated, Map<String, String> references) {

    /** The sheet's name a generated DRL file stands for ({@code criteria.csv.drl} → {@code criteria.csv}), or the path itself. */
    public static String source(String drlPath) {
        for (String sheet : CriteriaSheet.FILES) {
            if (drlPath.equals(sheet + ".drl")) {
                return sheet;
            }
        }
        return drlPath.equals(CampaignReader.FILE + ".drl") ? CampaignReader.FILE : drlPath;
    }

    /** Whether a campaign folder's files hold a criteria sheet, or campaign.yaml's criteria: list holds rows of one. */
    public static boolean present(CampaignFiles files) {
        return CriteriaSheet.FILES.stream().anyMatch(files.files()::containsKey)
                || !CriteriaList.rows(files.folder(), files.files().get(CampaignReader.FILE), new ArrayList<>()).isEmpty();
    }

    /**
     * The sheet of a campaign, or the rows of campaign.yaml's criteria: list (one or the other, never both), compiled;
     * empty when the folder has none or they have problems (then added).
     */
    public static Optional<SheetCriteria> compile(CampaignFiles files, Campaign campaign, List<RuleProblem> problems) {
        List<String> sheets = CriteriaSheet.FILES.stream().filter(files.files()::containsKey).toList();
        int before = problems.size();
        List<CriteriaSheet.Row> listed = CriteriaList.rows(files.folder(), files.files().get(CampaignReader.FILE), problems);
        if (sheets.isEmpty() && listed.isEmpty()) {
            return Optional.empty();
        }
        if (!sheets.isEmpty() && !listed.isEmpty()) {
            SheetPlace first = listed.get(0).place();
            problems.add(first.problem("Tiêu chí viết ở cả hai nơi: bảng " + sheets.get(0) + " và danh sách criteria: của campaign.yaml"
                    + " (mục có Số liệu, Cách chấm…); giữ một nơi: xóa bảng hoặc chuyển các dòng của nó vào danh sách"
                    + " (the criteria are given both as a sheet and as rows in campaign.yaml: keep one)"));
            return Optional.empty();
        }
        String file = sheets.isEmpty() ? CampaignReader.FILE : sheets.get(0);
        if (sheets.size() > 1) {
            problems.add(new RuleProblem(files.folder(), sheets.get(1), 0, 0, "Thư mục chiến dịch có hai bảng tiêu chí: " + sheets
                    + "; giữ một (the campaign folder holds two criteria sheets: keep one)"));
            return Optional.empty();
        }
        List<CriterionRow> rows = sheets.isEmpty() ? CriteriaSheet.check(listed, campaign, problems)
                : CriteriaSheet.read(files.folder(), file, files.bytes(file), campaign, problems);
        if (rows.isEmpty() && problems.size() == before) {
            problems.add(new RuleProblem(files.folder(), file, 0, 0, "Bảng tiêu chí không có tiêu chí nào (the sheet holds no criterion)"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        Set<String> declared = new HashSet<>(CampaignReferences.judgedIds(campaign));
        List<Campaign.Criterion> criteria = new ArrayList<>();
        for (CriterionRow row : rows) {
            if (declared.contains(row.id())) {
                problems.add(row.place().problem("Tiêu chí '" + row.id() + "' đã khai báo trong campaign.yaml: xóa ở một trong hai nơi"
                        + " (the criterion is declared in campaign.yaml too)"));
            }
            criteria.add(criterion(row));
        }
        CriteriaDrl.Generated generated = CriteriaDrl.of(campaign.id(), file, rows);
        Map<String, String> references = new java.util.HashMap<>();
        rows.stream().filter(row -> row.rule() != null).forEach(row -> references.put(row.id(), row.rule()));
        return problems.size() > before ? Optional.empty()
                : Optional.of(new SheetCriteria(file, file + ".drl", generated.text(), criteria, generated, Map.copyOf(references)));
    }

    private static Campaign.Criterion criterion(CriterionRow row) {
        String title = row.title();
        if (row.target() != null) {
            title = title.replace("{target}", row.target().share() ? VietnamesePercent.of(row.target().value())
                    : VietnamesePercent.number(row.target().value()));
        }
        boolean bonusOrPenalty = row.method() == CriterionRow.Method.BONUS || row.method() == CriterionRow.Method.PENALTY;
        Campaign.Criterion.Kind kind = row.method() == CriterionRow.Method.BONUS ? Campaign.Criterion.Kind.BONUS
                : row.method() == CriterionRow.Method.PENALTY ? Campaign.Criterion.Kind.PENALTY : Campaign.Criterion.Kind.CRITERION;
        return new Campaign.Criterion(row.id(), title, bonusOrPenalty ? 0 : row.points().doubleValue(), row.appliesTo(),
                row.countsNoData(), row.group(), kind, switch (row.method()) {
                    case THRESHOLD -> Campaign.Criterion.Shown.MARK;
                    case YES_NO -> Campaign.Criterion.Shown.YES_NO;
                    default -> Campaign.Criterion.Shown.POINTS;
                });
    }

    /** The campaign with the sheet's criteria after those of campaign.yaml. */
    public Campaign into(Campaign campaign) {
        List<Campaign.Criterion> all = new ArrayList<>(campaign.criteria());
        all.addAll(criteria);
        return campaign.withCriteria(all);
    }

    /** A problem the compiler or the gate found in the generated DRL, at the row it came from. */
    public RuleProblem atRow(RuleProblem problem) {
        SheetPlace row = generated.rowAt(problem.line());
        String message = "DRL sinh từ dòng này (generated DRL, line " + problem.line() + "): " + problem.message();
        return row == null ? new RuleProblem(problem.campaign(), file, 0, 0, message) : row.problem(message);
    }
}
