package io.arrakis.bot.jobs;

import io.arrakis.bot.Transactions;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.AuditLogRepository;
import io.arrakis.domain.port.CommunityRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every job of spec §18 shares: the active communities, each in its own tenant transaction; a
 * community that fails is logged, audited ({@code job_run_failed}) and counted, and the others go
 * on. Between communities it checks the period's lease and stops when it was lost, so two workers
 * never sweep the same period at once.
 */
public final class CommunitySweep {
  private static final Logger log = LoggerFactory.getLogger(CommunitySweep.class);

  private final CommunityRepository communities;
  private final AuditLogRepository auditLog;
  private final Transactions transactions;
  private final Clock clock;

  public CommunitySweep(
      CommunityRepository communities,
      AuditLogRepository auditLog,
      Transactions transactions,
      Clock clock) {
    this.communities = communities;
    this.auditLog = auditLog;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The work for one community, inside its transaction; it adds what it did to the tally. */
  @FunctionalInterface
  public interface PerCommunity {
    void run(CommunityConfig community, Tally tally);
  }

  /** Named counts of what a run did ("expired=3"), in the order they were first added. */
  public static final class Tally {
    private final Map<String, Long> counts = new LinkedHashMap<>();

    public void add(String name, long n) {
      counts.merge(name, n, Long::sum);
    }

    public long get(String name) {
      return counts.getOrDefault(name, 0L);
    }

    void addAll(Tally other) {
      other.counts.forEach(this::add);
    }

    @Override
    public String toString() {
      return counts.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(", "));
    }
  }

  /** Runs {@code work} for every active community and sums up. */
  public JobResult run(String job, JobPeriod period, PerCommunity work) {
    List<CommunityConfig> active = transactions.withoutCommunity(communities::active);
    Tally total = new Tally();
    int done = 0;
    int failed = 0;
    for (CommunityConfig community : active) {
      if (!period.stillHeld().getAsBoolean()) {
        throw new IllegalStateException(
            job + ": lease lost after " + done + " of " + active.size() + " communities");
      }
      Tally tally = new Tally();
      try {
        transactions.inCommunity(
            community.id(),
            () -> {
              work.run(community, tally);
              return null;
            });
        total.addAll(tally);
      } catch (RuntimeException ex) {
        failed++;
        log.warn("{}: community {} failed: {}", job, community.id(), ex.toString(), ex);
        auditFailure(job, period, community, ex);
      }
      done++;
    }
    String summary =
        active.size()
            + " communities"
            + (failed > 0 ? " (" + failed + " failed)" : "")
            + (total.counts.isEmpty() ? "" : ": " + total);
    return new JobResult(active.size(), failed, summary);
  }

  private void auditFailure(
      String job, JobPeriod period, CommunityConfig community, RuntimeException ex) {
    try {
      transactions.inCommunity(
          community.id(),
          () -> {
            auditLog.append(
                community.id(),
                AuditEvent.system(
                    AuditType.JOB_RUN_FAILED,
                    "job",
                    job,
                    "period",
                    period.start(),
                    "error",
                    String.valueOf(ex.getMessage())),
                clock.instant());
            return null;
          });
    } catch (RuntimeException auditFailed) {
      log.warn("{}: could not audit the failure of community {}", job, community.id());
    }
  }
}
