package org.thidua.service.rounds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.thidua.core.Campaign;
import org.thidua.core.json.ContractV1;
import org.thidua.service.report.VietnamTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads what people send to a round (texts, deadlines, evidence), every fault at its place, Vietnamese first. A
 * deadline given as a date means the end of that day in Vietnam; one given with a time carries its own offset, and
 * both become an instant, so comparing them does not depend on the machine's zone.
 */
final class RoundRequests {
    static final int SHORT = 200;
    static final int LONG = 2000;
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private RoundRequests() {
    }

    /** Why a text is refused (empty, too long, a control or direction character), or {@code null}. */
    static String textProblem(String text, int max) {
        if (text == null || text.isBlank()) {
            return "không được để trống (must not be empty)";
        }
        if (text.length() > max) {
            return "dài quá " + max + " ký tự (longer than " + max + " characters)";
        }
        for (int i = 0; i < text.length(); i++) {
            int type = Character.getType(text.charAt(i));
            if (type == Character.CONTROL || type == Character.FORMAT) {
                return "có ký tự điều khiển ở vị trí " + (i + 1) + " (a control or direction character)";
            }
        }
        return null;
    }

    static void text(List<RoundException.Fault> faults, String path, String text, int max) {
        String problem = textProblem(text, max);
        if (problem != null) {
            faults.add(new RoundException.Fault(path, problem));
        }
    }

    /** A deadline: {@code 2026-12-15} (end of that day, Vietnam time) or {@code 2026-12-15T17:00:00+07:00}. */
    static Instant deadline(String text) {
        if (text == null || text.isBlank()) {
            throw RoundException.invalid("deadline", "cần hạn nộp, ví dụ 2026-12-15 hoặc 2026-12-15T17:00:00+07:00"
                    + " (a deadline is required)");
        }
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException notATime) {
            LocalDate day = date(trimmed);
            if (day == null) {
                throw RoundException.invalid("deadline", "'" + trimmed + "' không phải ngày hay thời điểm; ví dụ 2026-12-15 hoặc"
                        + " 2026-12-15T17:00:00+07:00 (expected a date or a date-time with its offset)");
            }
            return day.atTime(LocalTime.of(23, 59, 59, 999_000_000)).atZone(VietnamTime.ZONE).toInstant();
        }
    }

    /** A date as ISO ({@code 2026-11-20}) or as Vietnamese write it ({@code 20/11/2026}); {@code null} when neither. */
    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text, VIETNAMESE_DATE);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    static List<String> units(List<String> units) {
        List<RoundException.Fault> faults = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            int at = i;
            ContractV1.idProblem(units.get(i)).ifPresent(p -> faults.add(new RoundException.Fault("units[" + at + "]", p)));
        }
        if (!faults.isEmpty()) {
            throw RoundException.invalid(faults);
        }
        return units.stream().distinct().sorted().toList();
    }

    /**
     * The evidence of a submission: an array (absent means none) of {@code {criterion, number, symbol, issuedOn,
     * summary, link?}}, each for one of the campaign's criteria.
     */
    static List<Evidence> evidence(JsonNode array, Campaign campaign, List<RoundException.Fault> faults) {
        List<Evidence> evidence = new ArrayList<>();
        if (array == null || array.isNull() || array.isMissingNode()) {
            return evidence;
        }
        if (!array.isArray()) {
            faults.add(new RoundException.Fault("evidence", "phải là một mảng (must be an array)"));
            return evidence;
        }
        Set<String> criteria = new java.util.TreeSet<>();
        campaign.criteria().forEach(c -> criteria.add(c.id()));
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String at = "evidence[" + i + "]";
            if (!item.isObject()) {
                faults.add(new RoundException.Fault(at, "phải là một đối tượng (must be an object)"));
                continue;
            }
            int before = faults.size();
            String criterion = item.path("criterion").asText(null);
            if (criterion == null || !criteria.contains(criterion)) {
                faults.add(new RoundException.Fault(at + ".criterion", "'" + criterion + "' không phải tiêu chí của chiến dịch; các tiêu chí: "
                        + criteria + " (not a criterion of the campaign)"));
            }
            text(faults, at + ".number", item.path("number").asText(null), SHORT);
            text(faults, at + ".symbol", item.path("symbol").asText(null), SHORT);
            text(faults, at + ".summary", item.path("summary").asText(null), LONG);
            String issued = item.path("issuedOn").asText(null);
            LocalDate issuedOn = issued == null ? null : date(issued.trim());
            if (issuedOn == null) {
                faults.add(new RoundException.Fault(at + ".issuedOn", "cần ngày ban hành, ví dụ 2026-11-20 hoặc 20/11/2026, đã nhận '"
                        + issued + "' (expected the date the document was issued)"));
            }
            String link = item.hasNonNull("link") ? item.get("link").asText() : null;
            if (link != null && (textProblem(link, LONG) != null || !link.matches("(?i)https?://\\S+"))) {
                faults.add(new RoundException.Fault(at + ".link", "phải là địa chỉ http:// hoặc https:// (must be an http(s) address)"));
            }
            if (faults.size() == before) {
                evidence.add(new Evidence(criterion, item.get("number").asText(), item.get("symbol").asText(), issuedOn,
                        item.get("summary").asText(), link));
            }
        }
        return evidence;
    }
}
