package com.unicornstore.campaign.domain;

import com.unicornstore.platform.domain.Rejection;

/** The refusals of the campaign context. */
public final class CampaignRejections {

    private CampaignRejections() {}

    public static Rejection unknown(String client, String name) {
        return Rejection.notFound("campaign-not-found", "No campaign '" + name + "' for client '" + client + "'.");
    }

    public static Rejection alreadyExists(String client, String name) {
        return new Rejection(Rejection.Kind.CONFLICT, "campaign-exists",
                "Client '" + client + "' already has a campaign named '" + name + "'.");
    }

    public static Rejection tooMany(String client, int max) {
        return new Rejection(Rejection.Kind.CONFLICT, "campaign-limit-reached", "Client '" + client + "' has "
                + max + " campaigns, the most one client may have (unicorn.campaigns.max-per-client); delete one first.");
    }

    /** The campaign is no longer the version the editor read (If-Match): nothing was changed. */
    public static Rejection changedSince(String client, String name, long currentVersion) {
        return new Rejection(Rejection.Kind.PRECONDITION_FAILED, "precondition-failed", "Campaign '" + name
                + "' of client '" + client + "' changed since you read it; it is at version " + currentVersion
                + " now. Read it again and apply your change to that version.", java.util.List.of(),
                java.util.Map.of("current_version", currentVersion));
    }

    public static Rejection changedConcurrently(String client, String name) {
        return new Rejection(Rejection.Kind.CONFLICT, "campaign-changed-concurrently",
                "Campaign '" + name + "' of client '" + client + "' kept changing while this change was applied; retry.");
    }
}
