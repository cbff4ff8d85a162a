package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.KieBase;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.runtime.KieSession;
import org.thidua.core.compile.DrlCompiler;

/**
 * A rule session that evaluated its units is emptied of its facts and kept for the next evaluation, instead of being
 * reset: nothing of one evaluation (its units, officials, standings, titles decided, a failure) shows in the next.
 * What the safety gate lets a campaign's DRL use (integer salience, {@code no-loop}, {@code not}, {@code exists},
 * {@code accumulate} and {@code from} after a first fact, rules on standings and titles) gives in a kept session what it
 * gives in a fresh one; a campaign with a rule that matches without a fact, or with {@code lock-on-active}, takes fresh
 * sessions; agenda control the gate refuses (groups, focus, activation groups, timers, calendars, dates, {@code enabled},
 * computed salience) would take fresh sessions too.
 */
class KeptSessionsTest {
    private static final Path CAMPAIGN = Path.of("../rules/campaigns/thach-that-cchc-2021");
    private static final String YAML = CampaignFolder.MEMBERS_YAML + """
              - {id: CHIEN_SI_THI_DUA, label: Chiến sĩ thi đua, for: MEMBER}
            """;
    /**
     * What the gate allows, each rule starting with a fact: integer salience, {@code no-loop}, {@code not},
     * {@code exists}, {@code accumulate}, {@code from}, rules on the standings and on titles decided.
     */
    private static final String ALLOWED = CampaignFolder.MEMBERS_DRL
            .replace("import org.thidua.core.Member;\n", "import org.thidua.core.Member;\nimport org.thidua.core.Standing;\n")
            .replace("rule \"SKILLS_TRAINED\"\n", "rule \"SKILLS_TRAINED\"\n    no-loop true\n") + """
            rule "PORTAL_PAGE"
                salience -5
                no-loop
            when
                $r : UnitReport( portalPage != null )
                not Standing( report == $r, member == null )
            then
                judge.holds($r, $r.portalPage());
            end
            rule "CHIEN_SI_THI_DUA"
            when
                $s : Standing( member != null )
                exists TitleDecision( report == $s.report(), member == $s.member(), title == "LAO_DONG_TIEN_TIEN", qualified )
            then
                judge.title($s.report(), $s.member()).require($s.notMet().isEmpty(), "Đạt mọi tiêu chí", "Còn tiêu chí chưa đạt");
            end
            """;

    @TempDir
    Path root;

    @Test
    void a_unit_evaluated_after_very_different_ones_gets_what_it_gets_in_a_rule_set_of_its_own() {
        List<UnitReport> units = List.of(communeWithOfficials("a", 12), agencyWithNothingReported("b"),
                communeWithOfficials("c", 3), wardWithOfficialsOnly("d"));
        List<EvaluationResult> alone = new ArrayList<>();
        for (UnitReport unit : units) {
            alone.add(RuleSet.load(CAMPAIGN).evaluate(List.of(unit))); // a new rule set: a session never used before
        }

        RuleSet rules = RuleSet.load(CAMPAIGN);
        int[] order = {0, 1, 2, 3, 0, 3, 1, 2, 2, 0, 1, 3};
        for (int i : order) {
            assertThat(rules.evaluate(List.of(units.get(i)))).as("unit %s", units.get(i).unit().id()).isEqualTo(alone.get(i));
        }
    }

    @Test
    void units_evaluated_one_per_call_get_the_findings_officials_and_titles_of_one_batch() {
        RuleSet rules = RuleSet.load(CAMPAIGN);
        List<UnitReport> units = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            units.add(switch (i % 4) {
                case 0 -> communeWithOfficials("c" + i, 1 + i % 13);
                case 1 -> agencyWithNothingReported("a" + i);
                case 2 -> wardWithOfficialsOnly("w" + i);
                default -> communeWithOfficials("d" + i, 0);
            });
        }
        List<Evaluation> batch = rules.evaluate(units).evaluations();

        for (int i = 0; i < units.size(); i++) {
            Evaluation one = rules.evaluate(List.of(units.get(i))).evaluations().get(0);
            assertThat(one.findings()).as("unit %d", i).isEqualTo(batch.get(i).findings());
            // a request without officials decides no titles at all: the units of the batch without officials are left out
            if (!units.get(i).members().isEmpty()) {
                assertThat(one.members()).as("unit %d", i).isEqualTo(batch.get(i).members());
                assertThat(one.titles()).as("unit %d", i).isEqualTo(batch.get(i).titles());
            }
            assertThat(one.score()).isEqualTo(batch.get(i).score());
        }
    }

    @Test
    void a_unit_evaluated_after_one_whose_officials_made_the_rules_loop_gets_what_it_gets_alone() {
        RuleSet rules = RuleSet.load(CAMPAIGN);
        UnitReport next = communeWithOfficials("next", 5);
        EvaluationResult alone = RuleSet.load(CAMPAIGN).evaluate(List.of(next));

        assertThatThrownBy(() -> rules.withLimits(new RuleSet.Limits(1, java.time.Duration.ofSeconds(30)))
                .evaluate(List.of(communeWithOfficials("many", 40)))).isInstanceOf(EvaluationException.class);

        assertThat(rules.evaluate(List.of(next))).isEqualTo(alone);
        assertThat(rules.evaluate(List.of(next))).isEqualTo(alone);
    }

    @Test
    void rules_using_what_the_gate_allows_give_in_a_kept_session_what_they_give_in_a_fresh_one() {
        Path campaign = CampaignFolder.in(root, "allowed", YAML).drl("criteria/all.drl", ALLOWED).write();

        assertThat(RuleSet.load(campaign).keepsSessions()).isTrue();
        assertKeptGivesWhatFreshGives(campaign);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"thach-that-cchc-2021", "par-index-xa-2023", "chi-so-cchc-xa-2025"})
    void the_bundled_campaigns_keep_their_sessions(String campaign) {
        assertThat(RuleSet.load(CAMPAIGN.resolveSibling(campaign)).keepsSessions()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not Standing( )", "accumulate( Standing( ); $n : count() )", "exists TitleDecision( )"})
    void a_rule_that_matches_without_a_fact_fires_again_in_every_call_its_campaign_takes_fresh_sessions(String first) {
        // such a rule fires once in a fresh session; in a kept one it would have fired already, and its error be lost
        Path campaign = CampaignFolder.in(root, "once", YAML).drl("criteria/all.drl", ALLOWED + """
                rule "ONCE PER SESSION"
                    @criterion(PORTAL_PAGE)
                when
                    %s
                then
                    judge.noData(null, "Không có báo cáo");
                end
                """.formatted(first)).write();

        assertThat(RuleSet.load(campaign).keepsSessions()).isFalse();
        assertKeptGivesWhatFreshGives(campaign);
    }

    @Test
    void a_lock_on_active_rule_gives_what_it_gives_in_a_fresh_session_its_campaign_takes_fresh_sessions() {
        Path campaign = CampaignFolder.in(root, "locked", YAML).drl("criteria/all.drl",
                ALLOWED.replace("salience 10", "salience 10\n    lock-on-active")).write();

        assertThat(RuleSet.load(campaign).keepsSessions()).isFalse();
        assertKeptGivesWhatFreshGives(campaign);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"agenda-group \"ho_so\" auto-focus true", "auto-focus true", "activation-group \"mot_lan\"",
            "ruleflow-group \"ho_so\"", "timer ( int: 0s )", "calendars \"ngay_lam_viec\"",
            "date-effective \"01-Jan-2020\"", "date-expires \"01-Jan-2099\"", "enabled false",
            "salience ( $r.members().size() )"})
    void agenda_control_the_gate_refuses_would_not_be_kept_either(String attribute) {
        // compiled without the gate: should it ever allow one of these, sessions are still not kept
        assertThat(RuleSessions.emptiedIsAsFresh(compiled(portalRule("salience 3\n    no-loop")))).isTrue();
        assertThat(RuleSessions.emptiedIsAsFresh(compiled(portalRule(attribute)))).isFalse();
        long attributeLine = CampaignFolder.PORTAL_DRL.lines().takeWhile(l -> !l.startsWith("rule")).count() + 2;
        assertThatThrownBy(() -> RuleSet.load(CampaignFolder.in(root, "agenda", YAML)
                .drl("criteria/all.drl", portalRule(attribute)).write()))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems()).first().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("criteria/all.drl");
                    assertThat(p.line()).isEqualTo(attributeLine);
                    assertThat(p.message()).startsWith("Không được dùng").contains(attribute.substring(0, attribute.indexOf(' ')));
                }));
    }

    @Test
    void a_session_whose_facts_cannot_be_deleted_is_not_kept_and_leaves_the_calls_outcome_as_it_was() {
        KieBase base = compiled(portalRule("salience 3"));
        KieSession sound = base.newKieSession();
        sound.insert(agencyWithNothingReported("a"));
        sound.insert(wardWithOfficialsOnly("b"));

        assertThat(RuleSessions.empty(sound)).isTrue();
        assertThat(sound.getFactCount()).isZero();

        KieSession failing = base.newKieSession();
        failing.insert(agencyWithNothingReported("a"));
        failing.insert(agencyWithNothingReported("b"));
        failing.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                throw new IllegalStateException("a delete that fails");
            }
        });

        assertThat(RuleSessions.empty(failing)).isFalse(); // not thrown from the call's finally: disposed of, not kept
    }

    /** The portal rule with an attribute of its own. */
    private static String portalRule(String attribute) {
        return CampaignFolder.PORTAL_DRL.replace("rule \"PORTAL_PAGE\"\n", "rule \"PORTAL_PAGE\"\n    " + attribute + "\n");
    }

    /**
     * The units one per call, interleaved with a chunk of several, a call stopped at the firing limit and a call that
     * other units fail, give each time what a rule set never used before gives them.
     */
    private static void assertKeptGivesWhatFreshGives(Path campaign) {
        List<UnitReport> units = List.of(unitWithOfficials("a", 9, true), UnitReport.of(new Unit("b", "Phòng b", UnitKind.AGENCY)),
                unitWithOfficials("c", 3, false), unitWithOfficials("d", 0, true), unitWithOfficials("e", 14, null));
        Map<String, Object> alone = new LinkedHashMap<>();
        for (UnitReport unit : units) {
            alone.put(unit.unit().id(), outcome(() -> RuleSet.load(campaign).evaluate(List.of(unit))));
        }
        Object chunk = outcome(() -> RuleSet.load(campaign).evaluate(units.subList(1, 4)));

        RuleSet rules = RuleSet.load(campaign);
        for (int i : new int[] {0, 1, 2, 3, 4, -1, 4, 2, -2, 0, 3, 1, 1, 4, 0}) {
            if (i == -1) {
                assertThat(outcome(() -> rules.evaluate(units.subList(1, 4)))).as("a chunk").isEqualTo(chunk);
            } else if (i == -2) {
                assertThatThrownBy(() -> rules.withLimits(new RuleSet.Limits(1, Duration.ofSeconds(30)))
                        .evaluate(List.of(unitWithOfficials("many", 40, true)))).isInstanceOf(EvaluationException.class);
            } else {
                UnitReport unit = units.get(i);
                assertThat(outcome(() -> rules.evaluate(List.of(unit)))).as("unit %s", unit.unit().id())
                        .isEqualTo(alone.get(unit.unit().id()));
            }
        }
    }

    /** The result, or the failure's message: both must be the same kept or fresh. */
    private static Object outcome(Supplier<EvaluationResult> evaluation) {
        try {
            return evaluation.get();
        } catch (EvaluationException e) {
            return e.getMessage();
        }
    }

    private static KieBase compiled(String drl) {
        List<RuleProblem> problems = new ArrayList<>();
        KieBase base = DrlCompiler.compile("agenda", Map.of("criteria/all.drl", drl), problems);
        assertThat(problems).isEmpty();
        return base;
    }

    private static UnitReport unitWithOfficials(String id, int n, Boolean portalPage) {
        UnitReport report = UnitReport.of(new Unit(id, "UBND xã " + id, UnitKind.COMMUNE)).withMembers(officials(id, n));
        return portalPage == null ? report : report.withPortalPage(portalPage);
    }

    /** Every figure reported, and {@code n} officials of every role, grade and discipline. */
    private static UnitReport communeWithOfficials(String id, int n) {
        return UnitReport.of(new Unit(id, "UBND xã " + id, UnitKind.COMMUNE))
                .withSatisfaction(new Satisfaction(200 + n, 190 + n))
                .withDossiers(new Dossiers(n, 900 + n, n % 3, n % 2))
                .withFrontlineStaff(new StaffTraining(10, 10 - n % 2))
                .withCommuneOfficials(new CommuneOfficials(20, 20))
                .withPortalPage(n % 5 != 1)
                .withMembers(officials(id, n));
    }

    private static UnitReport agencyWithNothingReported(String id) {
        return UnitReport.of(new Unit(id, "Phòng " + id, UnitKind.AGENCY));
    }

    private static UnitReport wardWithOfficialsOnly(String id) {
        return UnitReport.of(new Unit(id, "UBND phường " + id, UnitKind.WARD)).withMembers(officials(id, 8));
    }

    private static List<Member> officials(String unit, int n) {
        List<Member> members = new ArrayList<>();
        MemberRole[] roles = MemberRole.values();
        TaskGrade[] grades = TaskGrade.values();
        Discipline[] disciplines = Discipline.values();
        for (int i = 0; i < n; i++) {
            Member member = Member.of(unit + "-" + i, "Cán bộ " + i, roles[i % roles.length])
                    .withTraining(i % 3 != 0, i % 4 != 0)
                    .withDossiers(new MemberDossiers(10 + i, i % 5 == 0 ? 1 : 0))
                    .withInitiative(i % 2 == 0);
            if (i % 7 != 6) {
                member = member.withTaskGrade(grades[i % grades.length]);
            }
            if (i % 9 == 8) {
                member = member.withDiscipline(disciplines[i % disciplines.length]);
            }
            members.add(member);
        }
        return members;
    }
}
