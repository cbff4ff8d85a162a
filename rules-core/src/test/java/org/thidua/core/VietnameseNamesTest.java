package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

/** Unit names come back exactly as they were sent: UTF-8 end to end, no normalisation, no lost diacritics. */
class VietnameseNamesTest {
    private static final RuleLibrary LIBRARY = Fixtures.campaigns2021();
    private static final String COMPOSED = "UBND thị trấn Liên Quan – Đằng Hệ, Phường Ngọc Khánh";

    private static String request(String firstName, String secondName) {
        return """
                {"campaign": "thach-that-cchc-2021", "reports": [
                  {"unit": {"id": "tt-lien-quan", "name": "%s", "kind": "TOWN"}, "portalPage": true},
                  {"unit": {"id": "phong-dang-he", "name": "%s", "kind": "AGENCY"},
                   "dossiers": {"early": 1, "onTime": 1, "late": 0}}
                ]}""".formatted(firstName, secondName);
    }

    @Test
    void names_in_composed_and_decomposed_form_come_back_exactly_as_sent() {
        String decomposed = Normalizer.normalize(COMPOSED, Normalizer.Form.NFD);
        assertThat(decomposed).as("the two forms differ as strings").isNotEqualTo(COMPOSED);

        EvaluationResult result = LIBRARY.read(request(COMPOSED, decomposed)).evaluate();

        assertThat(result.evaluations().get(0).unitName()).isEqualTo(COMPOSED);
        assertThat(result.evaluations().get(1).unitName()).isEqualTo(decomposed);
    }

    @Test
    void criterion_titles_and_messages_keep_their_diacritics() {
        EvaluationResult result = LIBRARY.read(request(COMPOSED, "Phòng Kinh tế")).evaluate();

        Finding onTime = result.evaluation("phong-dang-he").orElseThrow().finding("ON_TIME_DOSSIERS").orElseThrow();
        assertThat(onTime.title()).isEqualTo("Hồ sơ TTHC trả kết quả đúng hạn, trước hạn");
        assertThat(onTime.message()).isEqualTo("Cả 2 hồ sơ đều trả kết quả đúng hạn hoặc trước hạn");
    }
}
