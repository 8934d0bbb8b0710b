package com.unicornstore.points.application;

import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.points.domain.IssuePoints;
import com.unicornstore.points.domain.PointsIssued;
import com.unicornstore.points.domain.PurchaseIssue;
import com.unicornstore.points.domain.PurchaseRecords;
import com.unicornstore.points.domain.PurchaseRecords.PurchaseRecord;
import java.util.Optional;

/** Issues points to an account, into the lot (bucket) of the current time. */
public final class IssuingPoints {

    private final AccountCommands commands;
    private final PurchaseRecords purchases;

    public IssuingPoints(AccountCommands commands, PurchaseRecords purchases) {
        this.commands = commands;
        this.purchases = purchases;
    }

    /**
     * The issue's event: a new one, or the one a remembered earlier command with this correlation
     * produced; empty when the account refuses it (revoked recently). One conditional write in the
     * steady state: plain issues keep no per-purchase record.
     */
    public Optional<PointsIssued> issue(IssuePoints command) {
        return commands.execute(command).stream().filter(PointsIssued.class::isInstance).map(PointsIssued.class::cast)
                .findFirst();
    }

    /** For callers that must get an issue or a refusal: 409 when the account refuses it. */
    public PointsIssued issueOrRefuse(IssuePoints command) {
        return issue(command).orElseThrow(() -> new Rejection(Rejection.Kind.CONFLICT, "points-already-settled",
                "Points for '" + command.correlationId() + "' were already issued or revoked."));
    }

    /**
     * The issue of a purchase's points (the saga's command): refused (empty) when the purchase's
     * record says it was revoked or issued, however long ago within the record's retention;
     * otherwise issued, then recorded. A crash between the two leaves the issue in the account's
     * recent commands, so the redelivered command is recognised there and the record written then.
     */
    public Optional<PointsIssued> issueForPurchase(IssuePoints command) {
        Optional<PurchaseRecord> record = purchases.find(command.accountId(), command.correlationId(), now());
        if (record.isPresent() && (record.get().revoked() || record.get().issued() != null)) {
            return Optional.empty();
        }
        Optional<PointsIssued> issued = issue(command);
        issued.ifPresent(event -> purchases.recordIssue(command.accountId(), command.correlationId(),
                new PurchaseIssue(event.lotId(), event.amount()), now()));
        return issued;
    }

    private java.time.Instant now() {
        return commands.clock().instant();
    }
}
