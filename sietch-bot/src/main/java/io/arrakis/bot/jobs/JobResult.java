package io.arrakis.bot.jobs;

import java.util.Objects;

/**
 * What a run did: communities handled and failed, and a one-line summary ("3 communities, 120 roles
 * changed, 4 alerts"). A run with failed communities still succeeds as a period; the failures are
 * in the audit log and the metrics.
 */
public record JobResult(int communities, int failedCommunities, String summary) {
  public JobResult {
    Objects.requireNonNull(summary, "summary");
    if (communities < 0 || failedCommunities < 0 || failedCommunities > communities) {
      throw new IllegalArgumentException(
          "bad counts: " + communities + " communities, " + failedCommunities + " failed");
    }
  }
}
