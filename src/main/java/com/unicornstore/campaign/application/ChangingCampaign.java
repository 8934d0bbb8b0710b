package com.unicornstore.campaign.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.campaign.domain.Campaign;
import com.unicornstore.campaign.domain.CampaignRejections;
import com.unicornstore.campaign.domain.CampaignStore;
import com.unicornstore.platform.domain.Identifiers;
import com.unicornstore.platform.domain.Origin;
import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.platform.domain.Rejection.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a JSON merge patch (RFC 7396) to a campaign: any of rules, status, window, priority, cap
 * and description; null removes an optional field. The result is validated in full and written
 * only if nobody changed the campaign meanwhile. With the versions the editor read (If-Match), a
 * campaign changed since is refused (412, nothing written); without them the patch is re-applied
 * to the newer version.
 */
public final class ChangingCampaign {

    private static final int ATTEMPTS = 5;

    private final CampaignStore store;
    private final CampaignValidation validation;
    private final CampaignChanges changes;

    public ChangingCampaign(CampaignStore store, CampaignValidation validation, CampaignChanges changes) {
        this.store = store;
        this.validation = validation;
        this.changes = changes;
    }

    /**
     * Applies the patch for {@code origin}, only onto one of {@code expectedVersions} when they are
     * given (null: onto whatever version is newest).
     */
    public Campaign change(String client, String name, ObjectNode patch, Set<Long> expectedVersions, Origin origin) {
        Identifiers.require("client", client);
        Identifiers.require("campaign_name", name);
        refuseKeyChanges(client, name, patch);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Campaign current = store.find(client, name).orElseThrow(() -> CampaignRejections.unknown(client, name));
            if (expectedVersions != null && !expectedVersions.contains(current.version())) {
                throw CampaignRejections.changedSince(client, name, current.version());
            }
            ObjectNode document = CampaignJson.toDocument(current);
            patch.fields().forEachRemaining(field -> apply(document, field));
            validation.check(document);
            Campaign changed = CampaignJson.toCampaign(document, current.version() + 1);
            if (changed.sameDefinitionAs(current)) {
                return current;
            }
            changed = changes.next(changed, current, origin);
            if (store.replace(changed, current.version())) {
                return changed;
            }
        }
        throw CampaignRejections.changedConcurrently(client, name);
    }

    private static void apply(ObjectNode document, Map.Entry<String, JsonNode> field) {
        if (field.getValue().isNull()) {
            document.remove(field.getKey());
        } else {
            document.set(field.getKey(), field.getValue().deepCopy());
        }
    }

    private static void refuseKeyChanges(String client, String name, ObjectNode patch) {
        List<Violation> violations = new ArrayList<>();
        if (patch.has("client") && !client.equals(patch.get("client").textValue())) {
            violations.add(new Violation("/client", "cannot be changed; create a campaign for the other client"));
        }
        if (patch.has("campaign_name") && !name.equals(patch.get("campaign_name").textValue())) {
            violations.add(new Violation("/campaign_name", "cannot be changed; create a campaign with the new name"));
        }
        if (!violations.isEmpty()) {
            throw Rejection.invalid(violations);
        }
    }
}
