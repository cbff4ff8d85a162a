package org.thidua.core.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.thidua.core.Campaign;
import org.thidua.core.RuleProblem;

/**
 * The names DRL uses that {@code campaign.yaml} must declare: the criterion a judging rule is named after, and
 * every indicator read with {@code indicator("…")}. A typo in either compiles fine in Drools and fails only
 * when a unit is evaluated (or silently never matches), so it is caught here, at its line, with the name that
 * was probably meant.
 */
public final class CampaignReferences {
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(?:\"([^\"\\n]*)\"|'([^'\\n]*)'|([^\\s\"']+))");
    private static final Pattern END = Pattern.compile("(?m)^\\s*end\\b");
    private static final Pattern THEN = Pattern.compile("\\bthen\\b");
    private static final Pattern CRITERION_METADATA = Pattern.compile("@(?:criterion|title)\\s*\\(");
    private static final Pattern USES_JUDGE = Pattern.compile("(?<![\\w$.])judge\\s*\\.");
    private static final List<Pattern> INDICATOR_READS = List.of(
            Pattern.compile("(?<![\\w$])indicator\\s*\\(\\s*\"([^\"]*)\"\\s*\\)"),
            Pattern.compile("(?<![\\w$])indicators\\s*\\[\\s*\"([^\"]*)\"\\s*]"),
            Pattern.compile("(?<![\\w$])indicators(?:\\s*\\(\\s*\\))?\\s*\\.\\s*(?:get|containsKey)\\s*\\(\\s*\"([^\"]*)\"\\s*\\)"));

    private CampaignReferences() {
    }

    public static List<RuleProblem> check(Campaign campaign, Map<String, String> drlFiles) {
        List<RuleProblem> problems = new ArrayList<>();
        drlFiles.forEach((file, text) -> {
            DrlText drl = DrlText.of(text);
            checkRuleNames(campaign, file, drl, problems);
            checkIndicators(campaign, file, drl, problems);
        });
        return problems;
    }

    /** A rule that calls the judge, without {@code @criterion}, judges the criterion its name names. */
    private static void checkRuleNames(Campaign campaign, String file, DrlText drl, List<RuleProblem> problems) {
        List<String> ids = judgedIds(campaign);
        String code = drl.code();
        Matcher rule = RULE.matcher(drl.withStrings());
        while (rule.find()) {
            int nameGroup = rule.group(1) != null ? 1 : rule.group(2) != null ? 2 : 3;
            String name = rule.group(nameGroup);
            Matcher end = END.matcher(code);
            int bodyEnd = end.find(rule.end()) ? end.start() : code.length();
            Matcher then = THEN.matcher(code).region(rule.end(), bodyEnd);
            int actionStart = then.find() ? then.end() : bodyEnd;
            boolean declaresCriterion = CRITERION_METADATA.matcher(code).region(rule.end(), actionStart).find();
            boolean judges = USES_JUDGE.matcher(code).region(actionStart, bodyEnd).find();
            if (judges && !declaresCriterion && !ids.contains(name)) {
                String guess = UnknownFields.closest(name, ids).map(id -> " Có phải ý là " + id + "?").orElse("");
                problems.add(new RuleProblem(campaign.id(), file, drl.line(rule.start(nameGroup)), drl.column(rule.start(nameGroup)),
                        "Luật \"" + name + "\" chấm điểm (gọi judge) nhưng tên luật không phải mã tiêu chí nào trong campaign.yaml "
                                + ids + "." + guess + " Đặt tên luật bằng mã tiêu chí, hoặc thêm @criterion(MÃ_TIÊU_CHÍ)"
                                + " (the rule judges, but its name is no criterion id of campaign.yaml)"));
            }
        }
    }

    /** Every id a rule may judge: criteria, individual criteria and titles, in the order of campaign.yaml. */
    public static List<String> judgedIds(Campaign campaign) {
        List<String> ids = new ArrayList<>();
        campaign.criteria().forEach(c -> ids.add(c.id()));
        campaign.memberCriteria().forEach(c -> ids.add(c.id()));
        campaign.titles().forEach(t -> ids.add(t.id()));
        return ids;
    }

    private static void checkIndicators(Campaign campaign, String file, DrlText drl, List<RuleProblem> problems) {
        List<String> declared = campaign.indicators().stream().map(Campaign.Indicator::id).toList();
        for (Pattern read : INDICATOR_READS) {
            Matcher matcher = read.matcher(drl.withStrings());
            while (matcher.find()) {
                String name = matcher.group(1);
                if (campaign.indicator(name).isPresent() || !drl.code().startsWith("\"", matcher.start(1) - 1)) {
                    continue;
                }
                String known = declared.isEmpty() ? "campaign.yaml chưa khai báo chỉ số nào"
                        : "các chỉ số đã khai báo: " + String.join(", ", declared);
                String guess = UnknownFields.closest(name, declared).map(id -> " Có phải ý là '" + id + "'?").orElse("");
                problems.add(new RuleProblem(campaign.id(), file, drl.line(matcher.start(1) - 1), drl.column(matcher.start(1) - 1),
                        "Chỉ số '" + name + "' chưa khai báo trong phần indicators của campaign.yaml; " + known + "." + guess
                                + " (undeclared indicator '" + name + "': declare it in campaign.yaml or fix the name)"));
            }
        }
    }
}
