package io.arrakis.worker;

import io.arrakis.bot.SyncRequests;
import io.arrakis.bot.Transactions;
import io.arrakis.bot.sync.EligibilitySyncJob;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.CommunityRepository;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a requested sync on one background thread of this worker, once the community shows as
 * active: the request is made inside the deploy's transaction, so the sync waits for that commit
 * (up to {@link #COMMIT_WAIT}) rather than syncing the configuration as it was before. The sync
 * takes the same {@code lock:sync:{communityId}} lease as the scheduled runs. A request lost with
 * its worker is made up for by the next scheduled sync.
 */
final class ImmediateSync implements SyncRequests, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ImmediateSync.class);
  static final Duration COMMIT_WAIT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(250);

  private final EligibilitySyncJob sync;
  private final CommunityRepository communities;
  private final Transactions transactions;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "immediate-sync");
            t.setDaemon(true);
            return t;
          });

  ImmediateSync(
      EligibilitySyncJob sync, CommunityRepository communities, Transactions transactions) {
    this.sync = sync;
    this.communities = communities;
    this.transactions = transactions;
  }

  @Override
  public void requestSync(CommunityId community) {
    try {
      executor.execute(() -> run(community));
    } catch (RejectedExecutionException ex) {
      log.warn(
          "sync of {} not started, the worker is stopping; the scheduled sync will run", community);
    }
  }

  private void run(CommunityId community) {
    try {
      long deadline = System.nanoTime() + COMMIT_WAIT.toNanos();
      while (!active(community)) {
        if (System.nanoTime() > deadline) {
          log.warn(
              "sync of {} not run: the community is not active {} after the request",
              community,
              COMMIT_WAIT);
          return;
        }
        Thread.sleep(POLL.toMillis());
      }
      EligibilitySyncJob.CommunityRun run = sync.syncCommunity(community);
      log.info("requested sync of {}: {}", community, run.status());
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    } catch (Exception ex) {
      log.warn("requested sync of {} failed: {}", community, ex.toString());
    }
  }

  private boolean active(CommunityId community) {
    return transactions.withoutCommunity(
        () -> communities.find(community).map(CommunityConfig::active).orElse(false));
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
