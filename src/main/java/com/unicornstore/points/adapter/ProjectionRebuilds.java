package com.unicornstore.points.adapter;

import com.unicornstore.platform.domain.Rejection;
import com.unicornstore.points.application.RebuildJob;
import com.unicornstore.points.application.RebuildingProjection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs rebuilds of the balance projection in the background, one at a time across all instances
 * ({@link DynamoRebuildJobs}): the request that starts one is answered at once, and the job goes on
 * on this instance's rebuild thread, recording its progress after every few accounts. A job whose
 * instance died is taken over by the next sweep of another instance after its lease ran out, and
 * goes on after the last account recorded; on a graceful stop the lease is given up at once.
 */
public final class ProjectionRebuilds implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuilds.class);

    /** How a job's run goes: how long it holds the job between writes, how often it records progress, how often it may fail. */
    public record Settings(Duration lease, Duration flushEvery, int flushAccounts, int maxFailures) {}

    private static final RebuildingProjection.Report NOTHING = new RebuildingProjection.Report(0, 0, List.of());

    private final DynamoRebuildJobs jobs;
    private final RebuildingProjection rebuilding;
    private final Clock clock;
    private final Settings settings;
    private final String owner = "instance-" + UUID.randomUUID();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String runningHere;
    private volatile boolean stopping;
    private volatile boolean started;

    ProjectionRebuilds(DynamoRebuildJobs jobs, RebuildingProjection rebuilding, Clock clock, Settings settings) {
        this.jobs = jobs;
        this.rebuilding = rebuilding;
        this.clock = clock;
        this.settings = settings;
    }

    /** Starts a rebuild on this instance; 409 (naming it) while another one runs anywhere. */
    public RebuildJob start(String accountId, boolean repair, String principal) {
        RebuildJob job = RebuildJob.started(UUID.randomUUID().toString(), accountId, repair, principal, clock.instant());
        Optional<RebuildJob> running = jobs.start(job, owner, leaseUntil());
        if (running.isPresent()) {
            throw new Rejection(Rejection.Kind.CONFLICT, "rebuild-running",
                    "Rebuild " + running.get().id() + " is still running; follow it, or wait for it to end.", List.of(),
                    Map.of("job_id", running.get().id()));
        }
        runHere(job);
        return job;
    }

    public Optional<RebuildJob> find(String jobId) {
        return jobs.find(jobId);
    }

    /** The job that runs, or the last one that ran. */
    public Optional<RebuildJob> latest() {
        return jobs.slot().map(DynamoRebuildJobs.Held::job);
    }

    /** Takes over a running job whose instance stopped renewing its lease (one read when there is none). */
    public void sweep() {
        if (stopping || runningHere != null) {
            return;
        }
        Instant now = clock.instant();
        jobs.slot().filter(held -> held.job().running() && held.leaseUntil().isBefore(now))
                .flatMap(held -> jobs.takeOver(held.job().id(), owner, leaseUntil(), now))
                .ifPresent(job -> {
                    LOG.info("Took over projection rebuild {} after account {}", job.id(), job.cursor());
                    runHere(job);
                });
    }

    private void runHere(RebuildJob job) {
        runningHere = job.id();
        worker.execute(() -> {
            try {
                run(job);
            } finally {
                runningHere = null;
            }
        });
    }

    /**
     * Replays the accounts after the job's cursor, recording progress as it goes, then the end. After
     * a failure it goes on from the progress last recorded, as long as the job is still this instance's.
     */
    private void run(RebuildJob begun) {
        Optional<RebuildJob> job = Optional.of(begun);
        for (int failures = 0; job.isPresent(); job = ownRecorded(begun.id())) {
            try {
                Optional<RebuildJob> replayed = replayRemaining(job.get());
                if (replayed.isPresent() && stopping) {
                    jobs.release(begun.id(), owner); // the next instance goes on after the cursor at once
                } else if (replayed.isPresent()) {
                    RebuildJob done = replayed.get().done(clock.instant());
                    jobs.archive(done);
                    jobs.save(done, owner, leaseUntil());
                }
                return;
            } catch (RuntimeException e) {
                failures++;
                LOG.warn("Projection rebuild {} failed ({} of {}): {}", begun.id(), failures, settings.maxFailures(),
                        e.toString());
                if (failures >= settings.maxFailures()) {
                    failWith(job.get(), e);
                    return;
                }
                pause(settings.flushEvery());
            }
        }
    }

    /** The job as last recorded, while this instance still holds it. */
    private Optional<RebuildJob> ownRecorded(String jobId) {
        if (stopping) {
            return Optional.empty();
        }
        return jobs.slot().filter(held -> owner.equals(held.owner()) && held.job().id().equals(jobId))
                .map(DynamoRebuildJobs.Held::job).filter(RebuildJob::running);
    }

    /** The job once the accounts after its cursor are replayed (all, unless stopping); empty when another instance took it. */
    private Optional<RebuildJob> replayRemaining(RebuildJob job) {
        List<String> accounts = rebuilding.accounts(Optional.ofNullable(job.accountId()));
        List<String> remaining = accounts.stream().filter(a -> job.cursor() == null || a.compareTo(job.cursor()) > 0).toList();
        RebuildJob progress = job.advanced(job.cursor(), accounts.size(), NOTHING, clock.instant());
        int from = 0;
        Instant lastFlush = clock.instant();
        for (int i = 0; i < remaining.size() && !stopping; i++) {
            if (i == remaining.size() - 1 || i + 1 - from >= settings.flushAccounts()
                    || clock.instant().isAfter(lastFlush.plus(settings.flushEvery()))) {
                List<String> chunk = remaining.subList(from, i + 1);
                progress = progress.advanced(chunk.get(chunk.size() - 1), accounts.size(),
                        rebuilding.rebuild(chunk, job.repair()), clock.instant());
                if (!jobs.save(progress, owner, leaseUntil())) {
                    LOG.warn("Projection rebuild {} was taken over by another instance; this one stops", job.id());
                    return Optional.empty();
                }
                from = i + 1;
                lastFlush = clock.instant();
            }
        }
        return Optional.of(progress);
    }

    private void failWith(RebuildJob job, RuntimeException cause) {
        try {
            RebuildJob failed = job.failed(String.valueOf(cause.getMessage()), clock.instant());
            jobs.archive(failed);
            jobs.save(failed, owner, leaseUntil());
        } catch (RuntimeException unrecorded) {
            LOG.error("Projection rebuild {} failed and could not be recorded; its lease will run out", job.id(), unrecorded);
        }
    }

    private Instant leaseUntil() {
        return clock.instant().plus(settings.lease());
    }

    private void pause(Duration delay) {
        try {
            TimeUnit.MILLISECONDS.sleep(delay.toMillis()); // backoff between attempts of a background job
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    @Override
    public void start() {
        started = true;
    }

    /** Stops between two accounts, records where it stood and gives the lease up (waits at most one lease). */
    @Override
    public void stop() {
        stopping = true;
        worker.shutdown();
        try {
            worker.awaitTermination(settings.lease().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
