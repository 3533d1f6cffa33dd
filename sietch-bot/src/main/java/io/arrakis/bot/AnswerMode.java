package io.arrakis.bot;

/**
 * How a command answers within Discord's 3-second window (spec §1.1 "Defer"): directly, or by
 * deferring first and editing the deferred message with the result.
 */
public enum AnswerMode {
  /** The handler's response is the callback; it must be ready well inside 3 s. */
  IMMEDIATE,
  /** A deferred ephemeral callback goes out before any database or chain work. */
  DEFER_EPHEMERAL,
  /** A deferred public callback goes out before any database or chain work. */
  DEFER_PUBLIC;

  public boolean defers() {
    return this != IMMEDIATE;
  }
}
