package org.thidua.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.thidua.core.RuleLibrary;

/** The default campaign as bundled on the class path (in the benchmarks jar, or the rules module's output). */
final class Campaigns {
    static final String DEFAULT = "thach-that-cchc-2021";

    private Campaigns() {
    }

    /** The folder of the default campaign, to compile it again and again. */
    static Path defaultCampaignFolder() {
        URL marker = Campaigns.class.getClassLoader().getResource(RuleLibrary.BUNDLED_ROOT + "/" + DEFAULT + "/campaign.yaml");
        if (marker == null) {
            throw new IllegalStateException("the bundled campaigns are not on the class path");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    // opened before: Path.of below finds it
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open " + marker, e);
        }
    }

    /**
     * The default campaign with its five unit criteria alone, the ones the peers decide, in a new temporary folder:
     * without the officials' criteria and titles it also decides (campaign.yaml's {@code memberCriteria} and
     * {@code titles}, its last two sections; {@code criteria/members.drl}; {@code titles/}) and without its tests.
     */
    static Path fiveCriteriaFolder() {
        Path from = defaultCampaignFolder();
        try {
            Path to = Files.createTempDirectory("thidua-five-criteria").resolve(DEFAULT);
            List<Path> files;
            try (Stream<Path> walk = Files.walk(from)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                String relative = from.relativize(file).toString();
                if (relative.equals("criteria/members.drl") || relative.startsWith("titles/") || relative.startsWith("tests/")) {
                    continue;
                }
                Path target = to.resolve(relative);
                Files.createDirectories(target.getParent());
                String text = Files.readString(file);
                if (relative.equals("campaign.yaml")) {
                    int members = text.indexOf("\nmemberCriteria:");
                    if (members < 0) {
                        throw new IllegalStateException(DEFAULT + "/campaign.yaml has no memberCriteria section to leave out");
                    }
                    text = text.substring(0, members + 1);
                }
                Files.writeString(target, text);
            }
            return to;
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy the campaign " + DEFAULT, e);
        }
    }
}
