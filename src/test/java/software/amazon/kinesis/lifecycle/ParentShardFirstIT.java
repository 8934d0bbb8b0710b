package software.amazon.kinesis.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.unicornstore.support.LocalBackendsExtension;
import com.unicornstore.support.LocalBackendsExtension.Backends;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.kinesis.common.DdbTableConfig;
import software.amazon.kinesis.leases.Lease;
import software.amazon.kinesis.leases.ShardInfo;
import software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseRefresher;
import software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseSerializer;
import software.amazon.kinesis.leases.dynamodb.TableCreatorCallback;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * Shard lineage, parent before child, on synthetic lineage (moto never splits a shard): a split
 * parent with two children, their leases in a real lease table on moto. The KCL's first task for a
 * shard ({@code BlockOnParentShardTask}, package-private, hence this package) refuses to start a
 * child until every parent is read to its end and checkpointed at SHARD_END.
 */
@ExtendWith(LocalBackendsExtension.class)
class ParentShardFirstIT {

    private static final String PARENT = "shardId-parent";

    @Test
    void a_child_shard_is_read_only_once_its_parent_is_checkpointed_at_its_end(Backends backends) throws Exception {
        DynamoDBLeaseRefresher leases = leaseTable(backends);
        leases.createLeaseIfNotExists(lease(PARENT, new ExtendedSequenceNumber("100"), List.of()));
        for (String child : List.of("shardId-child-a", "shardId-child-b")) {
            leases.createLeaseIfNotExists(lease(child, ExtendedSequenceNumber.TRIM_HORIZON, List.of(PARENT)));
        }
        BlockOnParentShardTask childA = blockOnParents("shardId-child-a", leases);
        BlockOnParentShardTask childB = blockOnParents("shardId-child-b", leases);

        assertThat(childA.call().getException()).as("parent still being read").isNotNull();
        assertThat(childB.call().getException()).as("parent still being read").isNotNull();

        Lease parent = leases.getLease(PARENT);
        parent.checkpoint(ExtendedSequenceNumber.SHARD_END);
        assertThat(leases.updateLease(parent)).isTrue();

        assertThat(childA.call().getException()).as("parent read to its end").isNull();
        assertThat(childB.call().getException()).as("parent read to its end").isNull();
    }

    @Test
    void a_shard_without_parents_starts_at_once(Backends backends) throws Exception {
        DynamoDBLeaseRefresher leases = leaseTable(backends);
        leases.createLeaseIfNotExists(lease("shardId-root", ExtendedSequenceNumber.TRIM_HORIZON, List.of()));

        assertThat(blockOnParents("shardId-root", leases).call().getException()).isNull();
    }

    private static BlockOnParentShardTask blockOnParents(String shard, DynamoDBLeaseRefresher leases) {
        Lease lease;
        try {
            lease = leases.getLease(shard);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new BlockOnParentShardTask(new ShardInfo(shard, "token", lease.parentShardIds(), lease.checkpoint()),
                leases, 10);
    }

    private static Lease lease(String shard, ExtendedSequenceNumber checkpoint, List<String> parents) {
        Lease lease = new Lease();
        lease.leaseKey(shard);
        lease.checkpoint(checkpoint);
        lease.parentShardIds(parents);
        lease.leaseCounter(0L);
        lease.ownerSwitchesSinceCheckpoint(0L);
        return lease;
    }

    private static DynamoDBLeaseRefresher leaseTable(Backends backends) throws Exception {
        DynamoDbAsyncClient dynamo = DynamoDbAsyncClient.builder().endpointOverride(backends.dynamodb())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        String table = "lineage-" + System.nanoTime();
        DynamoDBLeaseRefresher leases = new DynamoDBLeaseRefresher(table, dynamo, new DynamoDBLeaseSerializer(), true,
                TableCreatorCallback.NOOP_TABLE_CREATOR_CALLBACK, Duration.ofSeconds(10),
                new DdbTableConfig().billingMode(BillingMode.PAY_PER_REQUEST), false, false, List.of());
        leases.createLeaseTableIfNotExists();
        assertThat(leases.waitUntilLeaseTableExists(1, 30)).isTrue();
        return leases;
    }
}
