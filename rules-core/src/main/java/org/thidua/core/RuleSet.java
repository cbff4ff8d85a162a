package org.thidua.core;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieSession;

/**
 * A campaign compiled and ready to evaluate: its description, its rules, and the version (content hash) of
 * the files that made them. Immutable and thread-safe: compile once, share with every thread.
 */
public final class RuleSet {
    /** Units evaluated together in one rule session. */
    static final int CHUNK = 1_000;
    static final String JUDGE = "judge";
    private static final Pattern RULE_HEADER = Pattern.compile("(?m)^\\s*rule\\s+(\"([^\"]*)\"|(\\S+))");

    /**
     * Bounds on one evaluation, so that a rule that loops is stopped and reported instead of running forever.
     *
     * @param maxFiringsPerUnit rule firings allowed per evaluated unit
     * @param timeout           wall-clock time allowed for one call of {@link #evaluate(List)}
     */
    public record Limits(int maxFiringsPerUnit, Duration timeout) {
        public static final Limits DEFAULT = new Limits(1_000, Duration.ofSeconds(30));

        public Limits {
            if (maxFiringsPerUnit < 1) {
                throw new IllegalArgumentException("maxFiringsPerUnit must be at least 1");
            }
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    private final Campaign campaign;
    private final CampaignFiles files;
    private final String version;
    private final KieBase base;
    private final RuleIndex rules;
    private final Instant loadedAt;
    private final Limits limits;

    private RuleSet(Campaign campaign, CampaignFiles files, KieBase base, RuleIndex rules, Instant loadedAt, Limits limits) {
        this.campaign = campaign;
        this.files = files;
        this.version = files.version();
        this.base = base;
        this.rules = rules;
        this.loadedAt = loadedAt;
        this.limits = limits;
    }

    /**
     * Loads and compiles the campaign in a folder ({@code campaign.yaml}, {@code *.drl}, {@code tests/}).
     *
     * @throws RuleSetException with every problem found, each with file, line and column
     */
    public static RuleSet load(Path campaignFolder) {
        List<RuleProblem> problems = new ArrayList<>();
        CampaignFiles files = CampaignFiles.read(campaignFolder, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return compile(files);
    }

    static RuleSet compile(CampaignFiles files) {
        List<RuleProblem> problems = new ArrayList<>();
        String yaml = files.files().get(CampaignReader.FILE);
        Campaign campaign = null;
        if (yaml == null) {
            problems.add(new RuleProblem(files.folder(), CampaignReader.FILE, 0, 0,
                    "Thư mục chiến dịch thiếu tệp campaign.yaml (the campaign folder has no campaign.yaml)"));
        } else {
            campaign = CampaignReader.read(files.folder(), yaml, problems);
        }
        Map<String, String> drl = files.drlFiles();
        if (drl.isEmpty()) {
            problems.add(new RuleProblem(files.folder(), ".", 0, 0,
                    "Thư mục chiến dịch không có tệp luật .drl nào (the campaign folder has no .drl file)"));
        }
        KieBase base = drl.isEmpty() ? null : DrlCompiler.compile(files.folder(), drl, problems);
        RuleIndex rules = null;
        if (base != null) {
            rules = new RuleIndex(base);
            if (campaign != null) {
                checkRulesAgainstCampaign(files, campaign, base, rules, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new RuleSet(campaign, files, base, rules, Instant.now(), Limits.DEFAULT);
    }

    private static void checkRulesAgainstCampaign(CampaignFiles files, Campaign campaign, KieBase base, RuleIndex rules,
                                                  List<RuleProblem> problems) {
        boolean declaresJudge = base.getKiePackages().stream()
                .flatMap(p -> p.getGlobalVariables().stream())
                .anyMatch(g -> g.getName().equals(JUDGE) && g.getType().equals(Judge.class.getName()));
        if (!declaresJudge) {
            String first = files.drlFiles().keySet().iterator().next();
            problems.add(new RuleProblem(campaign.id(), first, 1, 1,
                    "Thiếu dòng khai báo: global org.thidua.core.Judge judge; (the rules must declare the judge global)"));
        }
        java.util.Set<String> judged = new java.util.HashSet<>();
        for (RuleIndex.RuleInfo rule : rules.all()) {
            judged.add(rule.criterion());
            if (rule.declaresCriterion() && !declared(campaign).contains(rule.criterion())) {
                problems.add(new RuleProblem(campaign.id(), rule.file(), ruleLine(files.files().get(rule.file()), rule.name()), 1,
                        "@criterion/@title(" + rule.criterion() + ") không có trong campaign.yaml; các tiêu chí và danh hiệu: "
                                + declared(campaign) + " (unknown criterion)"));
            }
        }
        for (String id : declared(campaign)) {
            if (!judged.contains(id)) {
                boolean title = campaign.title(id).isPresent();
                problems.add(new RuleProblem(campaign.id(), CampaignReader.FILE,
                        lineOf(files.files().get(CampaignReader.FILE), "id:\\s*" + Pattern.quote(id) + "\\b"), 1,
                        (title ? "Danh hiệu " : "Tiêu chí ") + id + " chưa có luật nào " + (title ? "xét" : "chấm") + ": thêm một luật tên \""
                                + id + "\" hoặc có @" + (title ? "title(" : "criterion(") + id + ") (no rule judges this "
                                + (title ? "title" : "criterion") + ")"));
            }
        }
    }

    /** Every id a rule may judge: criteria, individual criteria and titles, in the order of campaign.yaml. */
    private static List<String> declared(Campaign campaign) {
        List<String> ids = new ArrayList<>();
        campaign.criteria().forEach(c -> ids.add(c.id()));
        campaign.memberCriteria().forEach(c -> ids.add(c.id()));
        campaign.titles().forEach(t -> ids.add(t.id()));
        return ids;
    }

    static int ruleLine(String text, String ruleName) {
        if (text == null) {
            return 0;
        }
        Matcher matcher = RULE_HEADER.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            if (name.equals(ruleName)) {
                return lineAt(text, matcher.start(1));
            }
        }
        return 0;
    }

    static int lineOf(String text, String regex) {
        if (text == null) {
            return 0;
        }
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? lineAt(text, matcher.start()) : 0;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The same rules with other bounds on each evaluation. */
    public RuleSet withLimits(Limits newLimits) {
        return new RuleSet(campaign, files, base, rules, loadedAt, Objects.requireNonNull(newLimits));
    }

    public Campaign campaign() {
        return campaign;
    }

    /** {@code sha256:…} of the campaign's rule files (description and DRL; not the tests). */
    public String version() {
        return version;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public Limits limits() {
        return limits;
    }

    /** The rule files (description and DRL) by path relative to the campaign folder, as compiled. */
    public SortedMap<String, String> ruleFiles() {
        return Collections.unmodifiableSortedMap(files.ruleFiles());
    }

    /** The campaign's rule tests ({@code tests/*.yaml}) by path. */
    public SortedMap<String, String> testFiles() {
        return Collections.unmodifiableSortedMap(files.testFiles());
    }

    /**
     * Evaluates units reported together: each against every criterion, then scored, graded and ranked among
     * themselves.
     *
     * @throws InvalidInputException when a report does not fit the campaign (a unit kind it does not evaluate,
     *                               an undeclared or out-of-range indicator, a unit id given twice); nothing is
     *                               evaluated then
     * @throws EvaluationException   when the rules fail or exceed the limits
     */
    public EvaluationResult evaluate(List<UnitReport> reports) {
        List<InputProblem> problems = ReportChecks.check(campaign, reports, "reports");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        List<List<Finding>> findings = new ArrayList<>(reports.size());
        // Officials and titles only when the request reports officials: otherwise the result is contract v1 as first published.
        List<MemberResults.UnitPart> memberParts = reports.stream().anyMatch(r -> !r.members().isEmpty()) ? new ArrayList<>() : null;
        for (int from = 0; from < reports.size(); from += CHUNK) {
            List<UnitReport> chunk = reports.subList(from, Math.min(reports.size(), from + CHUNK));
            findings.addAll(evaluateChunk(chunk, deadline, memberParts));
        }
        EvaluationResult scored = Scoring.score(campaign, version, reports, findings);
        return memberParts == null ? scored : MemberResults.attach(campaign, scored, memberParts);
    }

    /**
     * @param memberParts when not {@code null}, the officials' results and titles of the chunk are added to it, after
     *                    a second round of rules that sees each unit's and official's {@link Standing}
     */
    private List<List<Finding>> evaluateChunk(List<UnitReport> chunk, long deadline, List<MemberResults.UnitPart> memberParts) {
        EvaluationContext context = new EvaluationContext(campaign, rules, chunk, deadline);
        KieSession session = base.newKieSession();
        try {
            session.setGlobal(JUDGE, new Judge(context));
            session.addEventListener(context);
            for (UnitReport report : chunk) {
                session.insert(report);
            }
            // every official counts as one more subject of the evaluation: their criteria and titles fire rules too
            long allowed = (long) limits.maxFiringsPerUnit() * (chunk.size() + chunk.stream().mapToLong(r -> r.members().size()).sum());
            long fired = session.fireAllRules((int) Math.min(Integer.MAX_VALUE, allowed));
            if (memberParts != null && fired < allowed && !context.timedOut() && context.errors().isEmpty()) {
                MemberResults.insertStandings(session, campaign, chunk, context, unitFindings(chunk, context));
                fired += session.fireAllRules((int) Math.min(Integer.MAX_VALUE, allowed - fired));
            }
            if (context.timedOut()) {
                throw new EvaluationException("Đánh giá vượt quá thời gian cho phép " + limits.timeout().toMillis()
                        + " ms; luật đang chạy: " + context.lastRule() + " (evaluation exceeded its time limit)");
            }
            if (fired >= allowed) {
                throw new EvaluationException("Các luật đã kích hoạt " + fired + " lần cho " + chunk.size()
                        + " đơn vị, vượt giới hạn " + limits.maxFiringsPerUnit() + " lần mỗi đơn vị; luật kích hoạt sau cùng: "
                        + context.lastRule() + ". Có thể một luật tự kích hoạt lại mãi (rules fired too often: a rule may loop)");
            }
        } catch (RuntimeException e) {
            if (e instanceof EvaluationException) {
                throw e;
            }
            throw new EvaluationException("Luật " + context.lastRule() + " gặp lỗi khi chạy: " + rootMessage(e)
                    + " (a rule failed while running)", e);
        } finally {
            session.dispose();
        }
        if (!context.errors().isEmpty()) {
            throw new EvaluationException(String.join("; ", context.errors()));
        }
        if (memberParts != null) {
            memberParts.addAll(MemberResults.of(campaign, chunk, context));
        }
        return unitFindings(chunk, context);
    }

    private List<List<Finding>> unitFindings(List<UnitReport> chunk, EvaluationContext context) {
        List<List<Finding>> findings = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            findings.add(findingsOf(chunk.get(i), context, i));
        }
        return findings;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private List<Finding> findingsOf(UnitReport report, EvaluationContext context, int index) {
        List<Finding> findings = new ArrayList<>(campaign.criteria().size());
        for (Campaign.Criterion criterion : campaign.criteria()) {
            BigDecimal maxPoints = BigDecimal.valueOf(criterion.points());
            if (!criterion.appliesTo(report.unit().kind())) {
                findings.add(new Finding(criterion.id(), Status.NOT_APPLICABLE, null, null, 0, 0, criterion.title(),
                        "Không áp dụng cho " + report.unit().kind().label().toLowerCase(java.util.Locale.ROOT),
                        CampaignReader.FILE + ": appliesTo"));
                continue;
            }
            Judgement judgement = context.judgement(index, criterion.id());
            findings.add(judgement != null
                    ? judgement.toFinding(criterion.title(), maxPoints)
                    : new Finding(criterion.id(), Status.NO_DATA, null, null, 0, maxPoints.doubleValue(), criterion.title(),
                    "Chưa báo cáo số liệu", CampaignReader.FILE + ": " + criterion.id()));
        }
        return findings;
    }
}
