package com.unicornstore.campaign.adapter;

import com.unicornstore.campaign.application.LoadingCampaignFiles;
import com.unicornstore.platform.provisioning.DemoData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Local profile: the campaigns of the rule files (the demo campaign of DESIGN.md among them) exist
 * as soon as the tables do, also after the local DynamoDB restarted empty; nothing stored is changed.
 */
public final class CampaignDemoData implements DemoData {

    private final LoadingCampaignFiles loading;
    private final Path directory;

    public CampaignDemoData(LoadingCampaignFiles loading, Path directory) {
        this.loading = loading;
        this.directory = directory;
    }

    @Override
    public void load() {
        try {
            loading.createMissing(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("campaign rules directory " + directory + " is unreadable", e);
        }
    }
}
