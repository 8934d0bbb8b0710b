package com.unicornstore.campaign.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.campaign.application.CampaignJson;
import com.unicornstore.campaign.domain.Campaign;
import com.unicornstore.campaign.domain.Evaluation;
import com.unicornstore.platform.web.EntityTags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/** The replies of the campaign routes, as plain maps and JSON trees any caller can use. */
public final class CampaignReplies {

    /** The campaign's document and history; its version becomes the answer's ETag. */
    public ObjectNode document(Campaign campaign, Exchange exchange) {
        EntityTags.answerVersion(exchange, campaign.version());
        return CampaignJson.toView(campaign);
    }

    /**
     * {@code {"points", "matched": [{"campaign", "rule", "points"}]}}, and {@code "skipped": [{"client",
     * "campaign", "reason"}]} when a campaign could not be evaluated; rule failures are logged, not returned.
     */
    public Map<String, Object> evaluation(Evaluation evaluation) {
        List<Map<String, Object>> matched = evaluation.matched().stream().map(match -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("campaign", match.campaign());
            entry.put("rule", match.rule());
            entry.put("points", match.points());
            return entry;
        }).toList();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("points", evaluation.points());
        reply.put("matched", matched);
        if (!evaluation.skipped().isEmpty()) {
            reply.put("skipped", evaluation.skipped().stream().map(skipped -> Map.of("client", skipped.client(),
                    "campaign", skipped.campaign(), "reason", skipped.reason())).toList());
        }
        return reply;
    }
}
