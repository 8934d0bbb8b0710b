package com.unicornstore.points.adapter;

import com.amazonaws.services.dynamodbv2.streamsadapter.adapter.DynamoDBStreamsClientRecord;
import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import com.amazonaws.services.dynamodbv2.streamsadapter.processor.DynamoDBStreamsShardRecordProcessor;
import com.unicornstore.points.application.ProjectingBalances;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.kinesis.exceptions.KinesisClientLibException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * The reader of one shard of the events stream, while this instance holds its lease: each batch goes
 * to {@value #BATCH_ENDPOINT} (poison is parked there), and the shard is checkpointed after the
 * batch, once every view it changed is stored. The KCL never hands a batch over twice, so a batch
 * that cannot be delivered at all (the Camel context not running yet) is tried again until it is,
 * or until the reader stops without a checkpoint, leaving the batch to whoever reads the shard next.
 */
final class BalanceRecordProcessor implements DynamoDBStreamsShardRecordProcessor {

    static final String BATCH_ENDPOINT = "direct:points.project-batch";

    private static final Logger LOG = LoggerFactory.getLogger(BalanceRecordProcessor.class);

    private final ProducerTemplate producer;
    private final ProjectingBalances projector;
    private final Counter read;
    private final BooleanSupplier stopping;
    private final Duration retryDelay;
    private String shardId = "?";

    BalanceRecordProcessor(ProducerTemplate producer, ProjectingBalances projector, Counter read,
            BooleanSupplier stopping, Duration retryDelay) {
        this.producer = producer;
        this.projector = projector;
        this.read = read;
        this.stopping = stopping;
        this.retryDelay = retryDelay;
    }

    @Override
    public void initialize(InitializationInput input) {
        shardId = input.shardId();
        LOG.info("Reading shard {} of the events stream from {}", shardId, input.extendedSequenceNumber());
    }

    @Override
    public void processRecords(DynamoDBStreamsProcessRecordsInput input) {
        List<Record> records = input.records().stream().map(DynamoDBStreamsClientRecord::getRecord).toList();
        read.increment(records.size());
        if (!records.isEmpty() && delivered(records)) {
            checkpointIfStored(input.checkpointer());
        }
    }

    @Override
    public void leaseLost(LeaseLostInput input) {
        LOG.info("Lost the lease of shard {}: another instance reads it from its last checkpoint", shardId);
    }

    @Override
    public void shardEnded(ShardEndedInput input) {
        projector.flush();
        checkpoint(input.checkpointer()); // required at a shard's end: its children start only then
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {
        projector.flush();
        checkpointIfStored(input.checkpointer());
        LOG.info("Stopped reading shard {}", shardId);
    }

    private boolean delivered(List<Record> records) {
        while (true) {
            try {
                producer.sendBody(BATCH_ENDPOINT, records);
                return true;
            } catch (RuntimeException failure) {
                LOG.warn("Could not project a batch of {} records of shard {}: {}", records.size(), shardId,
                        failure.toString());
                if (stopping.getAsBoolean() || !paused()) {
                    LOG.warn("Stopping with a batch of shard {} not projected: it is read again from the checkpoint",
                            shardId);
                    return false;
                }
            }
        }
    }

    /** A view that could not be written keeps its events ahead of the checkpoint until a later flush stores it. */
    private void checkpointIfStored(RecordProcessorCheckpointer checkpointer) {
        if (projector.hasUnstoredViews()) {
            LOG.warn("Views of shard {} not stored yet: checkpoint left where it was", shardId);
        } else {
            checkpoint(checkpointer);
        }
    }

    private void checkpoint(RecordProcessorCheckpointer checkpointer) {
        try {
            checkpointer.checkpoint();
        } catch (KinesisClientLibException failure) {
            // lease lost or throttled: the next reader starts at the previous checkpoint, the projection is idempotent
            LOG.warn("Checkpoint of shard {} not written: {}", shardId, failure.toString());
        }
    }

    /** Waits before the next attempt; false when interrupted (the KCL is shutting the reader down). */
    private boolean paused() {
        try {
            TimeUnit.MILLISECONDS.sleep(retryDelay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
