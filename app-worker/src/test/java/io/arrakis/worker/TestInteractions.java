package io.arrakis.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.messaging.Delivery;
import io.arrakis.messaging.Envelope;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Gateway {@code INTERACTION_CREATE} payloads (the {@code d} object, shaped like the emulator's,
 * see adapter-jda's {@code src/test/resources/interactions}) and their envelopes, with interaction
 * ids made from a creation time so a test controls the 3-second window.
 */
final class TestInteractions {
  static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;
  static final long APPLICATION = 1_200_000_000_000_000_001L;
  static final long GUILD = 1_572_462_953_305_870_337L;
  static final long CHANNEL = 1_576_086_831_970_258_953L;
  static final long USER = 1_572_454_564_693_676_046L;
  static final long COMMAND_ID = 1_576_086_836_521_078_802L;

  private static final ObjectMapper JSON = new ObjectMapper();

  private TestInteractions() {}

  /** A snowflake created at {@code at} (worker, process and increment bits zero). */
  static long snowflakeAt(Instant at) {
    return (at.toEpochMilli() - DISCORD_EPOCH_MILLIS) << 22;
  }

  /** {@code /name} run in {@link #GUILD} by {@link #USER}. */
  static byte[] slashCommand(long interactionId, String name) {
    ObjectNode d = JSON.createObjectNode();
    d.put("id", Long.toUnsignedString(interactionId));
    d.put("application_id", Long.toUnsignedString(APPLICATION));
    d.put("type", 2);
    d.put("token", "aW50ZXJhY3Rpb24-token-" + Long.toUnsignedString(interactionId));
    d.put("version", 1);
    d.put("channel_id", Long.toUnsignedString(CHANNEL));
    d.put("guild_id", Long.toUnsignedString(GUILD));
    d.put("locale", "en-US");
    d.put("guild_locale", "en-US");
    d.put("app_permissions", "277361314899");
    ObjectNode member = d.putObject("member");
    ObjectNode user = member.putObject("user");
    user.put("id", Long.toUnsignedString(USER));
    user.put("username", "user-0-1");
    user.put("discriminator", "0");
    user.putNull("global_name");
    member.putArray("roles");
    member.put("permissions", "277092879425");
    member.put("joined_at", "2026-11-28T04:06:23.026000+00:00");
    ObjectNode data = d.putObject("data");
    data.put("id", Long.toUnsignedString(COMMAND_ID));
    data.put("name", name);
    data.put("type", 1);
    try {
      return JSON.writeValueAsBytes(d);
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** The envelope the ingestor publishes for an interaction, read off the socket at {@code at}. */
  static Envelope envelope(long interactionId, byte[] body, Instant receivedAt) {
    String id = Long.toUnsignedString(interactionId);
    return Envelope.builder(id, "INTERACTION_CREATE", "interaction.command", body)
        .priority(10)
        .receivedAtMicros(receivedAt.getEpochSecond() * 1_000_000L + receivedAt.getNano() / 1_000L)
        .guildId(Long.toUnsignedString(GUILD))
        .interactionId(id)
        .build();
  }

  static Delivery firstDelivery(Envelope envelope) {
    return new Delivery(envelope, "arrakis.interactions", 1, false);
  }

  /** The broker's redelivery after a consumer died holding the message unacknowledged. */
  static Delivery redelivery(Envelope envelope) {
    return new Delivery(envelope, "arrakis.interactions", 1, true);
  }
}
