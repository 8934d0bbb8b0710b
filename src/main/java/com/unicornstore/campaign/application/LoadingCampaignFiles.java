package com.unicornstore.campaign.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unicornstore.campaign.domain.Campaign;
import com.unicornstore.campaign.domain.CampaignRejections;
import com.unicornstore.campaign.domain.CampaignStore;
import com.unicornstore.platform.domain.Origin;
import com.unicornstore.platform.domain.Rejection;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies campaign documents kept as files ({@link CampaignFile}, campaign-rules/*.json): each is validated like a
 * POST and upserted (written only when its definition differs from the stored one). A refused file
 * is reported by name and reason and never stops the others; the latest outcome of every file is
 * kept for operators. New campaigns count against the client's cap like a POST.
 */
public final class LoadingCampaignFiles {

    private static final Logger LOG = LoggerFactory.getLogger(LoadingCampaignFiles.class);
    private static final int ATTEMPTS = 5;

    /** What became of a file. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED, REFUSED }

    /** The latest outcome of one file; {@code reason} says why it was refused. */
    public record FileReport(String file, Outcome outcome, String reason) {}

    private final CampaignStore store;
    private final CampaignsPerClient capped;
    private final CampaignValidation validation;
    private final CampaignChanges changes;
    private final ObjectMapper json;
    private final Map<String, FileReport> reports = new ConcurrentHashMap<>();

    public LoadingCampaignFiles(CampaignStore store, CampaignsPerClient capped, CampaignValidation validation,
            CampaignChanges changes, ObjectMapper json) {
        this.store = store;
        this.capped = capped;
        this.validation = validation;
        this.changes = changes;
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Applies every file, in the order given. */
    public List<FileReport> loadAll(List<CampaignFile> files) {
        return files.stream().map(this::loadQuietly).toList();
    }

    /**
     * Creates the campaigns of the valid files that are not stored yet and changes nothing that is:
     * the contract of local demo data, run again when the local DynamoDB comes back empty.
     */
    public void createMissing(List<CampaignFile> files) throws IOException {
        for (CampaignFile file : files) {
            try {
                ObjectNode document = object(file.content().read());
                validation.check(document);
                capped.createIfAbsent(changes.next(CampaignJson.toCampaign(document, 1), null, fileOrigin(file.name())));
            } catch (Rejection refused) {
                LOG.debug("Campaign file {} skipped: {}", file.name(), refused.getMessage());
            }
        }
    }

    /**
     * Applies one file's content. Backend failures propagate, so the caller can try again later.
     */
    public FileReport load(String fileName, String content) {
        FileReport report;
        try {
            ObjectNode document = object(content);
            validation.check(document);
            report = new FileReport(fileName, upsert(CampaignJson.toCampaign(document, 1), fileOrigin(fileName)), null);
            LOG.info("Campaign file {}: {}", fileName, report.outcome());
        } catch (Rejection refused) {
            report = new FileReport(fileName, Outcome.REFUSED, refused.getMessage());
            LOG.warn("Campaign file {} refused: {}", fileName, refused.getMessage());
        }
        reports.put(fileName, report);
        return report;
    }

    /** The latest outcome of every file seen, by file name. */
    public Map<String, FileReport> reports() {
        return Map.copyOf(reports);
    }

    private FileReport loadQuietly(CampaignFile file) {
        String name = file.name();
        try {
            return load(name, file.content().read());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Campaign file {} not applied at start-up ({}); the rules watcher retries it", name, e.toString());
            return new FileReport(name, Outcome.REFUSED, e.toString());
        }
    }

    private ObjectNode object(String content) {
        try {
            JsonNode node = json.readTree(content);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw Rejection.invalid("/", "is not valid JSON: " + e.getOriginalMessage());
        }
        throw Rejection.invalid("/", "must be a JSON object holding one campaign");
    }

    /** A file's changes are the platform's own, the file's name their message id. */
    private static Origin fileOrigin(String fileName) {
        return new Origin(Origin.SYSTEM.principal(), null, fileName);
    }

    private Outcome upsert(Campaign campaign, Origin origin) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var stored = store.find(campaign.client(), campaign.name());
            if (stored.isEmpty()) {
                if (capped.createIfAbsent(changes.next(campaign, null, origin))) {
                    return Outcome.CREATED;
                }
            } else if (stored.get().sameDefinitionAs(campaign)) {
                return Outcome.UNCHANGED;
            } else if (store.replace(changes.next(campaign, stored.get(), origin), stored.get().version())) {
                return Outcome.UPDATED;
            }
        }
        throw CampaignRejections.changedConcurrently(campaign.client(), campaign.name());
    }
}
