package org.thidua.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thidua.service.sheets.CellProblem;

/** Survey answers become surveyed / satisfied counts: satisfied is 4 or 5 on the overall question. */
class SurveyImportTest {
    private static final String HEADER = "Mã đơn vị,Mã phiếu,Tiếp cận dịch vụ,Thủ tục hành chính,Công chức giải quyết,"
            + "Kết quả giải quyết,\"Tiếp nhận, xử lý phản ánh, kiến nghị\",Hài lòng chung\n";

    @Test
    void an_overall_answer_of_4_or_5_is_satisfied_and_3_is_not() throws Exception {
        RecordImport.Result result = run(HEADER
                + "xa-a,P1,5,5,4,4,5,5\n"
                + "xa-a,P2,4,4,4,4,4,4\n"
                + "xa-a,P3,5,5,5,5,5,3\n"
                + "xa-b,P4,1,2,,,,1\n");

        assertThat(result.problems().isEmpty()).isTrue();
        assertThat(result.units()).extracting(ImportedUnit::counts).containsExactly(
                Map.of("surveyed", 3L, "satisfied", 2L), Map.of("surveyed", 1L, "satisfied", 0L));
    }

    @Test
    void an_answer_outside_1_to_5_or_a_missing_overall_answer_is_a_bad_row() throws Exception {
        RecordImport.Result result = run(HEADER
                + "xa-a,P1,6,5,4,4,5,5\n"
                + "xa-a,P2,4,4,4,4,4,\n"
                + "xa-a,P3,4,4,4,4,4,0\n"
                + "xa-a,P4,4,4,4,4,4,4\n");

        assertThat(result.problems().kept()).extracting(CellProblem::where).containsExactly(
                "dòng 2, cột «Tiếp cận dịch vụ»", "dòng 3, cột «Hài lòng chung»", "dòng 4, cột «Hài lòng chung»");
        assertThat(result.units()).singleElement().extracting(ImportedUnit::counts)
                .isEqualTo(Map.of("surveyed", 1L, "satisfied", 1L));
    }

    private static RecordImport.Result run(String csv) throws Exception {
        return new SurveyImport().run(DossierImportTest.open(csv), Progress.NONE);
    }
}
