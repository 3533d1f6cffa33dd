package io.arrakis.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.VerificationSession;
import io.arrakis.domain.port.VerificationSession.Status;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class VerificationExpiryJobTest {
  private final JobsFixture f = new JobsFixture();
  private final VerificationExpiryJob job =
      new VerificationExpiryJob(f.sweep, f.repos.verificationSessions(), f.clock);

  private VerificationSession started(CommunityConfig c, Duration ago) {
    String nonce = UUID.randomUUID().toString().replace("-", "");
    VerificationSession s =
        VerificationSession.start(
            UUID.randomUUID(),
            new UserId(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)),
            "user",
            nonce,
            "Nonce: " + nonce,
            JobsFixture.NOW.minus(ago));
    f.repos.verificationSessions().save(c.id(), s);
    return s;
  }

  @Test
  void givenPendingSessionsPastExpiryAndOldOnes_thenTheyAreExpiredAndPurgedInEveryCommunity() {
    CommunityConfig a = f.community();
    CommunityConfig b = f.community();
    VerificationSession stale = started(a, Duration.ofMinutes(20));
    VerificationSession fresh = started(a, Duration.ofMinutes(5));
    VerificationSession ancient = started(b, Duration.ofDays(31));
    VerificationSession staleInB = started(b, Duration.ofMinutes(16));

    JobResult result = job.run(JobsFixture.period(JobsFixture.NOW));

    assertThat(f.repos.verificationSessions().byId(a.id(), stale.id()).orElseThrow().status())
        .isEqualTo(Status.EXPIRED);
    assertThat(f.repos.verificationSessions().byId(a.id(), fresh.id()).orElseThrow().status())
        .isEqualTo(Status.PENDING);
    assertThat(f.repos.verificationSessions().byId(b.id(), ancient.id())).isEmpty();
    assertThat(f.repos.verificationSessions().byId(b.id(), staleInB.id()).orElseThrow().status())
        .isEqualTo(Status.EXPIRED);
    assertThat(result.communities()).isEqualTo(2);
    assertThat(result.summary()).isEqualTo("2 communities: expired=3, deleted=1");
  }

  @Test
  void isScheduledEveryFiveMinutes() {
    assertThat(job.name()).isEqualTo("verification-expiry");
    assertThat(job.cron()).isEqualTo("*/5 * * * *");
    assertThat(job.maxDuration()).isEqualTo(Duration.ofSeconds(60));
  }
}
