package com.unicornstore.points.adapter;

import com.unicornstore.points.application.ProjectingBalances;
import com.unicornstore.points.domain.ParkedRecords;
import com.unicornstore.points.domain.StoredEvent;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Feeds the records of the events table's stream to the balance projection. Only INSERTs carrying
 * a whole event count (events are never modified; an item created by UpdateItem first shows up
 * with its keys only). Views are written when the stream batch ends.
 */
public final class BalanceStreamListener {

    static final String SOURCE = "point-events-stream";

    private final ProjectingBalances projector;
    private final ParkedRecords parked;
    private final ProjectionLag lag;

    public BalanceStreamListener(ProjectingBalances projector, ParkedRecords parked, ProjectionLag lag) {
        this.projector = projector;
        this.parked = parked;
        this.lag = lag;
    }

    public void onRecord(Record record, @ExchangeProperty(Exchange.BATCH_COMPLETE) Boolean lastOfBatch) {
        Map<String, AttributeValue> image = record.dynamodb() == null ? null : record.dynamodb().newImage();
        if (record.eventName() == OperationType.INSERT && image != null && image.size() > 2) {
            StoredEvent stored = EventItems.fromItem(image);
            if (stored.accountId() == null || stored.sequence() < 1) {
                parked.park(SOURCE, record.eventID(), stored.accountId(), stored.unreadableBecause());
            } else {
                projector.on(stored);
                if (stored.isReadable()) {
                    lag.projected(stored.event().event().occurredAt());
                }
            }
        }
        if (lastOfBatch == null || lastOfBatch) {
            projector.flush();
            lag.stored(); // the batch's views are written: its events are now in the read model
        }
    }

    /**
     * Sets aside a record that kept failing (after redeliveries), so the stream moves on; when it
     * ended its batch, the views of the batch's good records are written now, not with the next batch.
     */
    public void park(Record record, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure,
            @ExchangeProperty(Exchange.BATCH_COMPLETE) Boolean lastOfBatch) {
        parked.park(SOURCE, record.eventID(), accountOf(record), failure + " processing " + record);
        if (lastOfBatch == null || lastOfBatch) {
            projector.flush();
        }
    }

    /** The account a record's new image names, if it names one as a string. */
    private static String accountOf(Record record) {
        Map<String, AttributeValue> image = record.dynamodb() == null ? null : record.dynamodb().newImage();
        AttributeValue account = image == null ? null : image.get("account_id");
        return account == null ? null : account.s();
    }
}
