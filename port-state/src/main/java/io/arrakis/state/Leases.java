package io.arrakis.state;

import java.time.Duration;
import java.util.Objects;

/**
 * Time-bound exclusive leases ({@code lock:{name}}): the scheduled-job lease {@code
 * lock:job:{job}:{periodStart}} (TTL = the job's maximum duration), the per-community sync lock
 * {@code lock:sync:{communityId}}, the setup-wizard lock {@code lock:wizard:{communityId}}. At most
 * one holder at a time; a crashed holder's lease expires with its TTL. Each acquisition carries a
 * fencing token that is strictly greater than every earlier token for that name, so a resource can
 * refuse writes from a holder whose lease already expired.
 */
public interface Leases {

  /** Takes the lease for {@code ttl} if nobody holds it. Atomic. */
  Attempt tryAcquire(String name, String holder, Duration ttl) throws StateUnavailableException;

  /**
   * Extends the lease to {@code ttl} from now, only if this very acquisition still holds it.
   *
   * @return false if the lease was lost (expired, possibly taken by someone else)
   */
  boolean renew(Lease lease, Duration ttl) throws StateUnavailableException;

  /**
   * Gives the lease up, only if this very acquisition still holds it.
   *
   * @return true if it was released
   */
  boolean release(Lease lease) throws StateUnavailableException;

  /** One acquisition of a lease. */
  record Lease(String name, String holder, long fencingToken) {
    public Lease {
      StateKeys.segment("name", name);
      StateKeys.segment("holder", holder);
      if (fencingToken < 1) {
        throw new IllegalArgumentException("fencingToken must be positive: " + fencingToken);
      }
    }
  }

  /** The outcome of {@link #tryAcquire}. */
  sealed interface Attempt permits Acquired, HeldByOther {}

  /** The caller holds the lease now. */
  record Acquired(Lease lease) implements Attempt {
    public Acquired {
      Objects.requireNonNull(lease, "lease");
    }
  }

  /**
   * Someone holds the lease (possibly the same holder through an earlier acquisition); it runs out
   * after {@code remaining} unless renewed ("Another administrator is running setup (expires …)").
   */
  record HeldByOther(String holder, Duration remaining) implements Attempt {
    public HeldByOther {
      Objects.requireNonNull(holder, "holder");
      Objects.requireNonNull(remaining, "remaining");
    }
  }
}
