package org.thidua.core.compile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.thidua.core.Campaign;
import org.thidua.core.RuleProblem;

/**
 * {@code area:} in campaign.yaml, the plan's targets for the whole area, each over one criterion:
 *
 * <pre>{@code
 * area:
 *   - criterion: SATISFACTION
 *     title: Mức độ hài lòng … của Huyện     # optional: the criterion's title
 *     target: 95%
 * }</pre>
 *
 * Each problem is reported at its line; a criterion the campaign does not have (its criteria may come from a sheet, so
 * that is checked once they are all known, by {@link #check}) is named with the ids that exist.
 */
public final class AreaTargets {
    static final String KEY = "area";
    private static final List<String> KEYS = List.of("criterion", "title", "target");

    private AreaTargets() {
    }

    static List<Campaign.AreaTarget> read(YamlNode node) {
        Set<String> seen = new HashSet<>();
        return node.mappings(KEY, (item, f) -> {
            Optional<String> criterion = f.required("criterion").flatMap(n -> n.text("area[].criterion"));
            String title = f.optional("title").flatMap(n -> n.text("area[].title")).orElse(null);
            Optional<BigDecimal> target = f.required("target").flatMap(n -> CampaignValues.share(n, "area[].target", "area[].target", "95%"));
            f.rest(KEYS);
            return criterion.filter(id -> {
                if (!seen.add(id)) {
                    item.problem("Chỉ tiêu chung cho tiêu chí " + id + " khai báo hai lần (area target declared twice)");
                    return false;
                }
                return true;
            }).flatMap(id -> target.map(share -> new Campaign.AreaTarget(id, title, share)));
        });
    }

    /**
     * Each target's criterion against the campaign's criteria (those of campaign.yaml and of a criteria sheet): it must
     * exist and be a criterion, not a bonus or a penalty (which have no target).
     */
    public static List<RuleProblem> check(Campaign campaign, String yaml) {
        List<RuleProblem> problems = new ArrayList<>();
        List<String> ids = campaign.criteria().stream().filter(c -> !c.isBonusOrPenalty()).map(Campaign.Criterion::id).toList();
        for (Campaign.AreaTarget target : campaign.area()) {
            if (ids.contains(target.criterion())) {
                continue;
            }
            java.util.regex.Matcher at = Pattern.compile("criterion:\\s*['\"]?" + Pattern.quote(target.criterion()) + "\\b")
                    .matcher(yaml == null ? "" : yaml);
            int line = at.find() ? TextLines.lineAt(yaml, at.start()) : 0;
            int column = line == 0 ? 0 : at.start() - yaml.lastIndexOf('\n', at.start());
            String guess = UnknownFields.closest(target.criterion(), ids).map(id -> " Có phải ý là " + id + "?").orElse("");
            boolean bonusOrPenalty = campaign.criterion(target.criterion()).isPresent();
            problems.add(new RuleProblem(campaign.id(), CampaignReader.FILE, line, column,
                    bonusOrPenalty
                            ? "area: " + target.criterion() + " là điểm thưởng hoặc điểm trừ, không có chỉ tiêu để tính cho cả địa bàn"
                                    + " (a bonus or penalty has no area target)"
                            : "area: không có tiêu chí " + target.criterion() + "; các tiêu chí: " + ids + "." + guess
                                    + " (unknown criterion)"));
        }
        return problems;
    }
}
