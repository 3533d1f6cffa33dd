package io.arrakis.messaging;

/**
 * One delivery of an envelope to a handler.
 *
 * @param envelope the message
 * @param queue the queue it was consumed from
 * @param attempt 1 for the first try, 2 after one delayed retry, and so on
 * @param redelivered the broker delivered it before without an ack (a consumer died holding it)
 */
public record Delivery(Envelope envelope, String queue, int attempt, boolean redelivered) {}
