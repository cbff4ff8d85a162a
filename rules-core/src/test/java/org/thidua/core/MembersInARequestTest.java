package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Officials in a request ({@code reports[i].members}): read strictly, every refused value named by its path. */
class MembersInARequestTest {
    @TempDir
    static Path rules;
    static RuleLibrary library;

    @BeforeAll
    static void campaigns() {
        CampaignFolder.in(rules, "with-members", CampaignFolder.MEMBERS_YAML)
                .drl("criteria/portal.drl", CampaignFolder.PORTAL_DRL).drl("titles/members.drl", CampaignFolder.MEMBERS_DRL).write();
        CampaignFolder.in(rules, "units-only", CampaignFolder.UNITS_ONLY_YAML).drl("criteria/portal.drl", CampaignFolder.PORTAL_DRL).write();
        library = RuleLibrary.load(rules);
        assertThat(library.allProblems()).isEmpty();
    }

    @Test
    void a_member_is_read_with_every_figure() {
        EvaluationRequest request = library.read(request("with-members", """
                {"id": "nv-1", "name": "Nguyễn Văn An", "role": "FRONTLINE", "skillsTrained": true, "indicesTrained": false,
                 "dossiers": {"handled": 12, "late": 1}, "taskGrade": "HOAN_THANH_TOT", "discipline": "KHIEN_TRACH", "initiative": true}
                """));

        assertThat(request.reports().get(0).members()).containsExactly(
                Member.of("nv-1", "Nguyễn Văn An", MemberRole.FRONTLINE).withTraining(true, false)
                        .withDossiers(new MemberDossiers(12, 1)).withTaskGrade(TaskGrade.HOAN_THANH_TOT)
                        .withDiscipline(Discipline.KHIEN_TRACH).withInitiative(true));
    }

    @Test
    void each_refused_value_of_a_member_is_named_by_its_path() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> library.read(request("with-members", """
                {"id": "a", "name": "A", "role": "TRUONG_PHONG"},
                {"id": "b", "name": "B", "role": "OTHER", "dossiers": {"handled": 3, "late": 5}},
                {"id": "c", "name": "C", "role": "OTHER", "taskGrade": "GIOI", "discipline": "PHE_BINH", "initative": true},
                {"id": "d", "role": "OTHER", "skillsTrained": "có"}
                """)));

        assertThat(refused.problems()).extracting(InputProblem::path).containsExactlyInAnyOrder(
                "reports[0].members[0].role",
                "reports[0].members[1].dossiers.late",
                "reports[0].members[2].taskGrade",
                "reports[0].members[2].discipline",
                "reports[0].members[2].initative",
                "reports[0].members[3].name",
                "reports[0].members[3].skillsTrained");
    }

    @Test
    void an_official_listed_twice_in_a_unit_is_refused() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> library.read(request("with-members", """
                {"id": "a", "name": "A", "role": "OTHER"}, {"id": "a", "name": "A bis", "role": "OTHER"}
                """)));

        assertThat(refused.problems()).extracting(InputProblem::path).containsExactly("reports[0].members[1].id");
    }

    @Test
    void a_campaign_that_judges_no_officials_refuses_members() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                () -> library.read(request("units-only", "{\"id\": \"a\", \"name\": \"A\", \"role\": \"OTHER\"}")));

        assertThat(refused.problems()).extracting(InputProblem::path).containsExactly("reports[0].members");
    }

    @Test
    void members_is_a_list() {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> library.read("""
                {"campaign": "with-members", "reports": [{"unit": {"id": "u", "name": "U", "kind": "AGENCY"}, "members": {"id": "a"}}]}
                """));

        assertThat(refused.problems()).extracting(InputProblem::path).containsExactly("reports[0].members");
    }

    @Test
    void a_unit_report_built_in_java_carries_its_members() {
        Member member = Member.of("a", "A", MemberRole.OTHER).withTaskGrade(TaskGrade.HOAN_THANH_TOT);
        UnitReport report = UnitReport.of(new Unit("u", "U", UnitKind.AGENCY)).withPortalPage(true).withMembers(List.of(member));

        EvaluationResult result = library.ruleSet("with-members").evaluate(List.of(report));

        assertThat(result.evaluations().get(0).member("a").flatMap(m -> m.title("LAO_DONG_TIEN_TIEN")))
                .hasValueSatisfying(t -> assertThat(t.status()).isEqualTo(Status.MET));
        assertThat(result.commendations()).extracting(Commendation::title)
                .containsExactly("TAP_THE_TIEN_TIEN", "LAO_DONG_TIEN_TIEN");
    }

    private static String request(String campaign, String members) {
        return "{\"campaign\": \"" + campaign + "\", \"reports\": [{\"unit\": {\"id\": \"u\", \"name\": \"U\", \"kind\": \"AGENCY\"},"
                + " \"members\": [" + members + "]}]}";
    }
}
