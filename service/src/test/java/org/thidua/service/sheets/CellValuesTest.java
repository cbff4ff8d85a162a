package org.thidua.service.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.thidua.core.UnitKind;

/** Cell values are read as Vietnamese staff write them, and a value that could mean two things is refused. */
class CellValuesTest {
    @Test
    void whole_numbers_may_group_thousands_with_dots_or_spaces() {
        assertThat(CellValues.wholeNumber(SheetCell.text("1.520"))).isEqualTo(BigInteger.valueOf(1520));
        assertThat(CellValues.wholeNumber(SheetCell.text("1 234 567"))).isEqualTo(BigInteger.valueOf(1234567));
        assertThat(CellValues.wholeNumber(SheetCell.text("1520"))).isEqualTo(BigInteger.valueOf(1520));
        assertThat(CellValues.wholeNumber(new SheetCell("1520", new BigDecimal("1520.0"), null))).isEqualTo(BigInteger.valueOf(1520));
    }

    @Test
    void a_fraction_or_words_are_not_a_whole_number() {
        assertThatThrownBy(() -> CellValues.wholeNumber(SheetCell.text("12,5"))).hasMessageContaining("số nguyên");
        assertThatThrownBy(() -> CellValues.wholeNumber(new SheetCell("12.5", new BigDecimal("12.5"), null)))
                .hasMessageContaining("số nguyên");
        assertThatThrownBy(() -> CellValues.wholeNumber(SheetCell.text("1.52"))).hasMessageContaining("«1.52»");
    }

    @Test
    void decimals_take_a_comma_a_plain_dot_or_a_percent_sign() {
        assertThat(CellValues.decimal(SheetCell.text("0,85"))).isEqualByComparingTo("0.85");
        assertThat(CellValues.decimal(SheetCell.text("0.85"))).isEqualByComparingTo("0.85");
        assertThat(CellValues.decimal(SheetCell.text("85%"))).isEqualByComparingTo("0.85");
        assertThat(CellValues.decimal(SheetCell.text("1.234,5"))).isEqualByComparingTo("1234.5");
    }

    @Test
    void a_dot_before_three_digits_is_refused_as_ambiguous() {
        assertThatThrownBy(() -> CellValues.decimal(SheetCell.text("1.520"))).hasMessageContaining("1520 hoặc 1,520");
    }

    @Test
    void yes_and_no_in_vietnamese_with_or_without_diacritics() {
        assertThat(CellValues.yesNo(SheetCell.text("Có"))).isTrue();
        assertThat(CellValues.yesNo(SheetCell.text("co"))).isTrue();
        assertThat(CellValues.yesNo(SheetCell.text("x"))).isTrue();
        assertThat(CellValues.yesNo(SheetCell.text("Không"))).isFalse();
        assertThat(CellValues.yesNo(SheetCell.text("FALSE"))).isFalse();
        assertThatThrownBy(() -> CellValues.yesNo(SheetCell.text("có lẽ"))).hasMessageContaining("Có hoặc Không");
    }

    @Test
    void dates_day_first_iso_or_typed_and_no_thirty_first_of_november() {
        assertThat(CellValues.date(SheetCell.text("30/11/2021"))).isEqualTo(LocalDate.of(2021, 11, 30));
        assertThat(CellValues.date(SheetCell.text("1/2/2021 08:30"))).isEqualTo(LocalDate.of(2021, 2, 1));
        assertThat(CellValues.date(SheetCell.text("2021-11-30"))).isEqualTo(LocalDate.of(2021, 11, 30));
        assertThat(CellValues.date(new SheetCell("44530", new BigDecimal(44530), LocalDateTime.of(2021, 11, 30, 0, 0))))
                .isEqualTo(LocalDate.of(2021, 11, 30));
        assertThatThrownBy(() -> CellValues.date(SheetCell.text("31/11/2021"))).hasMessageContaining("không có ngày 31/11/2021");
        assertThatThrownBy(() -> CellValues.date(SheetCell.text("11/30/2021"))).hasMessageContaining("ngày/tháng/năm");
    }

    @Test
    void unit_kinds_by_their_vietnamese_names_or_codes() {
        assertThat(UnitColumns.kind(SheetCell.text("Thị trấn"))).isEqualTo(UnitKind.TOWN);
        assertThat(UnitColumns.kind(SheetCell.text("thi tran"))).isEqualTo(UnitKind.TOWN);
        assertThat(UnitColumns.kind(SheetCell.text("Phường"))).isEqualTo(UnitKind.WARD);
        assertThat(UnitColumns.kind(SheetCell.text("Cơ quan, phòng ban"))).isEqualTo(UnitKind.AGENCY);
        assertThat(UnitColumns.kind(SheetCell.text("commune"))).isEqualTo(UnitKind.COMMUNE);
    }
}
