package io.arrakis.ingestor;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The routing table of architecture section 3.2. */
final class EventRouting {
  static final int COMMAND = 2;
  static final int COMPONENT = 3;
  static final int AUTOCOMPLETE = 4;
  static final int MODAL = 5;

  private static final Map<String, EventRoute> BY_EVENT =
      Map.of(
          "GUILD_MEMBER_ADD", new EventRoute("member.join", 5),
          "GUILD_MEMBER_REMOVE", new EventRoute("member.leave", 5),
          "GUILD_MEMBER_UPDATE", new EventRoute("member.update", 5),
          // Bulk: below joins and leaves. Also what members.request actions publish.
          "GUILD_MEMBERS_CHUNK", new EventRoute("member.chunk", 3),
          "GUILD_CREATE", new EventRoute("guild.join", 3),
          "GUILD_DELETE", new EventRoute("guild.leave", 3),
          "MESSAGE_CREATE", new EventRoute("message.create", 1),
          "MESSAGE_REACTION_ADD", new EventRoute("reaction.add", 1),
          "MESSAGE_REACTION_REMOVE", new EventRoute("reaction.remove", 1));

  /** A topic word: no dots (they separate words), lower case, bounded. */
  private static final Pattern NOT_A_WORD_CHAR = Pattern.compile("[^a-z0-9_-]");

  private EventRouting() {}

  static EventRoute route(String eventType, DispatchFields fields) {
    if ("INTERACTION_CREATE".equals(eventType)) {
      return interaction(fields);
    }
    EventRoute route = BY_EVENT.get(eventType);
    if (route != null) {
      return route;
    }
    return new EventRoute("gateway." + word(eventType), 1);
  }

  private static EventRoute interaction(DispatchFields fields) {
    return switch (fields.interactionType()) {
      case COMMAND ->
          new EventRoute("interaction.command." + word(fields.name().orElse("unknown")), 10);
      case AUTOCOMPLETE ->
          new EventRoute("interaction.autocomplete." + word(fields.name().orElse("unknown")), 9);
      case COMPONENT -> new EventRoute("interaction.component." + prefix(fields), 8);
      case MODAL -> new EventRoute("interaction.modal." + prefix(fields), 8);
      // PING (1) and future types still reach the interaction workers, who answer or dead-letter.
      default -> new EventRoute("interaction.other." + fields.interactionType(), 8);
    };
  }

  /**
   * The custom id up to its first ':' — the handler family, e.g. {@code directory} in {@code
   * directory:next:2}.
   */
  private static String prefix(DispatchFields fields) {
    String customId = fields.customId().orElse("unknown");
    int colon = customId.indexOf(':');
    return word(colon < 0 ? customId : customId.substring(0, colon));
  }

  static String word(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String cleaned = NOT_A_WORD_CHAR.matcher(lower).replaceAll("_");
    if (cleaned.isEmpty()) {
      return "_";
    }
    return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
  }
}
