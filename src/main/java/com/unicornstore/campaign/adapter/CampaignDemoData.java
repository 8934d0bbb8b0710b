package com.unicornstore.campaign.adapter;

import com.unicornstore.campaign.application.LoadingCampaignFiles;
import com.unicornstore.platform.provisioning.DemoData;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Local profile: the campaigns of the rule files (the demo campaign of DESIGN.md among them) exist
 * as soon as the tables do, also after the local DynamoDB restarted empty; nothing stored is changed.
 */
public final class CampaignDemoData implements DemoData {

    private final LoadingCampaignFiles loading;
    private final CampaignFiles files;

    public CampaignDemoData(LoadingCampaignFiles loading, CampaignFiles files) {
        this.loading = loading;
        this.files = files;
    }

    @Override
    public void load() {
        try {
            loading.createMissing(files.current());
        } catch (IOException e) {
            throw new UncheckedIOException("a campaign rules file is unreadable", e);
        }
    }
}
