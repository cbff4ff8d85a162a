package org.thidua.service.sheets;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads cell values as staff type them. Each method returns the value, or throws {@link IllegalArgumentException}
 * whose message says what the cell should hold.
 *
 * <ul>
 *   <li>whole numbers: {@code 1520}, {@code 1.520} or {@code 1 520} (dots or spaces group thousands);</li>
 *   <li>decimals: {@code 0,85} (comma), {@code 0.85} when the dot cannot be a thousands
 *       separator ({@code 1.520} is refused as ambiguous), {@code 85%};</li>
 *   <li>yes/no: Có / Không (also C, K, x, yes, no, true, false, 1, 0);</li>
 *   <li>dates: {@code 30/11/2021} (also {@code 30-11-2021}, {@code 2021-11-30}, a time after a space is ignored),
 *       or an XLSX date cell.</li>
 * </ul>
 */
public final class CellValues {
    private static final Pattern GROUPED = Pattern.compile("[1-9]\\d{0,2}([. ]\\d{3})+");
    private static final Pattern AMBIGUOUS = Pattern.compile("-?[1-9]\\d{0,2}\\.\\d{3}");
    private static final Pattern DIGITS = Pattern.compile("-?\\d+");
    private static final List<String> YES = List.of("co", "c", "x", "yes", "y", "true", "1", "dat");
    private static final List<String> NO = List.of("khong", "k", "no", "n", "false", "0", "chua");
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ISO_LOCAL_DATE);

    private CellValues() {
    }

    /** A whole number (sign kept: the library says why a negative count is refused). */
    public static BigInteger wholeNumber(SheetCell cell) {
        if (cell.number() != null) {
            try {
                return cell.number().toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("phải là số nguyên, nhận được " + cell.text() + " (must be a whole number)");
            }
        }
        String text = cell.text().replace('\u00A0', ' ');
        if (GROUPED.matcher(text).matches()) {
            text = text.replace(".", "").replace(" ", "");
        }
        if (!DIGITS.matcher(text).matches()) {
            throw new IllegalArgumentException("phải là số nguyên (ví dụ 1520 hoặc 1.520), nhận được «" + cell.text()
                    + "» (must be a whole number)");
        }
        return new BigInteger(text);
    }

    /** A decimal number. */
    public static BigDecimal decimal(SheetCell cell) {
        if (cell.number() != null) {
            return cell.number();
        }
        String text = cell.text().replace('\u00A0', ' ').replace(" ", "");
        boolean percent = text.endsWith("%");
        if (percent) {
            text = text.substring(0, text.length() - 1);
        }
        if (!text.contains(",") && AMBIGUOUS.matcher(text).matches()) {
            throw new IllegalArgumentException("«" + cell.text() + "» không rõ là số nguyên hay số thập phân: viết "
                    + text.replace(".", "") + " hoặc " + text.replace('.', ',') + " (ambiguous: 1.520 or 1,52?)");
        }
        if (text.contains(",")) {
            text = text.replace(".", "").replace(',', '.');
        } else if (GROUPED.matcher(text).matches() && text.indexOf('.') != text.lastIndexOf('.')) {
            text = text.replace(".", "");
        }
        try {
            BigDecimal value = new BigDecimal(text);
            return percent ? value.movePointLeft(2) : value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("phải là một số (ví dụ 0,85 hoặc 85%), nhận được «" + cell.text()
                    + "» (must be a number)");
        }
    }

    /** Có / Không. */
    public static boolean yesNo(SheetCell cell) {
        String key = HeaderName.key(cell.text());
        if (cell.number() != null) {
            key = cell.number().signum() == 0 ? "0" : "1";
        }
        if (YES.contains(key)) {
            return true;
        }
        if (NO.contains(key)) {
            return false;
        }
        throw new IllegalArgumentException("phải là Có hoặc Không, nhận được «" + cell.text() + "» (must be yes or no)");
    }

    /** A date as Vietnamese readers write it: 30/11/2021. */
    public static String format(LocalDate date) {
        return DAY_MONTH_YEAR.format(date);
    }

    /** A calendar date; a time of day, if any, is dropped. */
    public static LocalDate date(SheetCell cell) {
        if (cell.date() != null) {
            return cell.date().toLocalDate();
        }
        String text = cell.text();
        int space = text.indexOf(' ');
        int t = text.indexOf('T');
        String day = space > 0 ? text.substring(0, space) : t == 10 ? text.substring(0, t) : text;
        // the common shapes first, without an exception per row (a million rows of ISO dates must stay fast)
        List<DateTimeFormatter> formats = day.length() == 10 && day.charAt(4) == '-' ? List.of(DateTimeFormatter.ISO_LOCAL_DATE) : DATES;
        for (DateTimeFormatter format : formats) {
            try {
                return LocalDate.parse(day, format);
            } catch (DateTimeParseException ignored) {
                // try the next way of writing a date
            }
        }
        String problem = "phải là ngày dạng ngày/tháng/năm, ví dụ 30/11/2021, nhận được «" + text + "» (must be a date)";
        try {
            DATES.get(0).parse(day);
        } catch (DateTimeException e) {
            if (day.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                problem = "không có ngày " + day + " (đọc theo ngày/tháng/năm; no such date)";
            }
        }
        throw new IllegalArgumentException(problem);
    }
}
