package com.unicornstore.points.application;

import com.unicornstore.points.domain.PointsLedger;
import com.unicornstore.points.domain.PointsRevoked;
import com.unicornstore.points.domain.RevokePoints;
import java.util.Optional;

/** Takes back a correlation's points (compensations, refunds); empty when that correlation was already revoked. */
public final class RevokingPoints {

    private final AccountCommands commands;
    private final PointsLedger ledger;

    public RevokingPoints(AccountCommands commands, PointsLedger ledger) {
        this.commands = commands;
        this.ledger = ledger;
    }

    public Optional<PointsRevoked> revoke(RevokePoints command) {
        return commands.execute(command).stream().map(PointsRevoked.class::cast).findFirst();
    }

    /**
     * Revokes and answers how many points the correlation's revocation took, the same on every
     * repeat: a caller that died before recording the first answer gets it again, not 0.
     */
    public long revokeAnswering(RevokePoints command) {
        Optional<PointsRevoked> now = revoke(command);
        if (now.isPresent()) {
            return now.get().amount();
        }
        // nothing new was decided on a freshly loaded account, so this load is served from the cache
        return ledger.load(command.accountId()).revokedBy(command.correlationId()).orElse(0);
    }
}
