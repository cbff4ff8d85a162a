package org.thidua.core.compile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The values campaign.yaml is written in: ids, dates, shares, one name of a set, a list of names. Each reads one node
 * and reports what is wrong with it at its line, in the words staff read.
 */
final class CampaignValues {
    private CampaignValues() {
    }

    /** Ids appear in JSON and DRL: letters, digits and underscores; criteria and grades in capitals. */
    static Optional<String> identifier(YamlNode node, String what, boolean upper) {
        return node.text(what).flatMap(text -> {
            String pattern = upper ? "[A-Z][A-Z0-9_]*" : "[A-Za-z][A-Za-z0-9_]*";
            if (!text.matches(pattern)) {
                node.problem(what + " '" + text + "' chỉ gồm " + (upper ? "chữ IN HOA" : "chữ cái không dấu") + ", chữ số và dấu _"
                        + " (use only " + (upper ? "capital " : "") + "letters, digits and _)");
                return Optional.empty();
            }
            return Optional.of(text);
        });
    }

    static Optional<LocalDate> date(YamlNode node, String what) {
        return node.text(what).flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                node.problem(what + " phải là ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2021-11-30 (must be a date like 2021-11-30)");
                return Optional.empty();
            }
        });
    }

    /**
     * A share from 0 to 100%, {@code 95%} or {@code 0.95}; 95 is refused with "did you mean 95%?".
     *
     * @param field   the key, as the problem of a value that is no text names it
     * @param what    the key with its place, as the problem of a value that is no share names it
     * @param example a share to show, such as {@code 95%}
     */
    static Optional<BigDecimal> share(YamlNode node, String field, String what, String example) {
        return node.text(field).flatMap(text -> {
            BigDecimal value = VietnamesePercent.parse(text);
            if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
                node.problem(what + " phải là tỷ lệ từ 0% đến 100%, ví dụ " + example + " (must be a share such as " + example + ")"
                        + (value != null && value.compareTo(BigDecimal.ONE) > 0 ? "; có phải ý là " + text.strip() + "%?" : ""));
                return Optional.empty();
            }
            return Optional.of(value);
        });
    }

    /** One constant of {@code type} by its name; any other text is reported in the words {@code refused} gives for it. */
    static <E extends Enum<E>> Optional<E> constant(YamlNode node, String what, Class<E> type, UnaryOperator<String> refused) {
        return node.text(what).flatMap(text -> {
            try {
                return Optional.of(Enum.valueOf(type, text));
            } catch (IllegalArgumentException e) {
                node.problem(refused.apply(text));
                return Optional.empty();
            }
        });
    }

    /**
     * A list of at least one constant of {@code type} by name; an unknown name is reported with the names there are.
     *
     * @param vietnamese what a constant is, in the problems ({@code loại đơn vị})
     * @param english    the same in English ({@code unit kind})
     */
    static <E extends Enum<E>> Set<E> constants(YamlNode node, String what, Class<E> type, String vietnamese, String english) {
        Set<E> values = EnumSet.noneOf(type);
        String unknown = vietnamese.substring(0, 1).toUpperCase(Locale.ROOT) + vietnamese.substring(1) + " không có: '";
        for (YamlNode item : node.items(what)) {
            constant(item, what, type, text -> unknown + text + "'; chọn một trong " + Arrays.toString(type.getEnumConstants())
                    + " (unknown " + english + ")").ifPresent(values::add);
        }
        if (values.isEmpty()) {
            node.problem(what + " phải có ít nhất một " + vietnamese + " (needs at least one " + english + ")");
        }
        return values;
    }
}
