package com.unicornstore.points.application;

import com.unicornstore.points.domain.PointsRevoked;
import com.unicornstore.points.domain.PurchaseRecords;
import com.unicornstore.points.domain.PurchaseRecords.PurchaseRecord;
import com.unicornstore.points.domain.RevokePoints;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes back a purchase's points (compensations, refunds); empty when that purchase was already
 * revoked. The purchase's record says into which lot its points went; the revocation is appended
 * first and recorded after, so a crash between leaves it in the account's recent commands, where
 * the redelivered command finds it, and the record is written then.
 */
public final class RevokingPoints {

    private final AccountCommands commands;
    private final PurchaseRecords purchases;

    public RevokingPoints(AccountCommands commands, PurchaseRecords purchases) {
        this.commands = commands;
        this.purchases = purchases;
    }

    public Optional<PointsRevoked> revoke(RevokePoints command) {
        Optional<PurchaseRecord> record = purchases.find(command.accountId(), command.correlationId(), now());
        if (record.isPresent() && record.get().revoked()) {
            return Optional.empty();
        }
        RevokePoints known = record.map(PurchaseRecord::issued).map(command::withIssue).orElse(command);
        Optional<PointsRevoked> revoked = commands.execute(known).stream().filter(PointsRevoked.class::isInstance)
                .map(PointsRevoked.class::cast).findFirst();
        purchases.recordRevocation(command.accountId(), command.correlationId(),
                revoked.map(PointsRevoked::amount).orElse(0L), now());
        return revoked;
    }

    /**
     * Revokes and answers how many points the purchase's revocation took, the same on every repeat:
     * a refund that died before recording the first answer gets it again, not 0.
     */
    public long revokeAnswering(RevokePoints command) {
        Optional<PurchaseRecord> record = purchases.find(command.accountId(), command.correlationId(), now());
        if (record.isPresent() && record.get().revoked()) {
            return record.get().revokedAmount();
        }
        return revoke(command).map(PointsRevoked::amount).orElse(0L);
    }

    private Instant now() {
        return commands.clock().instant();
    }
}
