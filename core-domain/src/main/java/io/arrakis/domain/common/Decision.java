package io.arrakis.domain.common;

/**
 * The answer of a rule: either {@link Allowed} or {@link Rejected} with a stable machine code and a
 * human-readable reason. Rules never throw for a business "no"; they return a {@code Rejected}.
 */
public sealed interface Decision permits Decision.Allowed, Decision.Rejected {

  /** The rule lets the action happen. */
  record Allowed() implements Decision {}

  /**
   * The rule refuses the action.
   *
   * @param code stable, upper-case machine code (e.g. {@code NYM_TAKEN}), safe to switch on
   * @param message reason in words, suitable for an ephemeral reply
   */
  record Rejected(String code, String message) implements Decision {}

  Allowed ALLOWED = new Allowed();

  static Decision allowed() {
    return ALLOWED;
  }

  static Decision rejected(String code, String message) {
    return new Rejected(code, message);
  }

  default boolean isAllowed() {
    return this instanceof Allowed;
  }

  /** The rejection code, or empty when allowed. */
  default java.util.Optional<String> rejectionCode() {
    return this instanceof Rejected r
        ? java.util.Optional.of(r.code())
        : java.util.Optional.empty();
  }
}
