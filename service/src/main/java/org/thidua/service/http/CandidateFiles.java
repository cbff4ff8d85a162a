package org.thidua.service.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.thidua.core.InputProblem;
import org.thidua.core.InvalidInputException;
import org.thidua.core.RuleSet;
import org.thidua.service.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A candidate edit of a campaign sent over HTTP: {@code {"files": {"criteria/x.drl": "…", …}}}, paths relative to the
 * campaign folder. The files given replace (or add to) the live version's rule files; a file given as {@code null} is
 * left out. The candidate is compiled in a temporary folder of its own, deleted afterwards: the live rules are never
 * touched. A spreadsheet ({@code criteria.xlsx}, {@code criteria.ods}) is sent as text the way it is stored:
 * {@code base64:} and its bytes in Base64.
 */
public final class CandidateFiles {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private CandidateFiles() {
    }

    /**
     * Reads the request body's files over the live version's.
     *
     * @throws InvalidInputException naming each refused path ({@code files["../x"]}) or field
     */
    static SortedMap<String, String> read(JsonNode body, Map<String, String> liveFiles) {
        List<InputProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidInputException(List.of(new InputProblem("$", "cần một đối tượng {\"files\": {…}} (expected an object)")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("files")) {
                problems.add(new InputProblem(name, "trường không được hỗ trợ; chỉ có \"files\" (unknown field)"));
            }
        }
        JsonNode files = body.get("files");
        if (files == null || !files.isObject()) {
            problems.add(new InputProblem("files", "cần một đối tượng: đường dẫn tệp → nội dung (expected an object of path → content)"));
            throw new InvalidInputException(problems);
        }
        SortedMap<String, String> candidate = new TreeMap<>(liveFiles);
        files.fields().forEachRemaining(entry -> {
            String path = entry.getKey();
            String where = "files[" + Json.write(path) + "]";
            String refused = refusal(path);
            if (refused != null) {
                problems.add(new InputProblem(where, refused));
            } else if (entry.getValue().isNull()) {
                candidate.remove(path);
            } else if (!entry.getValue().isTextual()) {
                problems.add(new InputProblem(where, "nội dung tệp phải là chuỗi UTF-8, hoặc null để bỏ tệp (expected text, or null to leave the file out)"));
            } else {
                candidate.put(path, entry.getValue().asText());
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return candidate;
    }

    /** Why a path is refused, or {@code null} when it is a campaign file inside the folder. */
    static String refusal(String path) {
        if (path.isEmpty()) {
            return "đường dẫn rỗng (empty path)";
        }
        if (path.startsWith("/") || path.contains("\\") || DRIVE.matcher(path).matches()) {
            return "chỉ nhận đường dẫn tương đối với thư mục chiến dịch, dùng '/' (absolute paths are refused)";
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "đường dẫn có ký tự điều khiển (control character in the path)";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "đường dẫn không được có '..', '.' hay '//' (the path must stay inside the campaign folder)";
            }
        }
        boolean campaignFile = path.equals("campaign.yaml") || path.endsWith(".drl")
                || path.equals("criteria.xlsx") || path.equals("criteria.ods") || path.equals("criteria.csv")
                || (path.startsWith("tests/") && (path.endsWith(".yaml") || path.endsWith(".yml")));
        if (!campaignFile) {
            return "không phải tệp của chiến dịch: campaign.yaml, criteria.xlsx/.ods/.csv, *.drl hoặc tests/*.yaml (not a campaign file)";
        }
        return null;
    }

    /**
     * Compiles the files as the campaign {@code campaignId}, in a temporary folder named after it, then deletes it.
     *
     * @throws org.thidua.core.RuleSetException with every problem, as {@code file:line:column}
     */
    static RuleSet compile(String campaignId, Map<String, String> files) {
        Path root;
        try {
            root = Files.createTempDirectory("thidua-preview-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make a temporary folder for the candidate", e);
        }
        try {
            Path folder = root.resolve(campaignId);
            Files.createDirectories(folder);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = folder.resolve(file.getKey()).normalize();
                if (!target.startsWith(folder) || refusal(file.getKey()) != null) {
                    throw new IllegalArgumentException("refused path " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
            return RuleSet.load(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the candidate's files", e);
        } finally {
            delete(root);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(CandidateFiles.class).warn("Không xóa được thư mục tạm {} (cannot delete): {}", root,
                    e.getMessage());
        }
    }
}
