package org.thidua.core.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.thidua.core.Campaign;
import org.thidua.core.RuleProblem;

/**
 * What staff get wrong that still compiles: warned about by {@code check}, reload and preview, never refused.
 * <ul>
 *   <li>a rule that sets negative points outright ({@code .points(-5)}): it deducts from every unit the rule fires
 *       for, those whose condition does not hold too;</li>
 *   <li>a bonus or a penalty counted in the maximum: {@code kind: BONUS}/{@code PENALTY} with points, or a criterion
 *       in the maximum whose rule sets negative points.</li>
 * </ul>
 */
public final class Warnings {
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"\\n]*)\"");
    private static final Pattern FLAT_PENALTY = Pattern.compile("\\.points\\(\\s*(-\\s*[0-9][0-9.]*)\\s*\\)");
    private static final Pattern NEGATIVE_POINTS = Pattern.compile("\\.points\\(\\s*-");

    private Warnings() {
    }

    public static List<RuleProblem> of(Campaign campaign, String yaml, Map<String, String> drlFiles) {
        List<RuleProblem> warnings = new ArrayList<>();
        for (Campaign.Criterion criterion : campaign.criteria()) {
            if (criterion.isBonusOrPenalty() && criterion.points() != 0) {
                warnings.add(new RuleProblem(campaign.id(), CampaignReader.FILE, TextLines.lineOf(yaml, "id:\\s*" + criterion.id() + "\\b"), 1,
                        "Cảnh báo: " + criterion.id() + " là " + (criterion.kind() == Campaign.Criterion.Kind.BONUS ? "điểm thưởng" : "điểm trừ")
                                + " nhưng có points: " + criterion.points() + ", tính vào điểm tối đa; điểm thưởng, điểm trừ nên có points: 0"
                                + " (warning: a bonus or penalty counted in the maximum)"));
            }
        }
        drlFiles.forEach((file, text) -> {
            Matcher rule = RULE.matcher(text);
            List<int[]> starts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (rule.find()) {
                starts.add(new int[] {rule.start()});
                names.add(rule.group(1));
            }
            for (int i = 0; i < starts.size(); i++) {
                int from = starts.get(i)[0];
                int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
                String body = text.substring(from, to);
                String name = names.get(i);
                Matcher flat = FLAT_PENALTY.matcher(body);
                if (flat.find()) {
                    warnings.add(new RuleProblem(campaign.id(), file, TextLines.lineAt(text, from + flat.start()), 1, "Cảnh báo: luật \"" + name
                            + "\" trừ điểm cố định " + flat.group(1).replace(" ", "") + " cho mọi đơn vị luật này chấm, kể cả đơn vị"
                            + " không vi phạm; viết điều kiện, ví dụ .points(soViPham > 0 ? -5 : 0), hoặc dùng dòng 'trừ điểm' trong bảng"
                            + " tiêu chí (warning: a flat penalty deducts even where its condition does not hold)"));
                }
                campaign.criterion(name).filter(c -> !c.isBonusOrPenalty() && c.points() > 0)
                        .filter(c -> NEGATIVE_POINTS.matcher(body).find())
                        .ifPresent(c -> warnings.add(new RuleProblem(campaign.id(), file, TextLines.lineAt(text, from), 1, "Cảnh báo: tiêu chí "
                                + c.id() + " trừ điểm nhưng có " + c.points() + " điểm trong điểm tối đa; điểm trừ nên khai báo"
                                + " kind: PENALTY, points: 0 (warning: a penalty counted in the maximum)")));
            }
        });
        return warnings;
    }
}
