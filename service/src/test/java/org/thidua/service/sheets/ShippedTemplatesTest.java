package org.thidua.service.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The templates shipped in the jar are blank — the default campaign's columns and no row — and are exactly the bytes
 * {@link UnitSheetTemplate} writes for it (regenerate them with {@code thidua template --out …} after a change).
 */
class ShippedTemplatesTest {
    @ParameterizedTest
    @ValueSource(strings = {"so-lieu-don-vi.csv", "so-lieu-don-vi.xlsx"})
    void a_shipped_template_is_the_blank_sheet_of_the_default_campaign_byte_for_byte(String name) throws Exception {
        var campaign = Fixtures.LIBRARY.ruleSet(null).campaign();
        byte[] shipped;
        try (InputStream in = getClass().getResourceAsStream("/thidua/templates/" + name)) {
            shipped = in.readAllBytes();
        }
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        new UnitSheetTemplate(campaign).write(written, name.endsWith(".xlsx"));

        assertThat(shipped).isEqualTo(written.toByteArray());
        try (SheetRows rows = Sheets.open(new java.io.ByteArrayInputStream(shipped), shipped.length)) {
            assertThat(rows.header()).containsExactlyElementsOf(new UnitSheetTemplate(campaign).headers());
            assertThat(rows.next()).as("a blank form has no example row").isNull();
        }
    }
}
