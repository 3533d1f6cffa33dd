package io.arrakis.bot;

/**
 * Handles one kind of gateway event (spec §17) from {@code arrakis.events.guild}. Handlers must be
 * idempotent: the consumer claims each event key once, but a handler that failed half-way is run
 * again.
 */
public interface GuildEventHandler {

  /** The gateway event name, e.g. {@code GUILD_MEMBER_ADD}. */
  String eventType();

  /**
   * Handles the event's payload (Discord's {@code d} object, as read off the socket). Throw {@link
   * IllegalArgumentException} for input that can never succeed (it is dead-lettered with the
   * message); any other exception is retried later.
   */
  void handle(String eventKey, byte[] payload) throws Exception;
}
