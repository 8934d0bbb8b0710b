package com.unicornstore.infra;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The tables and queues the platform declares (its TableSpec and QueueSpec beans), read from
 * platform-resources.json. The platform's InfrastructureManifestIT proves that file is exactly what the
 * application declares, so the stacks never invent or forget a name, key or index.
 */
public record PlatformResources(List<Table> tables, List<Queue> queues) {

    /** A key attribute and its DynamoDB scalar type ("S" or "N"). */
    public record Key(String name, String type) {}

    /** A global secondary index projecting every attribute. */
    public record Index(String name, @JsonProperty("partition_key") Key partitionKey,
            @JsonProperty("sort_key") Key sortKey) {}

    /** One table: keys, stream (new and old images) if the platform reads one, TTL attribute if any. */
    public record Table(String name, @JsonProperty("partition_key") Key partitionKey,
            @JsonProperty("sort_key") Key sortKey, boolean stream,
            @JsonProperty("ttl_attribute") String ttlAttribute, List<Index> indexes) {}

    /** One queue and its dead-letter queue, with the redrive count and retention the platform expects. */
    public record Queue(String name, @JsonProperty("dead_letter_queue") String deadLetterQueue,
            @JsonProperty("max_receive_count") int maxReceiveCount,
            @JsonProperty("visibility_timeout_seconds") long visibilityTimeoutSeconds,
            @JsonProperty("retention_seconds") long retentionSeconds,
            @JsonProperty("dead_letter_retention_seconds") long deadLetterRetentionSeconds) {}

    /** The descriptor packaged with this module. */
    public static PlatformResources load() {
        try (InputStream in = PlatformResources.class.getResourceAsStream("/platform-resources.json")) {
            if (in == null) {
                throw new IllegalStateException("platform-resources.json is missing from the classpath");
            }
            return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, PlatformResources.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the platform declares no table " + name));
    }
}
