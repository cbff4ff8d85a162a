package org.thidua.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

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
}
