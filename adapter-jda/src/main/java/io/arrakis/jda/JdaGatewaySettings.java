package io.arrakis.jda;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.requests.GatewayIntent;

/**
 * What the gateway source needs.
 *
 * @param token the bot token (secret: never logged, see {@link #toString()})
 * @param apiUrl REST base such as {@code http://127.0.0.1:8090/api}; empty for Discord's
 * @param gatewayUrl gateway override; empty to use what {@code /gateway/bot} says
 * @param shardTotal total shards of the bot; empty to use Discord's recommendation
 * @param shardIds the shards this process holds; empty for all
 * @param intents gateway intents to identify with
 * @param jdaIgnoredEvents dispatch types JDA itself does not process (the tap still publishes them)
 */
public record JdaGatewaySettings(
    String token,
    Optional<String> apiUrl,
    Optional<String> gatewayUrl,
    Optional<Integer> shardTotal,
    List<Integer> shardIds,
    EnumSet<GatewayIntent> intents,
    Set<String> jdaIgnoredEvents) {

  /** What the bot uses: guilds, members (privileged), messages and reactions, DMs. */
  public static final EnumSet<GatewayIntent> DEFAULT_INTENTS =
      EnumSet.of(
          GatewayIntent.GUILD_MEMBERS,
          GatewayIntent.GUILD_MESSAGES,
          GatewayIntent.GUILD_MESSAGE_REACTIONS,
          GatewayIntent.DIRECT_MESSAGES);

  /**
   * The high-volume events the ingestor needs nothing from JDA for: JDA would build messages,
   * reactions and interactions for listeners that do not exist.
   */
  public static final Set<String> DEFAULT_JDA_IGNORED_EVENTS =
      Set.of(
          "MESSAGE_CREATE",
          "MESSAGE_UPDATE",
          "MESSAGE_DELETE",
          "MESSAGE_DELETE_BULK",
          "MESSAGE_REACTION_ADD",
          "MESSAGE_REACTION_REMOVE",
          "MESSAGE_REACTION_REMOVE_ALL",
          "MESSAGE_REACTION_REMOVE_EMOJI",
          "TYPING_START",
          "PRESENCE_UPDATE",
          "INTERACTION_CREATE");

  public JdaGatewaySettings {
    Objects.requireNonNull(token, "token");
    shardIds = List.copyOf(shardIds);
    intents = EnumSet.copyOf(intents);
    jdaIgnoredEvents = Set.copyOf(jdaIgnoredEvents);
  }

  @Override
  public String toString() {
    return "JdaGatewaySettings[api "
        + apiUrl.orElse("discord")
        + ", gateway "
        + gatewayUrl.orElse("from /gateway/bot")
        + ", shards "
        + shardIds
        + " of "
        + shardTotal.map(String::valueOf).orElse("recommended")
        + ", token ***]";
  }
}
