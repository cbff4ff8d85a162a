package org.thidua.service.imports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The period figures are counted for, both ends included: {@code 2021}, or {@code 2021-01-01..2021-11-30}. */
public record Period(LocalDate from, LocalDate to) {
    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("kỳ " + from + ".." + to + ": ngày cuối trước ngày đầu (the period ends before it starts)");
        }
    }

    public static Period parse(String text) {
        try {
            if (text.matches("\\d{4}")) {
                int year = Integer.parseInt(text);
                return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            String[] ends = text.split("\\.\\.");
            if (ends.length == 2) {
                return new Period(LocalDate.parse(ends[0].strip()), LocalDate.parse(ends[1].strip()));
            }
        } catch (DateTimeParseException e) {
            // fall through to the message saying how to write it
        }
        throw new IllegalArgumentException("kỳ «" + text + "» không đọc được: ghi năm (2021) hoặc từ..đến (2021-01-01..2021-11-30)"
                + " (write a year or FROM..TO)");
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
