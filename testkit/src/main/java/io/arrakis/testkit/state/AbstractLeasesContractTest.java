package io.arrakis.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.state.Leases;
import io.arrakis.state.Leases.Acquired;
import io.arrakis.state.Leases.Attempt;
import io.arrakis.state.Leases.HeldByOther;
import io.arrakis.state.Leases.Lease;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link Leases} does. */
public abstract class AbstractLeasesContractTest extends AbstractStateContractTest<Leases> {
  private static final String JOB = "job:eligibility-sync:2025-01-01T06:00Z";

  private Lease acquired(String name, String holder, Duration ttl) throws Exception {
    Attempt attempt = store.tryAcquire(name, holder, ttl);
    assertThat(attempt).isInstanceOf(Acquired.class);
    return ((Acquired) attempt).lease();
  }

  @Test
  void givenAFreeLease_thenItIsAcquiredWithAPositiveFencingToken() throws Exception {
    Lease lease = acquired(JOB, "worker-a", LONG);
    assertThat(lease.name()).isEqualTo(JOB);
    assertThat(lease.holder()).isEqualTo("worker-a");
    assertThat(lease.fencingToken()).isPositive();
  }

  @Test
  void givenAHeldLease_thenOthersAreToldWhoHoldsItAndForHowLong() throws Exception {
    acquired(JOB, "worker-a", LONG);
    Attempt attempt = store.tryAcquire(JOB, "worker-b", LONG);
    assertThat(attempt).isInstanceOf(HeldByOther.class);
    HeldByOther held = (HeldByOther) attempt;
    assertThat(held.holder()).isEqualTo("worker-a");
    assertThat(held.remaining()).isPositive().isLessThanOrEqualTo(LONG);
    assertThat(store.tryAcquire(JOB, "worker-a", LONG)).isInstanceOf(HeldByOther.class);
    assertThat(store.tryAcquire("sync:7", "worker-b", LONG)).isInstanceOf(Acquired.class);
  }

  @Test
  void givenACrashedHolder_thenTheLeaseExpiresAndAnotherTakesItWithAGreaterToken()
      throws Exception {
    Lease first = acquired(JOB, "worker-a", SHORT);
    passTime(SHORT);
    Lease second = acquired(JOB, "worker-b", LONG);
    assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
  }

  @Test
  void givenSuccessiveAcquisitions_thenFencingTokensStrictlyIncrease() throws Exception {
    long last = 0;
    for (int i = 0; i < 5; i++) {
      Lease lease = acquired("wizard:7", "user-" + i, LONG);
      assertThat(lease.fencingToken()).isGreaterThan(last);
      last = lease.fencingToken();
      assertThat(store.release(lease)).isTrue();
    }
  }

  @Test
  void givenTheHolder_whenRenewing_thenTheLeaseOutlivesItsFirstTtl() throws Exception {
    Lease lease = acquired(JOB, "worker-a", SHORT);
    assertThat(store.renew(lease, LONG)).isTrue();
    passTime(SHORT);
    assertThat(store.tryAcquire(JOB, "worker-b", LONG)).isInstanceOf(HeldByOther.class);
    assertThat(store.renew(lease, LONG)).isTrue();
  }

  @Test
  void givenALostLease_thenItsFormerHolderCannotRenewOrReleaseIt() throws Exception {
    Lease stale = acquired(JOB, "worker-a", SHORT);
    passTime(SHORT);
    assertThat(store.renew(stale, LONG)).isFalse();
    Lease current = acquired(JOB, "worker-b", LONG);
    assertThat(store.renew(stale, LONG)).isFalse();
    assertThat(store.release(stale)).isFalse();
    assertThat(((HeldByOther) store.tryAcquire(JOB, "worker-c", LONG)).holder())
        .isEqualTo(current.holder());
  }

  @Test
  void givenTheSameHolderReacquired_thenTheEarlierAcquisitionCannotRenewOrRelease()
      throws Exception {
    Lease earlier = acquired(JOB, "worker-a", SHORT);
    passTime(SHORT);
    Lease later = acquired(JOB, "worker-a", LONG);
    assertThat(store.release(earlier)).isFalse();
    assertThat(store.renew(earlier, LONG)).isFalse();
    assertThat(store.release(later)).isTrue();
  }

  @Test
  void givenAReleasedLease_thenAnotherCanTakeItAtOnce() throws Exception {
    Lease lease = acquired(JOB, "worker-a", LONG);
    assertThat(store.release(lease)).isTrue();
    assertThat(store.release(lease)).isFalse();
    assertThat(store.renew(lease, LONG)).isFalse();
    assertThat(store.tryAcquire(JOB, "worker-b", LONG)).isInstanceOf(Acquired.class);
  }

  @Test
  void givenSimultaneousAcquisitions_thenExactlyOneHolds() throws Exception {
    AtomicInteger workers = new AtomicInteger();
    List<Attempt> attempts =
        race(8, () -> store.tryAcquire(JOB, "worker-" + workers.incrementAndGet(), LONG));
    assertThat(attempts).filteredOn(Acquired.class::isInstance).hasSize(1);
    assertThat(attempts).filteredOn(HeldByOther.class::isInstance).hasSize(7);
  }

  @Test
  void givenTheBackendUnreachable_thenStateUnavailable() throws Exception {
    Leases down = unreachableStore();
    assertThatThrownBy(() -> down.tryAcquire(JOB, "worker-a", LONG))
        .isInstanceOf(StateUnavailableException.class);
    Lease lease = new Lease(JOB, "worker-a", 1);
    assertThatThrownBy(() -> down.renew(lease, LONG)).isInstanceOf(StateUnavailableException.class);
    assertThatThrownBy(() -> down.release(lease)).isInstanceOf(StateUnavailableException.class);
  }
}
