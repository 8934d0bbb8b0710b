package com.unicornstore.platform.aws;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Names of every table and queue the platform uses; they are set in application.yml only. */
@ConfigurationProperties("unicorn")
public record AwsResourceNames(Tables tables, Queues queues) {

    /** DynamoDB table names. */
    public record Tables(
            String products,
            String wallets,
            String campaigns,
            String pointEvents,
            String pointBalances,
            String pointSnapshots,
            String pointParkedRecords,
            String pointCorrelations,
            String idempotency,
            String purchases,
            String sagas,
            String apiKeys,
            String projectionLeases,
            String projectionCoordinator) {}

    /** SQS queue names. */
    public record Queues(String pointsCommands, String pointsCommandsDlq) {}
}
