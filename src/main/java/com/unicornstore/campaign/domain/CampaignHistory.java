package com.unicornstore.campaign.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Who changed a campaign: its creation (null for a campaign stored before changes were kept) and
 * its latest changes, newest first, at most as many as the store is told to keep, so the item
 * stays bounded however often the campaign is edited.
 */
public record CampaignHistory(CampaignChange created, List<CampaignChange> recent) {

    /** Nothing recorded: a campaign read from a document, or stored before changes were kept. */
    public static final CampaignHistory NONE = new CampaignHistory(null, List.of());

    public CampaignHistory {
        recent = List.copyOf(recent);
    }

    /** This history and one more change, the oldest dropped past {@code keep}; a version 1 is the creation. */
    public CampaignHistory after(CampaignChange change, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("a campaign keeps at least its latest change");
        }
        List<CampaignChange> changes = new ArrayList<>(keep);
        changes.add(change);
        recent.stream().limit(keep - 1L).forEach(changes::add);
        return new CampaignHistory(change.version() == 1 ? change : created, changes);
    }
}
