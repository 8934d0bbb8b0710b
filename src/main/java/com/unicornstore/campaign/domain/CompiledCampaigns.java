package com.unicornstore.campaign.domain;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Compiled campaigns kept per campaign version: a campaign is compiled once and reused until a
 * write changes it (a new version, or a different definition under a recreated name).
 */
public final class CompiledCampaigns {

    private record Key(String client, String name) {}

    private final PathLanguage paths;
    private final ConcurrentMap<Key, CompiledCampaign> compiled = new ConcurrentHashMap<>();

    public CompiledCampaigns(PathLanguage paths) {
        this.paths = paths;
    }

    public CompiledCampaign of(Campaign campaign) {
        Key key = new Key(campaign.client(), campaign.name());
        CompiledCampaign cached = compiled.get(key);
        if (cached != null && cached.campaign().version() == campaign.version() && cached.campaign().equals(campaign)) {
            return cached;
        }
        CompiledCampaign fresh = CompiledCampaign.compile(campaign, paths);
        compiled.put(key, fresh);
        return fresh;
    }

    public void forget(String client, String name) {
        compiled.remove(new Key(client, name));
    }

    public int size() {
        return compiled.size();
    }
}
