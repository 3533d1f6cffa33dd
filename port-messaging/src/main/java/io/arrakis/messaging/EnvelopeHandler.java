package io.arrakis.messaging;

/**
 * Handles one delivery. Throwing is treated as {@link HandlerOutcome.RetryLater} with the exception
 * as reason; throw {@link PoisonMessageException} for input that can never succeed.
 */
@FunctionalInterface
public interface EnvelopeHandler {
  HandlerOutcome handle(Delivery delivery) throws Exception;
}
