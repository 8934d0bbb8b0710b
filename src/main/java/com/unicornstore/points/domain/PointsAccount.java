package com.unicornstore.points.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The event-sourced points account. {@link #process} checks a command against the current state
 * and returns the events it leads to without changing anything; {@link #apply} only changes state.
 * Only lots that still hold points are kept, so the state does not grow with the history; beside
 * them, the correlation ids (purchases) whose points were revoked, with how many each revocation
 * took, so that an issue arriving after its own revocation (a compensation that overtook its
 * action) is ignored and a repeated revocation can answer what the first one took.
 */
public final class PointsAccount {

    private static final Comparator<Lot> OLDEST_FIRST = Comparator.comparing(Lot::issuedAt);

    private final String accountId;
    private long version;
    private final List<Lot> lots;
    private final Map<String, Long> revoked;

    private PointsAccount(String accountId, long version, List<Lot> lots, Map<String, Long> revoked) {
        this.accountId = accountId;
        this.version = version;
        this.lots = new ArrayList<>(lots);
        this.revoked = new LinkedHashMap<>(revoked);
    }

    public static PointsAccount empty(String accountId) {
        return new PointsAccount(accountId, 0, List.of(), Map.of());
    }

    /** An account restored from a snapshot taken at {@code version}: {@code revoked} maps correlation ids to what was taken. */
    public static PointsAccount restore(String accountId, long version, List<Lot> lots, Map<String, Long> revoked) {
        return new PointsAccount(accountId, version, lots, revoked);
    }

    public PointsAccount copy() {
        return new PointsAccount(accountId, version, lots, revoked);
    }

    /** Correlation ids whose points were revoked: they can never be issued again. */
    public Set<String> revokedCorrelations() {
        return Set.copyOf(revoked.keySet());
    }

    /** Correlation ids whose points were revoked, each with the points its revocation took. */
    public Map<String, Long> revocations() {
        return Map.copyOf(revoked);
    }

    /** What the correlation's revocation took; empty when it was never revoked. */
    public OptionalLong revokedBy(String correlationId) {
        Long taken = revoked.get(correlationId);
        return taken == null ? OptionalLong.empty() : OptionalLong.of(taken);
    }

    public String accountId() {
        return accountId;
    }

    /** The number of events applied so far: the next event is stored at {@code version + 1}. */
    public long version() {
        return version;
    }

    /** Lots still holding points, oldest first (expired ones included until their expiry is recorded). */
    public List<Lot> lots() {
        return List.copyOf(lots);
    }

    public long balanceAt(Instant now) {
        return spendable(now).stream().mapToLong(Lot::remaining).sum();
    }

    public List<PointsEvent> process(PointsCommand command, CommandContext context) {
        if (command instanceof IssuePoints issue) {
            if (revoked.containsKey(issue.correlationId()) || holdsLotOf(issue.correlationId())) {
                return List.of(); // revoked first (a compensated purchase), or a repeat of an issue that happened
            }
            return List.of(new PointsIssued(context.newEventId().get(), accountId, issue.amount(), context.now(),
                    issue.correlationId(), context.now().plus(context.lotLifetime())));
        }
        if (command instanceof RedeemPoints redeem) {
            return List.of(redeem(redeem, context));
        }
        if (command instanceof RevokePoints revoke) {
            return revoke(revoke, context);
        }
        return expire(context);
    }

    public void apply(PointsEvent event) {
        if (event instanceof PointsIssued issued) {
            lots.add(new Lot(issued.id(), issued.occurredAt(), issued.expiresAt(), issued.amount(),
                    issued.correlationId()));
            lots.sort(OLDEST_FIRST);
        } else if (event instanceof TakesFromLots taking) {
            taking.lots().forEach(this::take);
        }
        if (event instanceof PointsRevoked revocation) {
            revoked.putIfAbsent(revocation.correlationId(), revocation.amount());
        }
        version++;
    }

    private PointsRedeemed redeem(RedeemPoints redeem, CommandContext context) {
        long available = balanceAt(context.now());
        if (redeem.amount() > available) {
            throw PointsRejections.insufficientPoints(accountId, redeem.amount(), available);
        }
        return new PointsRedeemed(context.newEventId().get(), accountId, redeem.amount(), context.now(),
                redeem.correlationId(), takeFrom(spendable(context.now()), redeem.amount()));
    }

    /**
     * Takes back what the correlated issue left, never other lots: points of other purchases are
     * not this purchase's to take. Recorded even when nothing is left (spent, or not issued yet), so
     * that a late issue is refused; a second revocation of the same correlation changes nothing.
     */
    private List<PointsEvent> revoke(RevokePoints revoke, CommandContext context) {
        if (revoked.containsKey(revoke.correlationId())) {
            return List.of();
        }
        List<Lot> own = spendable(context.now()).stream()
                .filter(lot -> revoke.correlationId().equals(lot.correlationId())).toList();
        List<LotShare> shares = takeFrom(own, revoke.amount());
        long taken = shares.stream().mapToLong(LotShare::amount).sum();
        return List.of(new PointsRevoked(context.newEventId().get(), accountId, taken, context.now(),
                revoke.correlationId(), revoke.amount(), shares));
    }

    private List<PointsEvent> expire(CommandContext context) {
        List<LotShare> shares = lots.stream().filter(lot -> lot.isExpiredAt(context.now()))
                .map(lot -> new LotShare(lot.id(), lot.remaining())).toList();
        if (shares.isEmpty()) {
            return List.of();
        }
        long amount = shares.stream().mapToLong(LotShare::amount).sum();
        return List.of(new PointsExpired(context.newEventId().get(), accountId, amount, context.now(),
                "expiry:" + accountId + ":" + (version + 1), shares));
    }

    private boolean holdsLotOf(String correlationId) {
        return lots.stream().anyMatch(lot -> correlationId.equals(lot.correlationId()));
    }

    private List<Lot> spendable(Instant now) {
        return lots.stream().filter(lot -> !lot.isExpiredAt(now)).toList();
    }

    private static List<LotShare> takeFrom(List<Lot> candidates, long amount) {
        List<LotShare> shares = new ArrayList<>();
        long left = amount;
        for (Lot lot : candidates) {
            if (left == 0) {
                break;
            }
            long share = Math.min(left, lot.remaining());
            shares.add(new LotShare(lot.id(), share));
            left -= share;
        }
        return shares;
    }

    private void take(LotShare share) {
        for (int i = 0; i < lots.size(); i++) {
            Lot lot = lots.get(i);
            if (lot.id().equals(share.lotId())) {
                Lot rest = lot.less(share.amount());
                if (rest.remaining() > 0) {
                    lots.set(i, rest);
                } else {
                    lots.remove(i);
                }
                return;
            }
        }
        throw new IllegalStateException("event takes from lot " + share.lotId() + " which holds nothing");
    }
}
