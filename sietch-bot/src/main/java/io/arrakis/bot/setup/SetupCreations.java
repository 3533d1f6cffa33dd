package io.arrakis.bot.setup;

import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.roles.RoleKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Roles and channels that setup asks Discord to create, and the markers of those whose ids have not
 * come back yet. Discord answers a creation only through the gateway ({@code GUILD_ROLE_CREATE},
 * {@code CHANNEL_CREATE}), so each queued creation leaves a marker {@code
 * sess:setup-create:{communityId}:{kind}.{key}} for {@link #TTL}; {@link CreatedEntityHandler} maps
 * the id of an entity of the expected name while its marker lives, then removes the marker. Names
 * are derived from the keys, so a name leads back to its key.
 */
final class SetupCreations {
  static final Duration TTL = Duration.ofHours(1);
  static final String REASON = "Sietch setup";

  /** What is created: a role of the mapping, its namespaced copy, or a channel. */
  enum Kind {
    ROLE,
    PARALLEL_ROLE,
    CHANNEL;

    String segment() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** One entity to create: its kind, its key ({@code naib}, {@code the_door}) and its name. */
  record Wanted(Kind kind, String key, String name) {}

  private final Sessions sessions;

  SetupCreations(Sessions sessions) {
    this.sessions = sessions;
  }

  static String type(CommunityId community) {
    return "setup-create:" + community.value();
  }

  private static String marker(Kind kind, String key) {
    return kind.segment() + "." + key;
  }

  /** "former_naib" → "Former Naib": the Discord name of a managed role. */
  static String roleName(RoleKey key) {
    StringBuilder b = new StringBuilder();
    for (String word : key.key().split("_")) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return b.toString();
  }

  /** "the_door" → "the-door": the Discord name of a configured channel. */
  static String channelName(String key) {
    return key.replace('_', '-');
  }

  static Wanted role(RoleKey key) {
    return new Wanted(Kind.ROLE, key.key(), roleName(key));
  }

  static Wanted parallelRole(RoleKey key, String prefix) {
    return new Wanted(Kind.PARALLEL_ROLE, key.key(), prefix + roleName(key));
  }

  static Wanted channel(String key) {
    return new Wanted(Kind.CHANNEL, key, channelName(key));
  }

  /**
   * The creations, with ids derived from the interaction so a redelivered interaction queues the
   * same actions again and each runs once.
   */
  static List<DiscordAction> actions(long interactionId, long guild, List<Wanted> wanted) {
    List<DiscordAction> actions = new ArrayList<>();
    String base = Long.toUnsignedString(interactionId);
    for (Wanted w : wanted) {
      actions.add(
          w.kind() == Kind.CHANNEL
              ? new DiscordAction.CreateChannel(
                  base + ":channel.create:" + w.key(), guild, w.name(), 0L, "", REASON)
              : new DiscordAction.CreateRole(
                  base + ":role.create:" + marker(w.kind(), w.key()),
                  guild,
                  w.name(),
                  0,
                  false,
                  false,
                  REASON));
    }
    return actions;
  }

  /** Leaves a marker per creation, so its id is mapped when it arrives. */
  void expect(CommunityId community, List<Wanted> wanted) {
    for (Wanted w : wanted) {
      sessions.put(type(community), marker(w.kind(), w.key()), w.name(), TTL);
    }
  }

  /** The expected creation a role of this name answers, if any. */
  Optional<Wanted> expectedRole(CommunityId community, String name, String parallelPrefix) {
    for (RoleKey key : RoleKey.values()) {
      if (name.equals(roleName(key)) && expected(community, Kind.ROLE, key.key())) {
        return Optional.of(role(key));
      }
      if (name.equals(parallelPrefix + roleName(key))
          && expected(community, Kind.PARALLEL_ROLE, key.key())) {
        return Optional.of(parallelRole(key, parallelPrefix));
      }
    }
    return Optional.empty();
  }

  /** The expected creation a channel of this name answers, if any. */
  Optional<Wanted> expectedChannel(CommunityId community, String name) {
    return Arrays.stream(
            new String[] {WizardDraft.THE_DOOR, WizardDraft.CENSUS, WizardDraft.ANNOUNCEMENTS})
        .filter(key -> name.equals(channelName(key)))
        .filter(key -> expected(community, Kind.CHANNEL, key))
        .findFirst()
        .map(SetupCreations::channel);
  }

  /**
   * The creation's id is mapped: its marker goes. Removed only after the mapping committed, so a
   * failed mapping is retried with the event.
   */
  void arrived(CommunityId community, Wanted wanted) {
    sessions.delete(type(community), marker(wanted.kind(), wanted.key()));
  }

  private boolean expected(CommunityId community, Kind kind, String key) {
    return sessions.get(type(community), marker(kind, key)).isPresent();
  }
}
