package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pattern that reads a field its fact type does not have is reported with the fields there are and the one meant. */
class AnUnknownFieldNamesTheFieldsThatExistTest {
    @TempDir
    Path root;

    @Test
    void a_misspelt_field_of_the_unit_report_lists_its_fields_and_suggests_the_right_one() {
        assertThat(CheckFixtures.problemsOf(root, "pattern-with-unknown-field")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.column()).isEqualTo(22);
            assertThat(p.message())
                    .startsWith("UnitReport không có trường 'satisfation'; các trường có: unit, satisfaction, dossiers,")
                    .contains("indicator(\"…\")", "Có phải ý là 'satisfaction'?", "did you mean 'satisfaction'?");
        });
    }

    @Test
    void a_misspelt_field_of_a_nested_measure_names_the_measure_and_its_fields() {
        assertThat(CheckFixtures.problemsOf(root, "nested-pattern-with-unknown-field")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.column()).isEqualTo(35);
            assertThat(p.message()).startsWith("Satisfaction không có trường 'surveyd'; các trường có: surveyed, satisfied.")
                    .contains("Có phải ý là 'surveyed'?");
        });
    }

    @Test
    void a_misspelt_lookup_with_an_argument_suggests_the_lookup_meant() {
        assertThat(CheckFixtures.problemsOf(root, "misspelt-lookup-in-pattern")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(11);
            assertThat(p.column()).isEqualTo(22);
            assertThat(p.message()).startsWith("UnitReport không có trường 'indicatr'")
                    .contains("Có phải ý là 'indicator(\"…\")'?");
        });
    }
}
