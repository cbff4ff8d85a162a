package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code thidua check} over a campaign whose criteria are a sheet: {@code --show-drl} prints the DRL the sheet became;
 * a problem in the sheet is printed at its cell, {@code criteria.xlsx!F2} for a spreadsheet.
 */
class CheckCriteriaSheetTest {
    private static final String PAR_INDEX = "par-index-xa-2023";

    @TempDir
    Path dir;

    @Test
    void show_drl_prints_the_rules_the_sheet_became() throws IOException {
        Path rules = UnavailableCampaignTest.copyOfBundledCampaigns(dir.resolve("campaigns"));

        CommandLineRun run = CommandLineRun.of("check", rules.toString(), "--show-drl");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("── par-index-xa-2023/criteria.csv.drl (DRL sinh từ bảng tiêu chí; generated from the criteria sheet) ──",
                "rule \"VIOLATION_PENALTY\"", ".band(0.95, 0.5)", "global org.thidua.core.Judge judge;");
    }

    @Test
    void a_campaign_folder_given_for_the_rules_directory_is_refused_with_the_folder_to_give() throws IOException {
        Path rules = UnavailableCampaignTest.copyOfBundledCampaigns(dir.resolve("campaigns"));

        CommandLineRun run = CommandLineRun.of("check", rules.resolve(PAR_INDEX).toString());

        assertThat(run.exitCode()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("là thư mục của một chiến dịch (có campaign.yaml)", "ví dụ " + rules.toAbsolutePath().normalize());
        assertThat(run.out()).doesNotContain("Đã kiểm tra 0 chiến dịch");
    }

    @Test
    void a_problem_in_a_spreadsheet_is_printed_at_its_cell() throws IOException {
        Path rules = UnavailableCampaignTest.copyOfBundledCampaigns(dir.resolve("campaigns"));
        Path campaign = rules.resolve(PAR_INDEX);
        Files.delete(campaign.resolve("criteria.csv"));
        Files.copy(CommandLineRun.resource("criteria-sheets/bad-criteria.xlsx"), campaign.resolve("criteria.xlsx"));

        CommandLineRun run = CommandLineRun.of("check", rules.toString());

        assertThat(run.exitCode()).isEqualTo(Main.BAD_RULES);
        assertThat(run.outLines()).contains(campaign.resolve("criteria.xlsx") + "!F2: Tỷ lệ 9500% lớn hơn 100%: có phải ý là 95%?"
                + " Viết 95% hoặc 0,95 (a share above 100%: did you mean 95%?)");
    }
}
