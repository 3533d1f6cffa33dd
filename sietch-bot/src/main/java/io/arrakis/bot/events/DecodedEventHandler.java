package io.arrakis.bot.events;

import io.arrakis.bot.GuildEventHandler;
import io.arrakis.discord.gateway.GatewayEvent;
import io.arrakis.discord.gateway.GatewayEventDecoder;

/**
 * A {@link GuildEventHandler} that decodes its payload first: undecodable input throws {@link
 * IllegalArgumentException} (dead-lettered with the reason), the rest is handled as a value.
 */
abstract class DecodedEventHandler<E extends GatewayEvent> implements GuildEventHandler {
  private final String eventType;
  private final Class<E> kind;
  private final GatewayEventDecoder decoder;

  DecodedEventHandler(String eventType, Class<E> kind, GatewayEventDecoder decoder) {
    this.eventType = eventType;
    this.kind = kind;
    this.decoder = decoder;
  }

  @Override
  public final String eventType() {
    return eventType;
  }

  @Override
  public final void handle(String eventKey, byte[] payload) throws Exception {
    GatewayEvent event = decoder.decode(eventType, payload);
    if (!kind.isInstance(event)) {
      throw new IllegalArgumentException(eventType + " decoded as " + event.getClass().getName());
    }
    handle(eventKey, kind.cast(event));
  }

  /** Handles the decoded event; must be idempotent (the same key may run again after a failure). */
  abstract void handle(String eventKey, E event) throws Exception;
}
