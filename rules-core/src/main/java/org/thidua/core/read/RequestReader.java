package org.thidua.core.read;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.thidua.core.Campaign;
import org.thidua.core.CommuneOfficials;
import org.thidua.core.Discipline;
import org.thidua.core.Dossiers;
import org.thidua.core.InputProblem;
import org.thidua.core.InvalidInputException;
import org.thidua.core.MalformedInputException;
import org.thidua.core.Member;
import org.thidua.core.MemberDossiers;
import org.thidua.core.MemberRole;
import org.thidua.core.Satisfaction;
import org.thidua.core.StaffTraining;
import org.thidua.core.TaskGrade;
import org.thidua.core.Unit;
import org.thidua.core.UnitKind;
import org.thidua.core.UnitReport;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Reads reports in the shape of JSON contract v1, naming every refused value by its path
 * ({@code reports[3].satisfaction.satisfied}). Unknown fields are refused too: a misspelt measure would
 * otherwise silently become "no data".
 */
public final class RequestReader {
    /** The largest count a fact accepts (the count records check it too, without a field path). */
    private static final long MAX_COUNT = Integer.MAX_VALUE;

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100).build());
    }

    private static final List<String> REQUEST_FIELDS = List.of("campaign", "reports");
    private static final List<String> REPORT_FIELDS = List.of("unit", "satisfaction", "dossiers", "frontlineStaff",
            "communeOfficials", "portalPage", "indicators", "members");
    private static final List<String> MEMBER_FIELDS = List.of("id", "name", "role", "skillsTrained", "indicesTrained",
            "dossiers", "taskGrade", "discipline", "initiative");

    private final List<InputProblem> problems = new ArrayList<>();

    /** Parses JSON text; not being JSON at all is a {@link MalformedInputException}. */
    public static JsonNode parse(InputStream json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new MalformedInputException(new InputProblem("$", "yêu cầu trống (the request body is empty)"));
            }
            return node;
        } catch (JsonParseException e) {
            var at = e.getLocation();
            throw new MalformedInputException(new InputProblem("$", "không phải JSON hợp lệ ở dòng " + at.getLineNr()
                    + ", cột " + at.getColumnNr() + ": " + e.getOriginalMessage() + " (malformed JSON)"));
        } catch (IOException e) {
            throw new MalformedInputException(new InputProblem("$", "không đọc được yêu cầu: " + e.getMessage()));
        }
    }

    /** The request's campaign id, or {@code null} when left out; problems are added for a wrong type. */
    public static String campaignOf(JsonNode request, List<InputProblem> problems) {
        JsonNode campaign = request.get("campaign");
        if (campaign == null || campaign.isNull()) {
            return null;
        }
        if (!campaign.isTextual() || campaign.asText().isBlank()) {
            problems.add(new InputProblem("campaign", "phải là mã chiến dịch, một chuỗi (must be a campaign id)"));
            return null;
        }
        return campaign.asText();
    }

    /**
     * Reads the request's reports and checks them against the campaign; every problem of the request is
     * reported at once, and none of it is evaluated if any is refused.
     */
    public static List<UnitReport> reports(JsonNode request, Campaign campaign, List<InputProblem> earlier) {
        RequestReader reader = new RequestReader();
        reader.problems.addAll(earlier);
        if (!request.isObject()) {
            reader.problem("$", "phải là một đối tượng JSON {\"campaign\": …, \"reports\": […]} (must be a JSON object)");
            throw new InvalidInputException(reader.problems);
        }
        reader.unknownFields(request, "", REQUEST_FIELDS);
        JsonNode reports = request.get("reports");
        List<UnitReport> parsed = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        if (reports == null || !reports.isArray()) {
            reader.problem("reports", "phải là một danh sách báo cáo của các đơn vị (must be a list of unit reports)");
        } else if (reports.isEmpty()) {
            reader.problem("reports", "danh sách trống: cần ít nhất một báo cáo (needs at least one report)");
        } else {
            for (int i = 0; i < reports.size(); i++) {
                UnitReport report = reader.report(reports.get(i), "reports[" + i + "]");
                if (report != null) {
                    parsed.add(report);
                    positions.add(i);
                }
            }
        }
        if (campaign != null) {
            reader.problems.addAll(ReportChecks.check(campaign, parsed, positions, "reports"));
        }
        if (!reader.problems.isEmpty()) {
            throw new InvalidInputException(reader.problems);
        }
        return parsed;
    }

    /**
     * Reads one report at a path. A report with problems comes back with only its unit and indicators (or as
     * {@code null} without a unit), so that the campaign's checks still report theirs: the request is refused
     * anyway, and every problem is reported at once.
     */
    UnitReport report(JsonNode node, String at) {
        if (!node.isObject()) {
            problem(at, "phải là một đối tượng báo cáo {\"unit\": …} (must be an object)");
            return null;
        }
        int before = problems.size();
        unknownFields(node, at + ".", REPORT_FIELDS);
        Unit unit = unit(node.get("unit"), at + ".unit");
        Satisfaction satisfaction = measure(node, at, "satisfaction", orderedFlags("surveyed", true, "satisfied", true),
                c -> partOfWhole(c, at + ".satisfaction", "satisfied", "surveyed") ? new Satisfaction(c.get("surveyed"), c.get("satisfied")) : null);
        Dossiers dossiers = measure(node, at, "dossiers", orderedFlags("early", true, "onTime", true, "late", true, "overdueInProgress", false),
                c -> new Dossiers(c.get("early"), c.get("onTime"), c.get("late"), c.getOrDefault("overdueInProgress", 0L)));
        StaffTraining staff = measure(node, at, "frontlineStaff", orderedFlags("total", true, "trained", true),
                c -> partOfWhole(c, at + ".frontlineStaff", "trained", "total") ? new StaffTraining(c.get("total"), c.get("trained")) : null);
        CommuneOfficials officials = measure(node, at, "communeOfficials", orderedFlags("total", true, "trainedOnIndices", true),
                c -> partOfWhole(c, at + ".communeOfficials", "trainedOnIndices", "total")
                        ? new CommuneOfficials(c.get("total"), c.get("trainedOnIndices")) : null);
        Boolean portalPage = bool(node, at, "portalPage");
        Map<String, BigDecimal> indicators = indicators(node.get("indicators"), at + ".indicators");
        List<Member> members = members(node.get("members"), at + ".members");
        if (unit == null) {
            return null;
        }
        if (problems.size() > before) {
            return UnitReport.of(unit).withIndicators(indicators).withMembers(members);
        }
        return new UnitReport(unit, satisfaction, dossiers, staff, officials, portalPage, indicators, members);
    }

    /** A true/false field; {@code null} when absent. */
    private Boolean bool(JsonNode parent, String at, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            problem(at + "." + field, "phải là true hoặc false (must be true or false)");
            return null;
        }
        return value.booleanValue();
    }

    private List<Member> members(JsonNode node, String at) {
        List<Member> members = new ArrayList<>();
        if (node == null || node.isNull()) {
            return members;
        }
        if (!node.isArray()) {
            problem(at, "phải là một danh sách cán bộ [{\"id\", \"name\", \"role\", …}] (must be a list of officials)");
            return members;
        }
        for (int i = 0; i < node.size(); i++) {
            Member member = member(node.get(i), at + "[" + i + "]");
            if (member != null) {
                members.add(member);
            }
        }
        return members;
    }

    private Member member(JsonNode node, String at) {
        if (!node.isObject()) {
            problem(at, "phải là một đối tượng {\"id\", \"name\", \"role\", …} (must be an object)");
            return null;
        }
        int before = problems.size();
        unknownFields(node, at + ".", MEMBER_FIELDS);
        String id = text(node, at, "id");
        String name = text(node, at, "name");
        MemberRole role = choice(node, at, "role", MemberRole.class, true);
        Boolean skills = bool(node, at, "skillsTrained");
        Boolean indices = bool(node, at, "indicesTrained");
        MemberDossiers dossiers = measure(node, at, "dossiers", orderedFlags("handled", true, "late", true),
                c -> partOfWhole(c, at + ".dossiers", "late", "handled") ? new MemberDossiers(c.get("handled"), c.get("late")) : null);
        TaskGrade grade = choice(node, at, "taskGrade", TaskGrade.class, false);
        Discipline discipline = choice(node, at, "discipline", Discipline.class, false);
        Boolean initiative = bool(node, at, "initiative");
        if (problems.size() > before || id == null || name == null || role == null) {
            return null;
        }
        return new Member(id, name, role, skills, indices, dossiers, grade, discipline, initiative);
    }

    /** One of an enum's names; {@code null} when absent (a problem if required) or unknown. */
    private <E extends Enum<E>> E choice(JsonNode parent, String at, String field, Class<E> type, boolean required) {
        JsonNode value = parent.get(field);
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (value == null || value.isNull()) {
            if (required) {
                problem(at + "." + field, "bắt buộc, một trong " + String.join(", ", names) + " (required)");
            }
            return null;
        }
        if (value.isTextual() && names.contains(value.asText())) {
            return Enum.valueOf(type, value.asText());
        }
        problem(at + "." + field, "giá trị " + value + " không có; chọn một trong " + String.join(", ", names) + " (unknown value)");
        return null;
    }

    private Unit unit(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            problem(at, "thiếu thông tin đơn vị {\"id\", \"name\", \"kind\"} (required)");
            return null;
        }
        if (!node.isObject()) {
            problem(at, "phải là một đối tượng {\"id\", \"name\", \"kind\"} (must be an object)");
            return null;
        }
        unknownFields(node, at + ".", List.of("id", "name", "kind"));
        String id = text(node, at, "id");
        String name = text(node, at, "name");
        UnitKind kind = null;
        String kindText = text(node, at, "kind");
        if (kindText != null) {
            try {
                kind = UnitKind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                problem(at + ".kind", "loại đơn vị '" + kindText + "' không có; chọn một trong AGENCY, COMMUNE, WARD, TOWN"
                        + " (unknown kind)");
            }
        }
        return id == null || name == null || kind == null ? null : new Unit(id, name, kind);
    }

    private String text(JsonNode parent, String at, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            problem(at + "." + field, "bắt buộc (required)");
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problem(at + "." + field, "phải là một chuỗi không trống (must be non-empty text)");
            return null;
        }
        return node.asText();
    }

    /** Reads a measure made of counts; {@code null} when absent or refused. */
    private <T> T measure(JsonNode report, String at, String name, Map<String, Boolean> requiredByCount,
                          Function<Map<String, Long>, T> build) {
        JsonNode node = report.get(name);
        String path = at + "." + name;
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problem(path, "phải là một đối tượng gồm " + requiredByCount.keySet() + " (must be an object)");
            return null;
        }
        unknownFields(node, path + ".", List.copyOf(requiredByCount.keySet()));
        Map<String, Long> counts = new LinkedHashMap<>();
        boolean complete = true;
        for (Map.Entry<String, Boolean> count : requiredByCount.entrySet()) {
            JsonNode value = node.get(count.getKey());
            if (value == null || value.isNull()) {
                if (count.getValue()) {
                    problem(path + "." + count.getKey(), "bắt buộc (required)");
                    complete = false;
                }
                continue;
            }
            Long parsed = count(value, path + "." + count.getKey());
            if (parsed == null) {
                complete = false;
            } else {
                counts.put(count.getKey(), parsed);
            }
        }
        return complete ? build.apply(counts) : null;
    }

    private Long count(JsonNode value, String at) {
        if (!value.isIntegralNumber()) {
            problem(at, "phải là một số nguyên không âm (must be a whole number ≥ 0), nhận được " + value);
            return null;
        }
        java.math.BigInteger number = value.bigIntegerValue();
        if (number.signum() < 0) {
            problem(at, "không được âm, nhận được " + number + " (must not be negative)");
            return null;
        }
        if (number.compareTo(java.math.BigInteger.valueOf(MAX_COUNT)) > 0) {
            problem(at, "quá lớn: tối đa " + MAX_COUNT + ", nhận được " + number + " (too large)");
            return null;
        }
        return number.longValue();
    }

    private boolean partOfWhole(Map<String, Long> counts, String at, String part, String whole) {
        if (counts.get(part) > counts.get(whole)) {
            problem(at + "." + part, part + " (" + counts.get(part) + ") không được lớn hơn " + whole + " (" + counts.get(whole)
                    + ") (must not exceed " + whole + ")");
            return false;
        }
        return true;
    }

    private Map<String, BigDecimal> indicators(JsonNode node, String at) {
        Map<String, BigDecimal> indicators = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return indicators;
        }
        if (!node.isObject()) {
            problem(at, "phải là một đối tượng {\"tênChỉSố\": số} (must be an object of named numbers)");
            return indicators;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                continue;
            }
            if (!field.getValue().isNumber()) {
                problem(at + "." + field.getKey(), "phải là một số (must be a number), nhận được " + field.getValue());
                continue;
            }
            indicators.put(field.getKey(), field.getValue().decimalValue());
        }
        return indicators;
    }

    private void unknownFields(JsonNode node, String prefix, List<String> known) {
        Set<String> allowed = Set.copyOf(known);
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problem(prefix + name, "trường không được biết; các trường hợp lệ: " + String.join(", ", known) + " (unknown field)");
            }
        });
    }

    private void problem(String path, String message) {
        problems.add(new InputProblem(path, message));
    }

    private static Map<String, Boolean> orderedFlags(Object... pairs) {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            flags.put((String) pairs[i], (Boolean) pairs[i + 1]);
        }
        return flags;
    }
}
