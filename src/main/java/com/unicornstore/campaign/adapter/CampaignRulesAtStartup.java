package com.unicornstore.campaign.adapter;

import com.unicornstore.campaign.application.LoadingCampaignFiles;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Applies the campaign rule files once every bean exists (so the local profile's tables too) and
 * before the HTTP server or any route starts: the first request already sees them.
 */
public final class CampaignRulesAtStartup implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignRulesAtStartup.class);

    private final LoadingCampaignFiles loading;
    private final CampaignFiles files;

    public CampaignRulesAtStartup(LoadingCampaignFiles loading, CampaignFiles files) {
        this.loading = loading;
        this.files = files;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            loading.loadAll(files.current());
        } catch (UncheckedIOException e) {
            LOG.warn("Campaign rules directory unreadable at start-up ({}); the rules watcher retries", e.toString());
        }
    }
}
