package org.thidua.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small campaign folders for tests: one criterion, SATISFACTION, and the DRL the test gives. */
final class TestCampaigns {
    static final String CAMPAIGN_YAML = """
            id: %s
            title: Chiến dịch thử
            unitKinds: [AGENCY, COMMUNE]
            indicators:
              - id: digitizedShare
                title: Tỷ lệ hồ sơ được số hóa
                min: 0
                max: 1
            criteria:
              - id: SATISFACTION
                title: Mức độ hài lòng
                points: 100
            grades:
              - code: DAT
                label: Đạt
                minScore: 50
              - code: KHONG_DAT
                label: Không đạt
                minScore: 0
            """;

    private TestCampaigns() {
    }

    /** A campaign folder {@code id} under {@code root} with {@code criteria/<file>} holding {@code drl}. */
    static Path write(Path root, String id, String file, String drl) {
        try {
            Path folder = root.resolve(id);
            Files.createDirectories(folder.resolve("criteria"));
            Files.writeString(folder.resolve("campaign.yaml"), CAMPAIGN_YAML.formatted(id), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("criteria").resolve(file), drl, StandardCharsets.UTF_8);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a test resource, for example {@code gate/system-exit.drl}. */
    static String resource(String path) {
        try (var in = TestCampaigns.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
