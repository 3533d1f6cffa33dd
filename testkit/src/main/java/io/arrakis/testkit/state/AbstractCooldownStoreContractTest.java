package io.arrakis.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.state.CooldownStore;
import io.arrakis.state.CooldownStore.Cooling;
import io.arrakis.state.CooldownStore.Decision;
import io.arrakis.state.CooldownStore.Started;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link CooldownStore} does. */
public abstract class AbstractCooldownStoreContractTest
    extends AbstractStateContractTest<CooldownStore> {

  @Test
  void givenNoCooldown_whenStarted_thenStarted() throws Exception {
    assertThat(store.tryStart("check-eligibility", "42", Duration.ofSeconds(3)))
        .isEqualTo(new Started());
  }

  @Test
  void givenARunningCooldown_whenInvokedAgain_thenCoolingWithTheTimeLeft() throws Exception {
    store.tryStart("threshold", "42", Duration.ofSeconds(3));
    Decision second = store.tryStart("threshold", "42", Duration.ofSeconds(3));
    assertThat(second).isInstanceOf(Cooling.class);
    assertThat(((Cooling) second).remaining())
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void givenARunningCooldown_thenOtherCommandsAndUsersAreNotCooling() throws Exception {
    store.tryStart("threshold", "42", LONG);
    assertThat(store.tryStart("position", "42", LONG)).isEqualTo(new Started());
    assertThat(store.tryStart("threshold", "43", LONG)).isEqualTo(new Started());
    assertThat(store.tryStart("activity-msg:7", "42", LONG)).isEqualTo(new Started());
  }

  @Test
  void givenARefusedInvocation_thenTheCooldownIsNotExtended() throws Exception {
    store.tryStart("threshold", "42", SHORT);
    store.tryStart("threshold", "42", LONG); // refused; must not turn 300 ms into 5 minutes
    passTime(SHORT);
    assertThat(store.tryStart("threshold", "42", SHORT)).isEqualTo(new Started());
  }

  @Test
  void givenACooldownThatRanOut_whenInvokedAgain_thenStartedAgain() throws Exception {
    assertThat(store.tryStart("position", "42", SHORT)).isEqualTo(new Started());
    passTime(SHORT);
    assertThat(store.tryStart("position", "42", SHORT)).isEqualTo(new Started());
    assertThat(store.tryStart("position", "42", SHORT)).isInstanceOf(Cooling.class);
  }

  @Test
  void givenSimultaneousInvocations_thenExactlyOneStarts() throws Exception {
    List<Decision> decisions = race(8, () -> store.tryStart("register-waitlist", "42", LONG));
    assertThat(decisions).filteredOn(Started.class::isInstance).hasSize(1);
    assertThat(decisions).filteredOn(Cooling.class::isInstance).hasSize(7);
  }

  @Test
  void givenBadArguments_thenRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> store.tryStart("", "42", LONG))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.tryStart("x", "42", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenTheBackendUnreachable_thenStateUnavailable() throws Exception {
    CooldownStore down = unreachableStore();
    assertThatThrownBy(() -> down.tryStart("threshold", "42", LONG))
        .isInstanceOf(StateUnavailableException.class);
  }
}
