package org.thidua.service.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Headers match whatever their case, diacritics, punctuation and spacing. */
class HeaderMatchingTest {
    @Test
    void case_diacritics_and_spacing_do_not_count() {
        assertThat(HeaderName.key("  SỐ  PHIẾU  HÀI-LÒNG ")).isEqualTo(HeaderName.key("so phieu hai long"))
                .isEqualTo("so phieu hai long");
        assertThat(HeaderName.key("Có trang TTĐT thành phần")).isEqualTo("co trang ttdt thanh phan");
    }

    @Test
    void headers_that_differ_in_letters_stay_different() {
        assertThat(UnitColumns.named(UnitColumns.STANDARD, "Hồ sơ trễ hạn")).get().extracting(UnitColumns.Column::path)
                .isEqualTo("dossiers.late");
        assertThat(UnitColumns.named(UnitColumns.STANDARD, "Hồ sơ trước hạn")).get().extracting(UnitColumns.Column::path)
                .isEqualTo("dossiers.early");
        assertThat(UnitColumns.named(UnitColumns.STANDARD, "Hồ sơ quá hạn")).isEmpty();
    }

    @Test
    void the_contract_field_path_is_accepted_as_a_header() {
        assertThat(UnitColumns.named(UnitColumns.STANDARD, "satisfaction.satisfied")).get()
                .extracting(UnitColumns.Column::header).isEqualTo("Số phiếu hài lòng");
    }
}
