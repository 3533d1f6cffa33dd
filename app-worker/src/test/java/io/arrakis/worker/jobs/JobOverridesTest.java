package io.arrakis.worker.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.worker.jobs.JobSchedulerTest.TestJob;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobOverridesTest {
  @Test
  void givenOverrides_thenOnlyTheNamedJobChanges() {
    JobOverrides overrides =
        JobOverrides.parse(
            Optional.of("a=*/5 * * * * *; "), Optional.of("a=PT5S"), Optional.empty());
    TestJob a = new TestJob("a", "0 0 * * *", 2, Optional.of("b"));
    TestJob b = new TestJob("b", "0 0 * * *", 1, Optional.empty());

    var applied = overrides.apply(List.of(a, b));

    assertThat(applied.get(0).cron()).isEqualTo("*/5 * * * * *");
    assertThat(applied.get(0).maxDuration()).isEqualTo(Duration.ofSeconds(5));
    assertThat(applied.get(0).attempts()).isEqualTo(2);
    assertThat(applied.get(0).after()).contains("b");
    assertThat(applied.get(1)).isSameAs(b);
  }

  @Test
  void givenBadOverrides_thenTheVariableAndValueAreNamed() {
    assertThatThrownBy(
            () -> JobOverrides.parse(Optional.empty(), Optional.of("a=soon"), Optional.empty()))
        .hasMessageContaining("JOB_MAX_DURATION_OVERRIDES")
        .hasMessageContaining("soon");
    assertThatThrownBy(
            () -> JobOverrides.parse(Optional.of("a=nope"), Optional.empty(), Optional.empty()))
        .hasMessageContaining("JOB_SCHEDULE_OVERRIDES");
    assertThatThrownBy(
            () ->
                JobOverrides.parse(Optional.of("zzz=* * * * *"), Optional.empty(), Optional.empty())
                    .apply(List.of(new TestJob("a", "* * * * *", 1, Optional.empty()))))
        .hasMessageContaining("unknown job 'zzz'");
  }
}
