package com.unicornstore.campaign.domain;

import java.util.List;
import java.util.Optional;

/** Where campaigns are kept, keyed by client and name; every write is conditional. */
public interface CampaignStore {

    /** @return false when the client already has a campaign of that name (nothing written) */
    boolean createIfAbsent(Campaign campaign);

    Optional<Campaign> find(String client, String name);

    /** @return false when the stored campaign is not at {@code expectedVersion} any more (nothing written) */
    boolean replace(Campaign campaign, long expectedVersion);

    /** @return false when there was no such campaign */
    boolean delete(String client, String name);

    /** Every campaign of one client, whatever its status. */
    List<Campaign> ofClient(String client);

    /** One page of campaigns, of one client or (client null) of all; cursor null for the first page. */
    Page page(String client, int limit, String cursor);

    /** A page and the cursor of the next one (null after the last). */
    record Page(List<Campaign> items, String nextCursor) {}
}
