package io.arrakis.jda.commands;

/**
 * Registration failed; the message says why in operator terms (never the token). {@code status} is
 * the HTTP status (0 when Discord was not reached) and {@code code} Discord's JSON error code (0
 * when none).
 */
public final class CommandRegistrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final int code;

  public CommandRegistrationException(String message, int status, int code) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public CommandRegistrationException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.code = 0;
  }

  public int status() {
    return status;
  }

  public int code() {
    return code;
  }
}
