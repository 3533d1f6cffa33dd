package io.arrakis.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateKeysTest {

  @Test
  void givenTheSpecsSegments_thenTheKeysAreTheSpecsKeys() {
    assertThat(StateKeys.cooldown("check-eligibility", "42")).isEqualTo("cd:check-eligibility:42");
    assertThat(StateKeys.session("onboarding:7", "42")).isEqualTo("sess:onboarding:7:42");
    assertThat(StateKeys.rateLimit("user:42", "verify-submit"))
        .isEqualTo("rl:user:42:verify-submit");
    assertThat(StateKeys.lease("job:badge-check:2025-01-01T00:00Z"))
        .isEqualTo("lock:job:badge-check:2025-01-01T00:00Z");
    assertThat(StateKeys.claim("interaction:123")).isEqualTo("idem:interaction:123");
  }

  @Test
  void givenAnEmptyOrWildcardSegment_thenRefused() {
    assertThatThrownBy(() -> StateKeys.cooldown("", "42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("command");
    assertThatThrownBy(() -> StateKeys.session("wizard", "4*"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StateKeys.rateLimit("user 1", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StateKeys.claim(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenASubMillisecondTtl_thenRefused() {
    assertThatThrownBy(() -> StateKeys.positive("ttl", Duration.ofNanos(999_999)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StateKeys.positive("ttl", Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(StateKeys.positive("ttl", Duration.ofMillis(1))).isEqualTo(Duration.ofMillis(1));
  }

  @Test
  void givenInvalidValues_thenTheRecordsRefuseThem() {
    assertThatThrownBy(() -> new RateLimiter.Limit(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CooldownStore.Cooling(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Leases.Lease("job:x", "worker-1", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimiter.Limited(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RateLimiter.Limit.perSecond(5))
        .isEqualTo(new RateLimiter.Limit(5, Duration.ofSeconds(1)));
  }
}
