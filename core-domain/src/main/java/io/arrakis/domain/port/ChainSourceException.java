package io.arrakis.domain.port;

/**
 * The chain source failed after exhausting its endpoint fallbacks (spec §3.1): the sync records a
 * failure and the community enters grace.
 */
public class ChainSourceException extends Exception {
  private static final long serialVersionUID = 1L;

  public ChainSourceException(String message) {
    super(message);
  }

  public ChainSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
