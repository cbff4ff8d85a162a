package org.thidua.core.compile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.thidua.core.Campaign;
import org.thidua.core.MemberRole;
import org.thidua.core.RuleProblem;
import org.thidua.core.UnitKind;

/** Reads a campaign's {@code campaign.yaml}, reporting every problem at its line. */
public final class CampaignReader {
    public static final String FILE = "campaign.yaml";
    private static final List<String> KEYS = List.of("id", "title", "legalBasis", "period", "unitKinds", "indicators", "criteria", "grades",
            "memberCriteria", "titles", "bonusPenalty",
            "rankingGroups", "gradeCap", AreaTargets.KEY);

    private final YamlNode.Problems problems;
    /** Whether a criteria sheet beside campaign.yaml declares the criteria, so that campaign.yaml need not. */
    private boolean criteriaInSheet;
    /** Ids of criteria, individual criteria and titles: rules name them, so each may be used once. */
    private final Set<String> ids = new HashSet<>();

    private CampaignReader(String folder) {
        this.problems = new YamlNode.Problems(folder, FILE);
    }

    /** The campaign, or the problems that keep it from being read. */
    public static Campaign read(String folder, String text, List<RuleProblem> problemsOut) {
        return read(folder, text, problemsOut, false);
    }

    /** As {@link #read(String, String, List)}; with {@code criteriaInSheet}, {@code criteria:} may be left out. */
    public static Campaign read(String folder, String text, List<RuleProblem> problemsOut, boolean criteriaInSheet) {
        CampaignReader reader = new CampaignReader(folder);
        reader.criteriaInSheet = criteriaInSheet;
        Campaign campaign = YamlNode.parse(text, reader.problems).flatMap(root -> reader.campaign(folder, root)).orElse(null);
        problemsOut.addAll(reader.problems.list);
        return reader.problems.list.isEmpty() ? campaign : null;
    }

    private Optional<Campaign> campaign(String folder, YamlNode root) {
        return root.fields("campaign.yaml").map(f -> {
            String id = f.required("id").flatMap(n -> n.text("id").map(value -> {
                if (!value.equals(folder)) {
                    n.problem("id '" + value + "' phải trùng tên thư mục '" + folder + "' (id must equal the folder name)");
                }
                return value;
            })).orElse(folder);
            String title = f.required("title").flatMap(n -> n.text("title")).orElse("");
            String legalBasis = f.optional("legalBasis").flatMap(n -> n.text("legalBasis")).orElse("");
            LocalDate[] period = new LocalDate[2];
            f.optional("period").flatMap(n -> n.fields("period")).ifPresent(p -> {
                period[0] = p.required("from").flatMap(n -> CampaignValues.date(n, "period.from")).orElse(null);
                period[1] = p.required("to").flatMap(n -> CampaignValues.date(n, "period.to")).orElse(null);
                p.rest(List.of("from", "to"));
            });
            Set<UnitKind> kinds = f.required("unitKinds").map(n -> unitKinds(n, "unitKinds")).orElse(EnumSet.allOf(UnitKind.class));
            List<Campaign.Indicator> indicators = f.optional("indicators").map(this::indicators).orElse(List.of());
            List<Campaign.Criterion> criteria = (criteriaInSheet ? f.optional("criteria") : f.required("criteria"))
                    .map(n -> criteria(n, kinds)).orElse(List.of());
            List<Campaign.GradeBand> grades = f.required("grades").map(this::grades).orElse(List.of());
            List<Campaign.MemberCriterion> memberCriteria = f.optional("memberCriteria").map(this::memberCriteria).orElse(List.of());
            List<Campaign.Title> titles = f.optional("titles").map(this::titles).orElse(List.of());
            Campaign.BonusPenalty bonusPenalty = f.optional("bonusPenalty").flatMap(n -> n.text("bonusPenalty").flatMap(text -> {
                if (text.equals("raw") || text.equals("scaled")) {
                    return Optional.of(Campaign.BonusPenalty.valueOf(text.toUpperCase(java.util.Locale.ROOT)));
                }
                n.problem("bonusPenalty phải là raw (cộng thẳng vào điểm trên thang 100) hoặc scaled (cộng vào điểm đạt được,"
                        + " quy đổi cùng điểm) (must be raw or scaled)");
                return Optional.empty();
            })).orElse(Campaign.BonusPenalty.SCALED);
            List<Campaign.RankingGroup> rankingGroups = f.optional("rankingGroups").map(n -> rankingGroups(n, kinds)).orElse(List.of());
            Campaign.GradeCap cap = f.optional("gradeCap").flatMap(n -> gradeCap(n, grades)).orElse(null);
            List<Campaign.AreaTarget> area = f.optional(AreaTargets.KEY).map(AreaTargets::read).orElse(List.of());
            f.rest(KEYS);
            return new Campaign(id, title, legalBasis, period[0], period[1], kinds, indicators, criteria, grades,
                    memberCriteria, titles, bonusPenalty, rankingGroups, cap).withArea(area);
        });
    }

    private static Set<UnitKind> unitKinds(YamlNode node, String what) {
        return CampaignValues.constants(node, what, UnitKind.class, "loại đơn vị", "unit kind");
    }

    private List<Campaign.Indicator> indicators(YamlNode node) {
        Set<String> seen = new HashSet<>();
        return node.mappings("indicators", (item, f) -> {
            Optional<String> id = f.required("id").flatMap(n -> CampaignValues.identifier(n, "indicators[].id", false));
            String title = f.required("title").flatMap(n -> n.text("title")).orElse("");
            BigDecimal min = f.optional("min").flatMap(n -> n.number("min")).orElse(null);
            BigDecimal max = f.optional("max").flatMap(n -> n.number("max")).orElse(null);
            f.rest(List.of("id", "title", "min", "max"));
            if (min != null && max != null && min.compareTo(max) > 0) {
                item.problem("min lớn hơn max (min is greater than max)");
            }
            return id.map(value -> {
                if (!seen.add(value)) {
                    item.problem("Chỉ số '" + value + "' khai báo hai lần (indicator declared twice)");
                }
                return new Campaign.Indicator(value, title, min, max);
            });
        });
    }

    /** The criteria judged by hand-written DRL; the items that are rows of the criteria sheet are {@link CriteriaList}'s. */
    private List<Campaign.Criterion> criteria(YamlNode node, Set<UnitKind> campaignKinds) {
        List<Campaign.Criterion> criteria = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<YamlNode> items = node.items("criteria");
        if (items.isEmpty() && !criteriaInSheet) {
            node.problem("criteria phải có ít nhất một tiêu chí (needs at least one criterion)");
        }
        for (YamlNode item : items) {
            item.fields("criteria[]").filter(f -> !CriteriaList.isRow(f.keys())).ifPresent(f -> {
                Optional<String> id = f.required("id").flatMap(n -> CampaignValues.identifier(n, "criteria[].id", true));
                String title = f.required("title").flatMap(n -> n.text("title")).orElse("");
                BigDecimal points = f.required("points").flatMap(n -> n.number("points")).orElse(BigDecimal.ZERO);
                Set<UnitKind> appliesTo = f.optional("appliesTo").map(n -> unitKinds(n, "appliesTo")).orElse(campaignKinds);
                boolean countsNoData = f.optional("whenNoData").flatMap(n -> n.text("whenNoData").flatMap(text -> {
                    if (text.equals("ZERO") || text.equals("EXCLUDE")) {
                        return Optional.of(text.equals("ZERO"));
                    }
                    n.problem("whenNoData phải là ZERO (vẫn tính vào điểm tối đa) hoặc EXCLUDE (bỏ ra, tính lại trên phần còn lại)"
                            + " (must be ZERO or EXCLUDE)");
                    return Optional.empty();
                })).orElse(true);
                String group = f.optional("group").flatMap(n -> n.text("group")).orElse(null);
                Campaign.Criterion.Kind kind = f.optional("kind").flatMap(n -> CampaignValues.constant(n, "kind", Campaign.Criterion.Kind.class,
                        text -> "kind phải là CRITERION, BONUS (điểm thưởng) hoặc PENALTY (điểm trừ) (must be CRITERION, BONUS or PENALTY)"))
                        .orElse(Campaign.Criterion.Kind.CRITERION);
                f.rest(List.of("id", "title", "points", "appliesTo", "whenNoData", "group", "kind"));
                id.ifPresent(value -> {
                    ids.add(value);
                    if (!seen.add(value)) {
                        item.problem("Tiêu chí '" + value + "' khai báo hai lần (criterion declared twice)");
                    }
                    criteria.add(new Campaign.Criterion(value, title, points.doubleValue(), appliesTo, countsNoData, group, kind,
                            kind == Campaign.Criterion.Kind.CRITERION ? Campaign.Criterion.Shown.MARK : Campaign.Criterion.Shown.POINTS));
                });
            });
        }
        return criteria;
    }

    /** {@code rankingGroups:} each unit kind of the campaign in exactly one group. */
    private List<Campaign.RankingGroup> rankingGroups(YamlNode node, Set<UnitKind> campaignKinds) {
        Set<UnitKind> seen = EnumSet.noneOf(UnitKind.class);
        List<Campaign.RankingGroup> groups = node.mappings("rankingGroups", (item, f) -> {
            Optional<String> id = f.required("id").flatMap(n -> CampaignValues.identifier(n, "rankingGroups[].id", true));
            String label = f.required("label").flatMap(n -> n.text("label")).orElse("");
            Set<UnitKind> kinds = f.required("unitKinds").map(n -> unitKinds(n, "unitKinds")).orElse(Set.of());
            f.rest(List.of("id", "label", "unitKinds"));
            for (UnitKind kind : kinds) {
                if (!seen.add(kind)) {
                    item.problem("Loại đơn vị " + kind + " nằm trong hai nhóm xếp hạng (a unit kind in two ranking groups)");
                }
            }
            return id.map(value -> new Campaign.RankingGroup(value, label, kinds));
        });
        Set<UnitKind> missing = EnumSet.copyOf(campaignKinds);
        missing.removeAll(seen);
        if (!groups.isEmpty() && !missing.isEmpty()) {
            node.problem("Các loại đơn vị " + missing + " chưa thuộc nhóm xếp hạng nào: mỗi loại trong unitKinds phải thuộc một nhóm"
                    + " (every unit kind must be in a ranking group)");
        }
        return groups;
    }

    /** {@code gradeCap: {grade: HOAN_THANH_XUAT_SAC, share: 20%}}: a grade that is not the lowest, a share 0 to 100%. */
    private Optional<Campaign.GradeCap> gradeCap(YamlNode node, List<Campaign.GradeBand> grades) {
        return node.fields("gradeCap").flatMap(f -> {
            Optional<String> grade = f.required("grade").flatMap(n -> n.text("grade").filter(code -> {
                int index = grades.stream().map(Campaign.GradeBand::code).toList().indexOf(code);
                if (index < 0 || index == grades.size() - 1) {
                    n.problem("gradeCap.grade '" + code + "' phải là một mức xếp loại có mức thấp hơn; các mức: "
                            + grades.stream().map(Campaign.GradeBand::code).toList() + " (must be a grade with a lower one)");
                    return false;
                }
                return true;
            }));
            Optional<BigDecimal> share = f.required("share").flatMap(n -> CampaignValues.share(n, "share", "gradeCap.share", "20%"));
            f.rest(List.of("grade", "share"));
            return grade.isPresent() && share.isPresent() ? Optional.of(new Campaign.GradeCap(grade.get(), share.get())) : Optional.empty();
        });
    }

    /** {@code memberCriteria:} criteria for individual officials, each for some roles. */
    private List<Campaign.MemberCriterion> memberCriteria(YamlNode node) {
        return node.mappings("memberCriteria", (item, f) -> {
            Optional<String> id = f.required("id").flatMap(n -> CampaignValues.identifier(n, "memberCriteria[].id", true));
            String title = f.required("title").flatMap(n -> n.text("title")).orElse("");
            Set<MemberRole> roles = f.optional("appliesTo")
                    .map(n -> CampaignValues.constants(n, "appliesTo", MemberRole.class, "giá trị", "value"))
                    .orElse(EnumSet.allOf(MemberRole.class));
            f.rest(List.of("id", "title", "appliesTo"));
            return id.filter(value -> unique(item, value)).map(value -> new Campaign.MemberCriterion(value, title, roles));
        });
    }

    /** {@code titles:} titles and commendations, each for a unit or for an individual. */
    private List<Campaign.Title> titles(YamlNode node) {
        return node.mappings("titles", (item, f) -> {
            Optional<String> id = f.required("id").flatMap(n -> CampaignValues.identifier(n, "titles[].id", true));
            String label = f.required("label").flatMap(n -> n.text("label")).orElse("");
            Optional<Campaign.Title.Subject> subject = f.required("for").flatMap(n -> CampaignValues.constant(n, "for",
                    Campaign.Title.Subject.class, text -> "for phải là UNIT (tập thể) hoặc MEMBER (cá nhân), không phải '" + text
                            + "' (must be UNIT or MEMBER)"));
            f.rest(List.of("id", "label", "for"));
            return id.filter(value -> unique(item, value)).isPresent() && subject.isPresent()
                    ? Optional.of(new Campaign.Title(id.get(), label, subject.get())) : Optional.empty();
        });
    }

    private boolean unique(YamlNode item, String id) {
        if (!ids.add(id)) {
            item.problem("Mã '" + id + "' đã dùng cho một tiêu chí hay danh hiệu khác (id declared twice)");
            return false;
        }
        return true;
    }

    private List<Campaign.GradeBand> grades(YamlNode node) {
        List<Campaign.GradeBand> grades = new ArrayList<>(node.mappings("grades", (item, f) -> {
            Optional<String> code = f.required("code").flatMap(n -> CampaignValues.identifier(n, "grades[].code", true));
            String label = f.required("label").flatMap(n -> n.text("label")).orElse("");
            BigDecimal min = f.required("minScore").flatMap(n -> n.number("minScore")).orElse(BigDecimal.ZERO);
            f.rest(List.of("code", "label", "minScore"));
            return code.map(value -> new Campaign.GradeBand(value, label, min.doubleValue()));
        }));
        if (grades.isEmpty()) {
            node.problem("grades phải có ít nhất một mức xếp loại (needs at least one grade)");
        } else if (grades.stream().noneMatch(g -> g.minScore() <= 0)) {
            node.problem("Cần một mức xếp loại có minScore: 0 để mọi đơn vị đều được xếp loại"
                    + " (a grade with minScore 0 is needed so that every score has a grade)");
        }
        grades.sort(java.util.Comparator.comparingDouble(Campaign.GradeBand::minScore).reversed());
        return grades;
    }
}
