package org.thidua.service.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The templates shipped in the jar carry exactly the columns the reader knows, and their example row is accepted. */
class ShippedTemplatesTest {
    @ParameterizedTest
    @ValueSource(strings = {"so-lieu-don-vi.csv", "so-lieu-don-vi.xlsx"})
    void a_shipped_template_has_the_default_campaigns_columns_and_reads_as_a_request(String name) throws Exception {
        var campaign = Fixtures.LIBRARY.ruleSet(null).campaign();
        try (InputStream in = getClass().getResourceAsStream("/thidua/templates/" + name);
             SheetRows rows = Sheets.open(in, -1)) {
            assertThat(rows.header()).containsExactlyElementsOf(new UnitSheetTemplate(campaign).headers());
            var request = new UnitSheetReader(Fixtures.LIBRARY).read(rows, null);
            assertThat(request.reports()).singleElement().satisfies(r -> {
                assertThat(r.unit().name()).isEqualTo("UBND xã Bình Yên");
                assertThat(r.dossiers().onTime()).isEqualTo(1215);
            });
        }
    }
}
