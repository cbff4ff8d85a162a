package org.thidua.core.read;

import static org.thidua.core.read.FieldReader.orderedFlags;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.thidua.core.Campaign;
import org.thidua.core.CommuneOfficials;
import org.thidua.core.Discipline;
import org.thidua.core.Dossiers;
import org.thidua.core.EvaluationRequest;
import org.thidua.core.InputProblem;
import org.thidua.core.InvalidInputException;
import org.thidua.core.MalformedInputException;
import org.thidua.core.Member;
import org.thidua.core.MemberDossiers;
import org.thidua.core.MemberRole;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.core.Satisfaction;
import org.thidua.core.StaffTraining;
import org.thidua.core.TaskGrade;
import org.thidua.core.Unit;
import org.thidua.core.UnitKind;
import org.thidua.core.UnitReport;

import com.fasterxml.jackson.core.JsonProcessingException;
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
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // "{…} more" is not one JSON value
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100).build());
    }

    private static final List<String> REQUEST_FIELDS = List.of("campaign", "reports");
    private static final List<String> REPORT_FIELDS = List.of("unit", "satisfaction", "dossiers", "frontlineStaff",
            "communeOfficials", "portalPage", "indicators", "members");
    private static final List<String> MEMBER_FIELDS = List.of("id", "name", "role", "skillsTrained", "indicesTrained",
            "dossiers", "taskGrade", "discipline", "initiative");

    private final FieldReader fields = new FieldReader();

    /** Parses JSON text; not being JSON at all is a {@link MalformedInputException}. */
    public static JsonNode parse(InputStream json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new MalformedInputException(new InputProblem("$", "yêu cầu trống (the request body is empty)"));
            }
            return node;
        } catch (JsonProcessingException e) { // not JSON, or JSON followed by more
            var at = e.getLocation();
            String where = at == null ? "" : " ở dòng " + at.getLineNr() + ", cột " + at.getColumnNr();
            throw new MalformedInputException(new InputProblem("$", "không phải JSON hợp lệ" + where + ": "
                    + e.getOriginalMessage() + " (malformed JSON)"));
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
     * Reads a request in JSON contract v1 and checks it against the campaign it names ({@code campaignOverride}
     * replaces that; neither means the library's default): every problem of the request at once.
     *
     * @throws InvalidInputException with every refused value and its path
     * @throws org.thidua.core.RuleSetException when the campaign's rules did not compile
     */
    public static EvaluationRequest request(RuleLibrary library, JsonNode request, String campaignOverride) {
        List<InputProblem> found = new ArrayList<>();
        ContractText.unpairedSurrogates(request, "$", found);
        if (!found.isEmpty()) {
            throw new InvalidInputException(found); // before any message quotes the text back
        }
        String named = request.isObject() ? campaignOf(request, found) : null;
        RuleSet ruleSet = null;
        if (found.isEmpty()) {
            try {
                ruleSet = library.ruleSet(campaignOverride != null ? campaignOverride : named);
            } catch (InvalidInputException e) {
                found.addAll(e.problems()); // no such campaign, or none named and no default: said with the rest
            }
        }
        List<UnitReport> reports = reports(request, ruleSet == null ? null : ruleSet.campaign(), found);
        return new EvaluationRequest(ruleSet, reports);
    }

    /**
     * Reads the request's reports and checks them against the campaign; every problem of the request is
     * reported at once, and none of it is evaluated if any is refused.
     */
    public static List<UnitReport> reports(JsonNode request, Campaign campaign, List<InputProblem> earlier) {
        RequestReader reader = new RequestReader();
        reader.fields.problems().addAll(earlier);
        if (!request.isObject()) {
            reader.fields.problem("$", "phải là một đối tượng JSON {\"campaign\": …, \"reports\": […]} (must be a JSON object)");
            throw new InvalidInputException(reader.fields.problems());
        }
        reader.fields.unknownFields(request, "", REQUEST_FIELDS);
        JsonNode reports = request.get("reports");
        List<UnitReport> parsed = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        if (reports == null || !reports.isArray()) {
            reader.fields.problem("reports", "phải là một danh sách báo cáo của các đơn vị (must be a list of unit reports)");
        } else if (reports.isEmpty()) {
            reader.fields.problem("reports", "danh sách trống: cần ít nhất một báo cáo (needs at least one report)");
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
            reader.fields.problems().addAll(ReportChecks.check(campaign, parsed, positions, "reports"));
        }
        if (!reader.fields.problems().isEmpty()) {
            throw new InvalidInputException(reader.fields.problems());
        }
        return campaign == null ? parsed : new CheckedReports(campaign, parsed);
    }

    /**
     * Reads one report at a path. A report with problems comes back with only its unit and indicators (or as
     * {@code null} without a unit), so that the campaign's checks still report theirs: the request is refused
     * anyway, and every problem is reported at once.
     */
    UnitReport report(JsonNode node, String at) {
        if (!node.isObject()) {
            fields.problem(at, "phải là một đối tượng báo cáo {\"unit\": …} (must be an object)");
            return null;
        }
        int before = fields.problems().size();
        fields.unknownFields(node, at + ".", REPORT_FIELDS);
        Unit unit = unit(node.get("unit"), at + ".unit");
        Satisfaction satisfaction = fields.measure(node, at, "satisfaction", orderedFlags("surveyed", true, "satisfied", true),
                c -> fields.partOfWhole(c, at + ".satisfaction", "satisfied", "surveyed") ? new Satisfaction(c.get("surveyed"), c.get("satisfied")) : null);
        Dossiers dossiers = fields.measure(node, at, "dossiers", orderedFlags("early", true, "onTime", true, "late", true, "overdueInProgress", false),
                c -> new Dossiers(c.get("early"), c.get("onTime"), c.get("late"), c.getOrDefault("overdueInProgress", 0L)));
        StaffTraining staff = fields.measure(node, at, "frontlineStaff", orderedFlags("total", true, "trained", true),
                c -> fields.partOfWhole(c, at + ".frontlineStaff", "trained", "total") ? new StaffTraining(c.get("total"), c.get("trained")) : null);
        CommuneOfficials officials = fields.measure(node, at, "communeOfficials", orderedFlags("total", true, "trainedOnIndices", true),
                c -> fields.partOfWhole(c, at + ".communeOfficials", "trainedOnIndices", "total")
                        ? new CommuneOfficials(c.get("total"), c.get("trainedOnIndices")) : null);
        Boolean portalPage = fields.bool(node, at, "portalPage");
        Map<String, BigDecimal> indicators = indicators(node.get("indicators"), at + ".indicators");
        List<Member> members = members(node.get("members"), at + ".members");
        if (unit == null) {
            return null;
        }
        if (fields.problems().size() > before) {
            return UnitReport.of(unit).withIndicators(indicators).withMembers(members);
        }
        return new UnitReport(unit, satisfaction, dossiers, staff, officials, portalPage, indicators, members);
    }

    private List<Member> members(JsonNode node, String at) {
        List<Member> members = new ArrayList<>();
        if (node == null || node.isNull()) {
            return members;
        }
        if (!node.isArray()) {
            fields.problem(at, "phải là một danh sách cán bộ [{\"id\", \"name\", \"role\", …}] (must be a list of officials)");
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
            fields.problem(at, "phải là một đối tượng {\"id\", \"name\", \"role\", …} (must be an object)");
            return null;
        }
        int before = fields.problems().size();
        fields.unknownFields(node, at + ".", MEMBER_FIELDS);
        String id = fields.id(node, at, "id");
        String name = fields.name(node, at, "name");
        MemberRole role = fields.choice(node, at, "role", MemberRole.class, true);
        Boolean skills = fields.bool(node, at, "skillsTrained");
        Boolean indices = fields.bool(node, at, "indicesTrained");
        MemberDossiers dossiers = fields.measure(node, at, "dossiers", orderedFlags("handled", true, "late", true),
                c -> fields.partOfWhole(c, at + ".dossiers", "late", "handled") ? new MemberDossiers(c.get("handled"), c.get("late")) : null);
        TaskGrade grade = fields.choice(node, at, "taskGrade", TaskGrade.class, false);
        Discipline discipline = fields.choice(node, at, "discipline", Discipline.class, false);
        Boolean initiative = fields.bool(node, at, "initiative");
        if (fields.problems().size() > before || id == null || name == null || role == null) {
            return null;
        }
        return new Member(id, name, role, skills, indices, dossiers, grade, discipline, initiative);
    }

    private Unit unit(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            fields.problem(at, "thiếu thông tin đơn vị {\"id\", \"name\", \"kind\"} (required)");
            return null;
        }
        if (!node.isObject()) {
            fields.problem(at, "phải là một đối tượng {\"id\", \"name\", \"kind\"} (must be an object)");
            return null;
        }
        fields.unknownFields(node, at + ".", List.of("id", "name", "kind"));
        String id = fields.id(node, at, "id");
        String name = fields.name(node, at, "name");
        UnitKind kind = null;
        String kindText = fields.text(node, at, "kind");
        if (kindText != null) {
            try {
                kind = UnitKind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                fields.problem(at + ".kind", "loại đơn vị '" + kindText + "' không có; chọn một trong AGENCY, COMMUNE, WARD, TOWN"
                        + " (unknown kind)");
            }
        }
        return id == null || name == null || kind == null ? null : new Unit(id, name, kind);
    }

    private Map<String, BigDecimal> indicators(JsonNode node, String at) {
        Map<String, BigDecimal> indicators = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return indicators;
        }
        if (!node.isObject()) {
            fields.problem(at, "phải là một đối tượng {\"tênChỉSố\": số} (must be an object of named numbers)");
            return indicators;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                continue;
            }
            if (!field.getValue().isNumber()) {
                fields.problem(at + "." + field.getKey(), "phải là một số (must be a number), nhận được " + field.getValue());
                continue;
            }
            indicators.put(field.getKey(), field.getValue().decimalValue());
        }
        return indicators;
    }

}
