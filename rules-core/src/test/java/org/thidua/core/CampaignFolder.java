package org.thidua.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A campaign folder written in a test's temporary directory: campaign.yaml and DRL files given as text. */
final class CampaignFolder {
    static final String UNITS_ONLY_YAML = """
            id: %s
            title: Chiến dịch thử
            unitKinds: [AGENCY, COMMUNE]
            criteria:
              - id: PORTAL_PAGE
                title: Có trang thông tin điện tử
                points: 10
            grades:
              - {code: DAT, label: Đạt, minScore: 50}
              - {code: CHUA_DAT, label: Chưa đạt, minScore: 0}
            """;
    static final String PORTAL_DRL = """
            package test;
            import org.thidua.core.UnitReport;
            global org.thidua.core.Judge judge;
            rule "PORTAL_PAGE"
            when
                $r : UnitReport( portalPage != null )
            then
                judge.holds($r, $r.portalPage());
            end
            """;
    static final String MEMBERS_YAML = UNITS_ONLY_YAML + """
            memberCriteria:
              - id: SKILLS_TRAINED
                title: Được bồi dưỡng kỹ năng
                appliesTo: [FRONTLINE]
            titles:
              - {id: TAP_THE_TIEN_TIEN, label: Tập thể lao động tiên tiến, for: UNIT}
              - {id: LAO_DONG_TIEN_TIEN, label: Lao động tiên tiến, for: MEMBER}
            """;
    static final String MEMBERS_DRL = """
            package test;
            import org.thidua.core.UnitReport;
            import org.thidua.core.Member;
            import org.thidua.core.TaskGrade;
            import org.thidua.core.TitleDecision;
            global org.thidua.core.Judge judge;
            rule "SKILLS_TRAINED"
            when
                $r : UnitReport()
                $m : Member( skillsTrained != null ) from $r.members()
            then
                judge.holds($r, $m, $m.skillsTrained());
            end
            rule "LAO_DONG_TIEN_TIEN"
                salience 10
            when
                $r : UnitReport()
                $m : Member( taskGrade != null ) from $r.members()
            then
                judge.title($r, $m).require($m.gradedAtLeast(TaskGrade.HOAN_THANH_TOT), "Hoàn thành tốt", "Chưa hoàn thành tốt");
            end
            rule "TAP_THE_TIEN_TIEN"
            when
                $r : UnitReport( !members.empty )
                accumulate( TitleDecision( report == $r, title == "LAO_DONG_TIEN_TIEN", qualified ); $n : count() )
            then
                judge.title($r).moreThan("Lao động tiên tiến", $n, $r.members().size(), 0.5);
            end
            """;

    private final Path folder;
    private final Map<String, String> files = new LinkedHashMap<>();

    private CampaignFolder(Path folder) {
        this.folder = folder;
    }

    static CampaignFolder in(Path parent, String id, String yaml) {
        CampaignFolder campaign = new CampaignFolder(parent.resolve(id));
        campaign.files.put("campaign.yaml", yaml.formatted(id));
        return campaign;
    }

    CampaignFolder drl(String path, String text) {
        files.put(path, text);
        return this;
    }

    /** A rule test file, {@code tests/NAME}. */
    CampaignFolder tests(String name, String yaml) {
        files.put("tests/" + name, yaml);
        return this;
    }

    Path write() {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = folder.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
