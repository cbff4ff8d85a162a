package org.thidua.core.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.thidua.core.RuleProblem;

/**
 * The text of one campaign folder: {@code campaign.yaml}, its {@code *.drl} files and its rule tests, by path
 * relative to the folder (with {@code /}). Works the same for a folder on disk and one inside a jar.
 */
public record CampaignFiles(String folder, SortedMap<String, String> files) {
    public static final String TESTS = "tests/";

    public CampaignFiles {
        files = new TreeMap<>(files);
    }

    /** Reads a campaign folder; files that are not UTF-8 are reported, not garbled. */
    public static CampaignFiles read(Path folder, List<RuleProblem> problems) {
        String name = folder.getFileName().toString().replaceAll("/$", "");
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                if (!isCampaignFile(relative)) {
                    continue;
                }
                if (relative.endsWith(".xlsx") || relative.endsWith(".ods")) {
                    files.put(relative, binary(Files.readAllBytes(path)));
                    continue;
                }
                try {
                    files.put(relative, StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString().replaceFirst("^\uFEFF", ""));
                } catch (CharacterCodingException e) {
                    problems.add(new RuleProblem(name, relative, 0, 0,
                            "Tệp không phải UTF-8: hãy lưu lại với bảng mã UTF-8 (the file is not UTF-8)"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read campaign folder " + folder, e);
        }
        return new CampaignFiles(name, files);
    }

    /**
     * A spreadsheet's bytes as text, so that every campaign file is text (stored, hashed and sent the same way):
     * {@code base64:} and the bytes in Base64. A file already written that way (a stored version written back) is kept.
     */
    static String binary(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, BASE64.length()), StandardCharsets.ISO_8859_1);
        return text.equals(BASE64) ? new String(bytes, StandardCharsets.ISO_8859_1).strip()
                : BASE64 + java.util.Base64.getEncoder().encodeToString(bytes);
    }

    /** The bytes of a file: a spreadsheet's from its Base64, any other's in UTF-8. */
    public byte[] bytes(String path) {
        String text = files.get(path);
        if (text.startsWith(BASE64)) {
            try {
                return java.util.Base64.getDecoder().decode(text.substring(BASE64.length()).strip());
            } catch (IllegalArgumentException e) {
                return new byte[0];
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final String BASE64 = "base64:";

    /** Whether a path is one of a campaign's files: campaign.yaml, the criteria sheet, DRL, rule tests. */
    public static boolean isCampaignFile(String relative) {
        return relative.equals(CampaignReader.FILE) || relative.endsWith(".drl") || CriteriaSheet.FILES.contains(relative)
                || (relative.startsWith(TESTS) && (relative.endsWith(".yaml") || relative.endsWith(".yml")));
    }

    /** The files that decide results: the description and the rules, not the tests. */
    public SortedMap<String, String> ruleFiles() {
        SortedMap<String, String> rules = new TreeMap<>(files);
        rules.keySet().removeIf(path -> path.startsWith(TESTS));
        return rules;
    }

    public Map<String, String> drlFiles() {
        SortedMap<String, String> drl = new TreeMap<>(ruleFiles());
        drl.keySet().removeIf(path -> !path.endsWith(".drl"));
        return drl;
    }

    public SortedMap<String, String> testFiles() {
        SortedMap<String, String> tests = new TreeMap<>(files);
        tests.keySet().removeIf(path -> !path.startsWith(TESTS));
        return tests;
    }

    /** {@code sha256:} of every rule file's path and content, in path order. */
    public String version() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ruleFiles().forEach((path, text) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
