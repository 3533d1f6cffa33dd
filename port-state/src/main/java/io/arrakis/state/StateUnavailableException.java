package io.arrakis.state;

/** The state store cannot be reached or answered with an error; callers decide how to degrade. */
public class StateUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public StateUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
