package io.arrakis.discord.gateway;

/**
 * Reads a gateway dispatch's {@code d} object into a {@link GatewayEvent}. Implemented by the JSON
 * adapter; the bot decides on the decoded values only.
 */
public interface GatewayEventDecoder {

  /**
   * @param type the dispatch's event name, e.g. {@code GUILD_MEMBER_ADD}
   * @throws IllegalArgumentException the type is not one of {@link GatewayEvent}'s, or the payload
   *     is not valid JSON or lacks a required field (the message names the field, never user text)
   */
  GatewayEvent decode(String type, byte[] payload);
}
