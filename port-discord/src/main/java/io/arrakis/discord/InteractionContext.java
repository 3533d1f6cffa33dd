package io.arrakis.discord;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who, where and how to answer — what every incoming interaction carries.
 *
 * <ul>
 *   <li>{@code token}: interaction id, application id and the 15-minute token (redacted in {@code
 *       toString}, so this record and every {@link Interaction} print safely).
 *   <li>{@code guildId} and {@code member} are both present in a guild and both absent in a DM.
 *   <li>{@code locale}: the user's client language; {@code guildLocale}: the server's.
 *   <li>{@code appPermissions}: the bot's permission bitfield in the channel.
 * </ul>
 */
public record InteractionContext(
    InteractionToken token,
    OptionalLong guildId,
    long channelId,
    DiscordUser user,
    Optional<GuildMember> member,
    Optional<String> locale,
    Optional<String> guildLocale,
    OptionalLong appPermissions) {

  public InteractionContext {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(guildId, "guildId");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(guildLocale, "guildLocale");
    Objects.requireNonNull(appPermissions, "appPermissions");
    if (guildId.isPresent() != member.isPresent()) {
      throw new IllegalArgumentException(
          "a guild interaction has both guild id and member, a DM has neither");
    }
  }

  public long interactionId() {
    return token.interactionId();
  }

  public long applicationId() {
    return token.applicationId();
  }

  /** When Discord created the interaction (from the id); the 3-second window starts here. */
  public Instant createdAt() {
    return Snowflake.createdAt(token.interactionId());
  }

  public boolean inGuild() {
    return guildId.isPresent();
  }

  /** The acting user's id (in guilds and DMs alike). */
  public long userId() {
    return user.id();
  }
}
