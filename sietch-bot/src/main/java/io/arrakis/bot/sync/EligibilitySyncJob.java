package io.arrakis.bot.sync;

import io.arrakis.bot.Transactions;
import io.arrakis.bot.jobs.JobPeriod;
import io.arrakis.bot.jobs.JobResult;
import io.arrakis.bot.jobs.ScheduledJob;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.IdGenerator;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.MemberRoles;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.sync.EligibilitySyncService;
import io.arrakis.domain.sync.SyncOutcome;
import io.arrakis.state.Leases;
import io.arrakis.state.StateUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 6-hourly eligibility sync (spec §3, §18). For each active community: take {@code
 * lock:sync:{communityId}} (ad-hoc runs take the same lock, so runs never overlap), run the
 * domain's sync inside the community's tenant transaction, record its effects in that same
 * transaction, and queue the Discord actions after the commit. A community whose sync fails (chain
 * source down, a core step) is tried again, up to 3 attempts with backoff 1 s → 30 s; each failed
 * attempt is a failed sync (grace on). One community's failure never stops the others.
 *
 * <p>Snapshot purging (30 days) is done by the domain service; threshold snapshots are not purged
 * yet (no port method).
 */
public final class EligibilitySyncJob implements ScheduledJob {
  public static final String NAME = "eligibility-sync";
  public static final Duration LOCK_TTL = Duration.ofSeconds(300);
  static final int ATTEMPTS = 3;
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(EligibilitySyncJob.class);

  private final Repositories repos;
  private final Transactions transactions;
  private final Leases leases;
  private final TokenHoldingsSource chains;
  private final MemberRoles memberRoles;
  private final EffectPerformer performer;
  private final Clock clock;
  private final String holder;
  private final Sleeper sleeper;

  /** Waits between attempts; tests pass one that does not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration pause) throws InterruptedException;
  }

  public EligibilitySyncJob(
      Repositories repos,
      Transactions transactions,
      Leases leases,
      TokenHoldingsSource chains,
      MemberRoles memberRoles,
      EffectPerformer performer,
      Clock clock,
      String holder,
      Sleeper sleeper) {
    this.repos = repos;
    this.transactions = transactions;
    this.leases = leases;
    this.chains = chains;
    this.memberRoles = memberRoles;
    this.performer = performer;
    this.clock = clock;
    this.holder = holder;
    this.sleeper = sleeper;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String cron() {
    return "0 */6 * * *";
  }

  @Override
  public Duration maxDuration() {
    return LOCK_TTL;
  }

  @Override
  public int attempts() {
    return ATTEMPTS;
  }

  /** How one community's run ended. */
  public enum Status {
    /** A new ranking was committed and its effects queued. */
    SYNCED,
    /** Every attempt failed: health records the failure and grace (spec §3.5). */
    FAILED,
    /** Another run holds the community's lock. */
    LOCKED
  }

  /** One community's run: its status, the last error, what it queued. */
  public record CommunityRun(
      CommunityId community,
      Status status,
      int attempts,
      Optional<String> error,
      Optional<EffectPerformer.Recorded> recorded,
      int notQueued) {}

  @Override
  public JobResult run(JobPeriod period) throws InterruptedException {
    List<CommunityConfig> active = transactions.withoutCommunity(repos.communities()::active);
    int done = 0;
    int failed = 0;
    int roles = 0;
    int alerts = 0;
    for (CommunityConfig community : active) {
      if (!period.stillHeld().getAsBoolean()) {
        log.warn("eligibility-sync lost its period lease after {} communities", done);
        break;
      }
      done++;
      CommunityRun run;
      try {
        run = syncCommunity(community.id());
      } catch (StateUnavailableException | RuntimeException ex) {
        log.error("eligibility sync of community {} not run: {}", community.id(), ex.toString());
        failed++;
        continue;
      }
      if (run.status() != Status.SYNCED) {
        failed++;
      }
      if (run.recorded().isPresent()) {
        roles += run.recorded().get().rolesGranted() + run.recorded().get().rolesRemoved();
        alerts += run.recorded().get().alerts();
      }
    }
    return new JobResult(
        done,
        failed,
        done
            + " communities, "
            + failed
            + " failed, "
            + roles
            + " role changes, "
            + alerts
            + " alerts");
  }

  /**
   * Syncs one community under its lock: the scheduled path and ad-hoc runs (setup deploy, an
   * operator) alike. Returns {@link Status#LOCKED} at once when another run holds the lock.
   */
  public CommunityRun syncCommunity(CommunityId community)
      throws InterruptedException, StateUnavailableException {
    Leases.Attempt attempt = leases.tryAcquire("sync:" + community.value(), holder, LOCK_TTL);
    if (!(attempt instanceof Leases.Acquired acquired)) {
      log.info("community {} is being synced elsewhere; skipped", community);
      return new CommunityRun(community, Status.LOCKED, 0, Optional.empty(), Optional.empty(), 0);
    }
    try {
      return syncHolding(community);
    } finally {
      try {
        leases.release(acquired.lease());
      } catch (StateUnavailableException | RuntimeException ex) {
        log.warn("sync lock of {} not released, it expires: {}", community, ex.toString());
      }
    }
  }

  private CommunityRun syncHolding(CommunityId community) throws InterruptedException {
    Duration backoff = FIRST_BACKOFF;
    Optional<String> lastError = Optional.empty();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      long started = System.nanoTime();
      Attempted a;
      try {
        a = transactions.inCommunity(community, () -> attemptOnce(community));
      } catch (RuntimeException ex) {
        // A core step or the database failed: nothing was committed; health could not be written.
        log.warn("sync of {} failed (attempt {}): {}", community, attempt, ex.toString());
        a = new Attempted(null, null, Optional.of(ex.toString()));
      }
      if (a.recorded != null && a.config != null) {
        int notQueued = performer.publish(a.config, a.recorded, clock.instant());
        log.info(
            "community {} synced in {} ms: {} granted, {} removed, {} alerts, {} posts",
            community,
            Duration.ofNanos(System.nanoTime() - started).toMillis(),
            a.recorded.rolesGranted(),
            a.recorded.rolesRemoved(),
            a.recorded.alerts(),
            a.recorded.posts());
        return new CommunityRun(
            community,
            Status.SYNCED,
            attempt,
            Optional.empty(),
            Optional.of(a.recorded),
            notQueued);
      }
      lastError = a.error;
      if (attempt < ATTEMPTS) {
        sleeper.sleep(jittered(backoff));
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
    log.warn("sync of {} failed after {} attempts: {}", community, ATTEMPTS, lastError.orElse(""));
    return new CommunityRun(community, Status.FAILED, ATTEMPTS, lastError, Optional.empty(), 0);
  }

  /** One attempt in the tenant transaction: the sync, then its effects recorded. */
  private Attempted attemptOnce(CommunityId community) {
    CommunityConfig config =
        repos
            .communities()
            .find(community)
            .orElseThrow(() -> new IllegalStateException("community " + community + " vanished"));
    Instant now = clock.instant();
    EligibilitySyncService service =
        new EligibilitySyncService(
            repos,
            chains.forChain(config.token().chainId()),
            memberRoles,
            clock::instant,
            IdGenerator.random());
    SyncOutcome outcome = service.sync(community);
    if (outcome instanceof SyncOutcome.Succeeded ok) {
      String runId = ok.changes().snapshot().id().toString();
      return new Attempted(
          config, performer.record(config, runId, ok.effects(), now), Optional.empty());
    }
    SyncOutcome.Failed failed = (SyncOutcome.Failed) outcome;
    // the failure's audit and health are committed with this transaction
    performer.record(config, "failed", failed.effects(), now);
    return new Attempted(null, null, Optional.of(failed.error()));
  }

  private record Attempted(
      @org.jspecify.annotations.Nullable CommunityConfig config,
      EffectPerformer.@org.jspecify.annotations.Nullable Recorded recorded,
      Optional<String> error) {}

  private static Duration jittered(Duration base) {
    double factor = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
    return Duration.ofMillis((long) (base.toMillis() * factor));
  }
}
