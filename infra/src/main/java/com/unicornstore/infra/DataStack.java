package com.unicornstore.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.dynamodb.TableProps;
import software.constructs.Construct;

/** Every DynamoDB table the platform declares, on demand, with point-in-time recovery and streams where read. */
public class DataStack extends Stack {

    private final Map<String, Table> tables = new LinkedHashMap<>();

    public DataStack(Construct scope, String id, StackProps props, PlatformResources resources, Deployment deployment) {
        super(scope, id, props);
        for (PlatformResources.Table spec : resources.tables()) {
            tables.put(spec.name(), table(spec, deployment));
        }
    }

    private Table table(PlatformResources.Table spec, Deployment deployment) {
        TableProps.Builder props = TableProps.builder()
                .tableName(spec.name())
                .partitionKey(attribute(spec.partitionKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(deployment.production())
                .removalPolicy(deployment.removalPolicy());
        if (spec.sortKey() != null) {
            props.sortKey(attribute(spec.sortKey()));
        }
        if (spec.stream()) {
            props.stream(StreamViewType.NEW_AND_OLD_IMAGES);
        }
        if (spec.ttlAttribute() != null) {
            props.timeToLiveAttribute(spec.ttlAttribute());
        }
        Table table = new Table(this, logicalName(spec.name()), props.build());
        for (PlatformResources.Index index : spec.indexes()) {
            GlobalSecondaryIndexProps.Builder gsi = GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(attribute(index.partitionKey()))
                    .projectionType(ProjectionType.ALL);
            if (index.sortKey() != null) {
                gsi.sortKey(attribute(index.sortKey()));
            }
            table.addGlobalSecondaryIndex(gsi.build());
        }
        return table;
    }

    /** The table the platform names {@code name}. */
    public Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException("no table " + name + " in the data stack");
        }
        return table;
    }

    public Map<String, Table> tables() {
        return Map.copyOf(tables);
    }

    private static Attribute attribute(PlatformResources.Key key) {
        return Attribute.builder().name(key.name())
                .type("N".equals(key.type()) ? AttributeType.NUMBER : AttributeType.STRING).build();
    }

    static String logicalName(String resourceName) {
        StringBuilder id = new StringBuilder();
        for (String part : resourceName.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }
}
