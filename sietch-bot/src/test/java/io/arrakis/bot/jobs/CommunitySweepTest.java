package io.arrakis.bot.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.community.CommunityConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommunitySweepTest {
  private final JobsFixture f = new JobsFixture();

  @Test
  void givenOneCommunityFailing_thenTheOthersStillRunAndTheFailureIsCountedAndAudited() {
    CommunityConfig first = f.community();
    CommunityConfig failing = f.community();
    CommunityConfig last = f.community();
    List<CommunityId> done = new ArrayList<>();

    JobResult result =
        f.sweep.run(
            "test-job",
            JobsFixture.period(JobsFixture.NOW),
            (c, tally) -> {
              if (c.id().equals(failing.id())) {
                throw new IllegalStateException("boom");
              }
              done.add(c.id());
              tally.add("things", 2);
            });

    assertThat(done).containsExactlyInAnyOrder(first.id(), last.id());
    assertThat(result.communities()).isEqualTo(3);
    assertThat(result.failedCommunities()).isEqualTo(1);
    assertThat(result.summary()).isEqualTo("3 communities (1 failed): things=4");
    assertThat(f.repos.auditLog().entries(failing.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.event().type()).isEqualTo(AuditType.JOB_RUN_FAILED);
              assertThat(e.event().payload()).containsEntry("job", "test-job");
              assertThat(e.event().payload()).containsEntry("error", "boom");
            });
    assertThat(f.repos.auditLog().entries(first.id())).isEmpty();
  }

  @Test
  void givenInactiveCommunity_thenItIsNotSwept() {
    CommunityConfig inactive = f.community().withActive(false);
    f.repos.communities().save(inactive);

    JobResult result =
        f.sweep.run("test-job", JobsFixture.period(JobsFixture.NOW), (c, tally) -> {});

    assertThat(result.communities()).isZero();
    assertThat(result.summary()).isEqualTo("0 communities");
  }

  @Test
  void givenTheLeaseLost_thenTheSweepStopsBeforeTheNextCommunity() {
    f.community();
    f.community();
    List<CommunityId> done = new ArrayList<>();
    boolean[] held = {true};

    assertThatThrownBy(
            () ->
                f.sweep.run(
                    "test-job",
                    new JobPeriod(JobsFixture.NOW, false, () -> held[0]),
                    (c, tally) -> {
                      done.add(c.id());
                      held[0] = false;
                    }))
        .hasMessageContaining("lease lost after 1 of 2 communities");
    assertThat(done).hasSize(1);
  }
}
