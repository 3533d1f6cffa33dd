package io.arrakis.rabbitmq;

import io.arrakis.messaging.Envelope;
import java.util.concurrent.CompletableFuture;

/**
 * One message between publish() and the broker's confirm.
 *
 * @param order arrival order; the buffer always sends the oldest first, so order per publishing
 *     thread (and per shard) survives shedding and reconnects
 */
record PendingPublish(
    long order, String exchange, Envelope envelope, CompletableFuture<Void> result) {

  boolean sheddable() {
    return !envelope.isInteraction();
  }
}
