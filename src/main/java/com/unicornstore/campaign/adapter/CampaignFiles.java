package com.unicornstore.campaign.adapter;

import com.unicornstore.campaign.application.CampaignFile;
import com.unicornstore.platform.files.HomeFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaign files that apply: those of the rules directory ({@code unicorn.campaigns.rules-dir})
 * when it exists, else the ones the jar ships ({@code campaign-rules/} in the jar), so that
 * {@code java -jar} from any folder still has the demo campaign. An existing directory is the whole
 * truth: a shipped campaign it leaves out is not applied.
 */
public final class CampaignFiles {

    static final String FOLDER = "campaign-rules";
    private static final String SUFFIX = ".json";
    private static final Logger LOG = LoggerFactory.getLogger(CampaignFiles.class);

    private final Path directory;
    private final String packaged;

    /** @param packaged the jar's folder of the default files, normally {@value #FOLDER} */
    public CampaignFiles(Path directory, String packaged) {
        this.directory = directory;
        this.packaged = packaged;
    }

    /** The files in name order. */
    public List<CampaignFile> current() {
        if (Files.isDirectory(directory)) {
            return HomeFiles.inDirectory(directory, SUFFIX).stream()
                    .map(file -> new CampaignFile(file.getFileName().toString(),
                            () -> Files.readString(file, StandardCharsets.UTF_8)))
                    .toList();
        }
        LOG.info("No campaign rules directory at {}: the jar's campaign files apply", directory.toAbsolutePath());
        return HomeFiles.packaged(packaged, SUFFIX).entrySet().stream()
                .map(entry -> new CampaignFile(entry.getKey(),
                        () -> entry.getValue().getContentAsString(StandardCharsets.UTF_8)))
                .toList();
    }
}
