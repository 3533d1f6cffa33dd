package io.arrakis.discord;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The entities Discord resolved for the ids in a command's options or an entity select's values:
 * users, their guild members (in guilds), roles and channels, by id. Empty when nothing needed
 * resolving.
 */
public record Resolved(
    Map<Long, DiscordUser> users,
    Map<Long, GuildMember> members,
    Map<Long, Role> roles,
    Map<Long, Channel> channels) {

  public Resolved {
    users = Map.copyOf(users);
    members = Map.copyOf(members);
    roles = Map.copyOf(roles);
    channels = Map.copyOf(channels);
  }

  public static Resolved none() {
    return new Resolved(Map.of(), Map.of(), Map.of(), Map.of());
  }

  public Optional<DiscordUser> user(long id) {
    return Optional.ofNullable(users.get(id));
  }

  public Optional<GuildMember> member(long id) {
    return Optional.ofNullable(members.get(id));
  }

  public Optional<Role> role(long id) {
    return Optional.ofNullable(roles.get(id));
  }

  public Optional<Channel> channel(long id) {
    return Optional.ofNullable(channels.get(id));
  }

  /** A resolved role: name, permission bitfield, position, managed by an integration. */
  public record Role(long id, String name, long permissions, int position, boolean managed) {
    public Role {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A resolved channel: name (absent for DMs), Discord channel type, the user's permissions. */
  public record Channel(long id, Optional<String> name, int type, long permissions) {
    public Channel {
      Objects.requireNonNull(name, "name");
    }
  }
}
