package io.arrakis.evm;

/**
 * One JSON-RPC exchange with one endpoint failed. {@code retryable} failures (transport errors,
 * timeouts, HTTP 429/5xx, JSON-RPC server errors) are retried on the same endpoint before falling
 * back; the others (wrong chain id, undecodable answers) go straight to the next endpoint.
 */
final class RpcException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  RpcException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  RpcException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  boolean retryable() {
    return retryable;
  }
}
