package com.unicornstore.points.domain;

import com.unicornstore.platform.domain.Origin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The event-sourced points account. {@link #process} checks a command against the current state
 * and returns the events it leads to without changing anything; {@link #apply} only changes state.
 *
 * <p>The state is bounded whatever the account's age: issues merge into lots by {@link BucketPolicy}
 * (at most {@link BucketPolicy#maxOpenLots()} lots hold unexpired points), spent lots leave, and a
 * command that finds lots past their expiry records their {@link PointsExpired} first, after which
 * they leave too. Beside the lots, the account remembers its last N commands ({@link RecentCommands}):
 * a repeat among them produces nothing, and the caller answers it with the event it produced first.
 *
 * <p>Revocation of a purchase: within a lot, FIFO spends points without telling purchases apart, so
 * a purchase's points are taken to be the newest of its lot, the last ones FIFO would spend. A
 * revocation takes min(requested, issued for that purchase, what remains of the lot unexpired); the
 * shortfall ({@code requested - amount}) is what was already spent or expired. Whether a purchase
 * was revoked long ago is kept outside the account, in the purchase's own record ({@code
 * PurchaseRecords}); the account knows it only for its recent commands.
 */
public final class PointsAccount {

    /** How many commands an account remembers unless configured otherwise. */
    public static final int DEFAULT_REMEMBERED = 256;
    static final String REDEEM = "redeem:";
    static final String REVOKE = "revoke:";

    private static final Comparator<Lot> SOONEST_EXPIRY_FIRST = Comparator.comparing(Lot::expiresAt)
            .thenComparing(Lot::issuedAt).thenComparing(Lot::id);

    private final String accountId;
    private long version;
    private final List<Lot> lots;
    private final RecentCommands recent;

    private PointsAccount(String accountId, long version, List<Lot> lots, RecentCommands recent) {
        this.accountId = accountId;
        this.version = version;
        this.lots = new ArrayList<>(lots);
        this.lots.sort(SOONEST_EXPIRY_FIRST);
        this.recent = recent;
    }

    public static PointsAccount empty(String accountId) {
        return empty(accountId, DEFAULT_REMEMBERED);
    }

    public static PointsAccount empty(String accountId, int rememberedCommands) {
        return new PointsAccount(accountId, 0, List.of(), new RecentCommands(rememberedCommands, List.of()));
    }

    /** An account restored from a snapshot taken at {@code version}. */
    public static PointsAccount restore(String accountId, long version, List<Lot> lots, List<RecentCommand> recent,
            int rememberedCommands) {
        return new PointsAccount(accountId, version, lots, new RecentCommands(rememberedCommands, recent));
    }

    /** An account of the same state that changes on its own (cheap: the remembered commands are shared until written). */
    public PointsAccount copy() {
        return new PointsAccount(accountId, version, lots, recent.copy());
    }

    public String accountId() {
        return accountId;
    }

    /** The number of events applied so far: the next event is stored at {@code version + 1}. */
    public long version() {
        return version;
    }

    /** Lots still holding points, soonest expiry first (expired ones included until their expiry is recorded). */
    public List<Lot> lots() {
        return List.copyOf(lots);
    }

    /** The remembered commands, oldest first. */
    public List<RecentCommand> recentCommands() {
        return recent.list();
    }

    public int rememberedCommands() {
        return recent.limit();
    }

    /** The sequence of the event an issue or redemption with this correlation id produced, if still remembered. */
    public OptionalLong appliedCommand(String correlationId) {
        return recent.find(correlationId).or(() -> recent.find(REDEEM + correlationId))
                .map(c -> OptionalLong.of(c.sequence())).orElse(OptionalLong.empty());
    }

    /**
     * The sequence of the event this very issue or redemption produced, if remembered: the same
     * correlation id on a command of the other kind is another command.
     */
    public OptionalLong appliedCommand(PointsCommand command) {
        Optional<RecentCommand> earlier = command instanceof IssuePoints issue ? recent.find(issue.correlationId())
                : command instanceof RedeemPoints redeem ? recent.find(REDEEM + redeem.correlationId())
                : Optional.empty();
        return earlier.map(c -> OptionalLong.of(c.sequence())).orElse(OptionalLong.empty());
    }

    public long balanceAt(Instant now) {
        return spendable(now).stream().mapToLong(Lot::remaining).sum();
    }

    public List<PointsEvent> process(PointsCommand command, CommandContext context) {
        if (command instanceof IssuePoints issue) {
            String correlation = issue.correlationId();
            if (recent.find(correlation).isPresent() || recent.find(REVOKE + correlation).isPresent()
                    || ownLot(correlation).isPresent()) {
                return List.of(); // a repeat, or revoked first (a compensation that overtook its action)
            }
            Instant now = context.now();
            return withDueExpiry(context, () -> new PointsIssued(context.newEventId().get(), accountId, issue.amount(), now,
                    correlation, context.buckets().expiryAt(now), context.buckets().lotIdAt(now), issue.origin()));
        }
        if (command instanceof RedeemPoints redeem) {
            return recent.find(REDEEM + redeem.correlationId()).isPresent() ? List.of()
                    : withDueExpiry(context, () -> redeem(redeem, context));
        }
        if (command instanceof RevokePoints revoke) {
            return recent.find(REVOKE + revoke.correlationId()).isPresent() ? List.of()
                    : withDueExpiry(context, () -> revoke(revoke, context));
        }
        return expire(context);
    }

    public void apply(PointsEvent event) {
        long sequence = version + 1;
        if (event instanceof PointsIssued issued) {
            add(issued);
            recent.remember(new RecentCommand(issued.correlationId(), sequence, issued.lotId(), issued.amount()));
        } else if (event instanceof TakesFromLots taking) {
            taking.lots().forEach(this::take);
        }
        if (event instanceof PointsRedeemed redeemed) {
            recent.remember(new RecentCommand(REDEEM + redeemed.correlationId(), sequence, null, redeemed.amount()));
        } else if (event instanceof PointsRevoked revoked) {
            recent.remember(new RecentCommand(REVOKE + revoked.correlationId(), sequence, null, revoked.amount()));
        }
        version = sequence;
    }

    private PointsRedeemed redeem(RedeemPoints redeem, CommandContext context) {
        long available = balanceAt(context.now());
        if (redeem.amount() > available) {
            throw PointsRejections.insufficientPoints(accountId, redeem.amount(), available);
        }
        return new PointsRedeemed(context.newEventId().get(), accountId, redeem.amount(), context.now(),
                redeem.correlationId(), takeFrom(spendable(context.now()), redeem.amount()), redeem.origin());
    }

    /**
     * Takes back what is left of the purchase's own points, never other purchases' (see the class
     * comment). Recorded even when nothing is taken (spent, expired, or not issued yet), so that a
     * late issue is refused.
     */
    private PointsRevoked revoke(RevokePoints revoke, CommandContext context) {
        Optional<PurchaseIssue> issue = Optional.ofNullable(revoke.issued()).or(() -> issueOf(revoke.correlationId()));
        List<LotShare> shares = issue.flatMap(own -> spendable(context.now()).stream()
                        .filter(lot -> lot.id().equals(own.lotId())).findFirst()
                        .map(lot -> Math.min(revoke.amount(), Math.min(own.amount(), lot.remaining())))
                        .filter(take -> take > 0)
                        .map(take -> List.of(new LotShare(own.lotId(), take))))
                .orElse(List.of());
        long taken = shares.stream().mapToLong(LotShare::amount).sum();
        return new PointsRevoked(context.newEventId().get(), accountId, taken, context.now(),
                revoke.correlationId(), revoke.amount(), shares, revoke.origin());
    }

    private Optional<PurchaseIssue> issueOf(String correlationId) {
        return recent.find(correlationId).filter(command -> command.lotId() != null)
                .map(command -> new PurchaseIssue(command.lotId(), command.amount()))
                .or(() -> ownLot(correlationId).map(lot -> new PurchaseIssue(lot.id(), lot.remaining())));
    }

    /** Before any other event, the expiry of lots already past it: expired lots leave as commands come. */
    private List<PointsEvent> withDueExpiry(CommandContext context, Supplier<PointsEvent> event) {
        List<PointsEvent> events = new ArrayList<>(expire(context));
        events.add(event.get());
        return events;
    }

    private List<PointsEvent> expire(CommandContext context) {
        List<LotShare> shares = lots.stream().filter(lot -> lot.isExpiredAt(context.now()))
                .map(lot -> new LotShare(lot.id(), lot.remaining())).toList();
        if (shares.isEmpty()) {
            return List.of();
        }
        long amount = shares.stream().mapToLong(LotShare::amount).sum();
        return List.of(new PointsExpired(context.newEventId().get(), accountId, amount, context.now(),
                "expiry:" + accountId + ":" + (version + 1), shares, Origin.SYSTEM));
    }

    /** A lot of schema 1 issued under this correlation id (merged lots name no correlation). */
    private Optional<Lot> ownLot(String correlationId) {
        return lots.stream().filter(lot -> correlationId.equals(lot.correlationId())).findFirst();
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

    private void add(PointsIssued issued) {
        for (int i = 0; i < lots.size(); i++) {
            if (lots.get(i).id().equals(issued.lotId())) {
                lots.set(i, lots.get(i).plus(issued.amount()));
                return;
            }
        }
        lots.add(new Lot(issued.lotId(), issued.occurredAt(), issued.expiresAt(), issued.amount(),
                issued.ownsItsLot() ? issued.correlationId() : null));
        lots.sort(SOONEST_EXPIRY_FIRST);
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
