package io.arrakis.state;

import java.time.Duration;
import java.util.Objects;

/**
 * Exactly-once handling of redelivered and replayed events ({@code idem:{eventKey}}): a worker
 * claims the event key before handling it; while the claim is held, or after the event was marked
 * done, every other claim is refused. A worker that fails releases its claim so a retry can claim
 * again; a worker that crashes holds it only until the claim's TTL runs out.
 */
public interface IdempotencyClaims {

  /** Claims the event key for {@code ttl} (longer than handling can take). Atomic. */
  Outcome claim(String eventKey, Duration ttl) throws StateUnavailableException;

  /**
   * Records that the claimed event was handled; later claims answer {@link AlreadyDone} for {@code
   * keepFor} (as long as duplicates can arrive).
   */
  void markDone(Claim claim, Duration keepFor) throws StateUnavailableException;

  /**
   * Gives the claim up so a retry can claim again. Does nothing if the claim is no longer this one
   * (it expired and another worker holds the key, or the event was marked done).
   *
   * @return true if this claim was released
   */
  boolean release(Claim claim) throws StateUnavailableException;

  /**
   * A held claim; {@code token} tells this claim from a later one on the same key.
   *
   * @param token opaque, unique per successful {@link #claim}
   */
  record Claim(String eventKey, String token) {
    public Claim {
      StateKeys.segment("eventKey", eventKey);
      Objects.requireNonNull(token, "token");
    }
  }

  /** The outcome of {@link #claim}. */
  sealed interface Outcome permits Claimed, InProgress, AlreadyDone {}

  /** This caller holds the key now and should handle the event. */
  record Claimed(Claim claim) implements Outcome {
    public Claimed {
      Objects.requireNonNull(claim, "claim");
    }
  }

  /** Another worker holds a live claim: retry later (its claim is released or expires). */
  record InProgress() implements Outcome {}

  /** The event was handled already: acknowledge without handling it again. */
  record AlreadyDone() implements Outcome {}
}
