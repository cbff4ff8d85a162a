package org.thidua.core;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.thidua.core.compile.CampaignFiles;
import org.thidua.core.compile.YamlNode;
import org.thidua.core.read.RequestReader;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs a campaign's rule tests: the {@code tests/*.yaml} files beside its rules. Each file holds cases of given
 * reports and the expected result of each unit:
 *
 * <pre>
 * cases:
 *   - name: đúng 95% hài lòng là đạt
 *     reports:
 *       - unit: {id: a, name: Phòng Nội vụ, kind: AGENCY}
 *         satisfaction: {surveyed: 200, satisfied: 190}
 *     expect:
 *       - unit: a
 *         findings: {SATISFACTION: MET}
 *         points: {SATISFACTION: 20}
 *         messages: {SATISFACTION: "190/200"}
 *         score: 100
 *         grade: HOAN_THANH_XUAT_SAC
 *         rank: 1
 * </pre>
 *
 * <p>When the reports list officials ({@code members}), a unit's expectation may also name its collective titles
 * and each official's findings and titles; {@code explanations} holds text a title's explanation must contain:
 *
 * <pre>
 *       - unit: a
 *         titles: {TAP_THE_LAO_DONG_TIEN_TIEN: NOT_MET}
 *         explanations: {TAP_THE_LAO_DONG_TIEN_TIEN: "6/12 người đạt Lao động tiên tiến = 50%"}
 *         members:
 *           nv-01: {findings: {SKILLS_TRAINED: MET}, titles: {LAO_DONG_TIEN_TIEN: MET}}
 * </pre>
 */
public final class RuleTests {
    private static final List<String> CASE_KEYS = List.of("name", "reports", "expect");
    private static final List<String> EXPECT_KEYS = List.of("unit", "findings", "points", "messages", "score", "grade", "rank",
            "titles", "explanations", "members");
    private static final List<String> MEMBER_KEYS = List.of("findings", "messages", "titles", "explanations");

    /** One case's outcome; it passed when it has no failures. */
    public record CaseResult(String file, int line, String name, List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** Every case's outcome, and problems that kept test files from being read at all. */
    public record Report(String campaign, List<CaseResult> cases, List<RuleProblem> problems) {
        public boolean passed() {
            return problems.isEmpty() && cases.stream().allMatch(CaseResult::passed);
        }

        public long failedCount() {
            return cases.stream().filter(c -> !c.passed()).count();
        }
    }

    /**
     * A rules directory's campaigns and the rule tests of each one that compiled, in the order of the library's
     * {@link RuleLibrary#ruleSets()}; the campaigns that did not compile are in its {@link RuleLibrary#problems()}.
     */
    public record Run(RuleLibrary library, List<Report> reports) {
        public Run {
            reports = List.copyOf(reports);
        }
    }

    private RuleTests() {
    }

    /**
     * Compiles a rules directory as {@link RuleLibrary#load(Path)} does and runs each campaign's rule tests as soon as
     * that campaign has compiled, beside the compiles and tests of the others; the reports are those {@link #run(RuleSet)}
     * gives each rule set.
     *
     * @throws IllegalArgumentException when there is no such directory
     */
    public static Run runAll(Path rulesDirectory) {
        return inCampaignOrder(RuleLibrary.load(rulesDirectory, RuleTests::run));
    }

    /** The bundled campaigns ({@link RuleLibrary#bundled()}), tested as {@link #runAll(Path)} tests a rules directory. */
    public static Run runBundled() {
        return inCampaignOrder(RuleLibrary.bundled(RuleTests::run));
    }

    private static Run inCampaignOrder(RuleLibrary.Loaded<Report> loaded) {
        return new Run(loaded.library(), loaded.library().ruleSets().keySet().stream().map(loaded.then()::get).toList());
    }

    /** Runs every test file of the rule set's campaign. */
    public static Report run(RuleSet ruleSet) {
        List<CaseResult> cases = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : ruleSet.testFiles().entrySet()) {
            YamlNode.Problems found = new YamlNode.Problems(ruleSet.campaign().id(), file.getKey());
            YamlNode.parse(file.getValue(), found).flatMap(root -> root.fields(file.getKey())).ifPresent(f -> {
                f.required("cases").ifPresent(list ->
                        cases.addAll(list.mappings("cases", (item, c) -> Optional.of(runCase(ruleSet, file.getKey(), item, c)))));
                f.rest(List.of("cases"));
            });
            problems.addAll(found.list);
        }
        if (cases.isEmpty() && problems.isEmpty()) {
            problems.add(new RuleProblem(ruleSet.campaign().id(), CampaignFiles.TESTS, 0, 0,
                    "Chiến dịch chưa có ca kiểm thử nào trong tests/*.yaml (the campaign has no rule tests)"));
        }
        return new Report(ruleSet.campaign().id(), cases, problems);
    }

    private static CaseResult runCase(RuleSet ruleSet, String file, YamlNode item, YamlNode.Fields fields) {
        String name = fields.required("name").flatMap(n -> n.text("name")).orElse("(không tên) dòng " + item.line());
        List<String> failures = new ArrayList<>();
        Optional<YamlNode> reports = fields.required("reports");
        Optional<YamlNode> expect = fields.required("expect");
        fields.rest(CASE_KEYS);
        if (reports.isEmpty() || expect.isEmpty()) {
            failures.add("ca kiểm thử cần 'reports' và 'expect' (a case needs reports and expect)");
            return new CaseResult(file, item.line(), name, failures);
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.set("reports", reports.get().toJson());
        EvaluationResult result;
        try {
            result = new EvaluationRequest(ruleSet, RequestReader.reports(request, ruleSet.campaign(), List.of())).evaluate();
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> failures.add("báo cáo không hợp lệ (invalid report) " + p));
            return new CaseResult(file, item.line(), name, failures);
        } catch (EvaluationException e) {
            failures.add("lỗi khi chạy luật (rules failed): " + e.getMessage());
            return new CaseResult(file, item.line(), name, failures);
        }
        for (YamlNode expected : expect.get().items("expect")) {
            expected.fields("expect[]").ifPresent(e -> check(result, e, failures));
        }
        return new CaseResult(file, item.line(), name, failures);
    }

    /** A number in the failure messages, exactly as it is (a test compares exact values): 40, 9,3, 1.520. */
    private static String exactly(Number value) {
        BigDecimal exact = value instanceof BigDecimal b ? b : BigDecimal.valueOf(value.doubleValue());
        return VietnameseFormat.decimal(exact, Math.max(0, exact.stripTrailingZeros().scale()));
    }

    private static void check(EvaluationResult result, YamlNode.Fields expected, List<String> failures) {
        String unitId = expected.required("unit").flatMap(n -> n.text("unit")).orElse("?");
        Optional<Evaluation> found = result.evaluation(unitId);
        if (found.isEmpty()) {
            failures.add("không có đơn vị '" + unitId + "' trong kết quả (no such unit in the result)");
            expected.rest(EXPECT_KEYS);
            return;
        }
        Evaluation evaluation = found.get();
        String at = unitId + ": ";
        Outcomes<Finding> findings = Outcomes.findings(evaluation.findings());
        findings.checkStatuses(at, expected, failures);
        findings.forEachNamed(expected, "points", (finding, n) -> n.number("points").ifPresent(points -> {
            if (points.doubleValue() != finding.points()) {
                failures.add(at + finding.criterion() + " cần " + exactly(points) + " điểm nhưng được "
                        + exactly(finding.points()) + " (expected points " + points.toPlainString() + ", was "
                        + BigDecimal.valueOf(finding.points()).stripTrailingZeros().toPlainString() + ")");
            }
        }));
        findings.checkTexts(at, expected, failures);
        expected.optional("score").flatMap(n -> n.number("score")).ifPresent(score -> {
            if (score.doubleValue() != evaluation.score()) {
                failures.add(at + "điểm cần " + exactly(score) + " nhưng là " + exactly(evaluation.score())
                        + " (expected score " + score.toPlainString() + ", was "
                        + BigDecimal.valueOf(evaluation.score()).stripTrailingZeros().toPlainString() + ")");
            }
        });
        expected.optional("grade").flatMap(n -> n.text("grade")).ifPresent(grade -> {
            if (!grade.equals(evaluation.grade())) {
                failures.add(at + "xếp loại cần " + grade + " nhưng là " + evaluation.grade()
                        + " (expected grade " + grade + ", was " + evaluation.grade() + ")");
            }
        });
        expected.optional("rank").flatMap(n -> n.number("rank")).ifPresent(rank -> {
            if (rank.intValue() != evaluation.rank()) {
                failures.add(at + "hạng cần " + rank + " nhưng là " + evaluation.rank()
                        + " (expected rank " + rank + ", was " + evaluation.rank() + ")");
            }
        });
        boolean expectsMembers = expected.optional("members").map(members -> {
            if (evaluation.members() == null) {
                failures.add(at + "kết quả không có cán bộ nào: các báo cáo chưa có members (the result has no members)");
                return true;
            }
            members.fields("members").ifPresent(m -> perId(m, evaluation.members(), MemberResult::memberId, (member, node) ->
                    node.fields(member.memberId()).ifPresent(f -> {
                        String who = at + member.memberId() + ": ";
                        Outcomes.findings(member.findings()).check(who, f, failures);
                        Outcomes.titles(member.titles()).check(who, f, failures);
                        f.rest(MEMBER_KEYS);
                    })));
            return true;
        }).orElse(false);
        if (evaluation.titles() == null && (expected.optional("titles").isPresent() || expected.optional("explanations").isPresent())) {
            if (!expectsMembers) {
                failures.add(at + "kết quả không có danh hiệu: các báo cáo chưa có members (titles need members in the reports)");
            }
        } else if (evaluation.titles() != null) {
            Outcomes.titles(evaluation.titles()).check(at, expected, failures);
        }
        expected.rest(EXPECT_KEYS);
    }

    /**
     * A unit's or an official's findings or titles as a test names them, by id: {@code findings: {ID: STATUS}} and
     * {@code messages: {ID: text the message contains}}, or {@code titles:} and {@code explanations:} alike.
     */
    private record Outcomes<T>(List<T> items, Function<T, String> id, Function<T, Status> status, Function<T, String> text,
                               String statusKey, String textKey, String textName, String textNameVietnamese) {
        static Outcomes<Finding> findings(List<Finding> findings) {
            return new Outcomes<>(findings, Finding::criterion, Finding::status, Finding::message, "findings", "messages", "message",
                    "thông báo");
        }

        static Outcomes<TitleResult> titles(List<TitleResult> titles) {
            return new Outcomes<>(titles, TitleResult::title, TitleResult::status, TitleResult::explanation, "titles", "explanations",
                    "explanation", "giải thích");
        }

        void check(String at, YamlNode.Fields expected, List<String> failures) {
            checkStatuses(at, expected, failures);
            checkTexts(at, expected, failures);
        }

        void checkStatuses(String at, YamlNode.Fields expected, List<String> failures) {
            forEachNamed(expected, statusKey, (item, n) -> n.text("status").ifPresent(wanted -> {
                Status was = status.apply(item);
                if (!wanted.equals(was.name())) {
                    failures.add(at + id.apply(item) + " cần " + wanted + " nhưng là " + was
                            + " (expected " + wanted + ", was " + was + "): " + text.apply(item));
                }
            }));
        }

        void checkTexts(String at, YamlNode.Fields expected, List<String> failures) {
            forEachNamed(expected, textKey, (item, n) -> n.text(textName).ifPresent(wanted -> {
                if (!text.apply(item).contains(wanted)) {
                    failures.add(at + id.apply(item) + " cần " + textNameVietnamese + " chứa \"" + wanted + "\" nhưng là \""
                            + text.apply(item) + "\" (" + textName + " does not contain the expected text)");
                }
            }));
        }

        /** Calls {@code check} for each item the map under {@code key} names; a key that names no item is reported. */
        void forEachNamed(YamlNode.Fields expected, String key, BiConsumer<T, YamlNode> check) {
            expected.optional(key).flatMap(n -> n.fields(key)).ifPresent(f -> perId(f, items, id, check));
        }
    }

    /** Calls {@code check} for each item the map names by id; a key that names no item is reported. */
    private static <T> void perId(YamlNode.Fields expected, List<T> items, Function<T, String> id,
                                  BiConsumer<T, YamlNode> check) {
        items.forEach(item -> expected.optional(id.apply(item)).ifPresent(n -> check.accept(item, n)));
        expected.rest(items.stream().map(id).toList());
    }
}
