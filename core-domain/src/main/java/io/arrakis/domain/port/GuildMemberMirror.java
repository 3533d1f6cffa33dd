package io.arrakis.domain.port;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code guild_members}: the worker's copy of who is in the community's guild and which Discord
 * roles they hold. The worker has no bot token and no gateway cache, so the gateway events (guild
 * create, member chunks, member add/update/remove) keep this mirror, and role reconciliation reads
 * it as the "actual" side.
 */
public interface GuildMemberMirror {

  /** Inserts or replaces the member; true when the member was not mirrored before. */
  boolean upsert(CommunityId community, GuildMember member);

  /** Inserts or replaces each member (a chunk of the member list); others are kept. */
  void upsertAll(CommunityId community, Collection<GuildMember> members);

  /** Makes {@code members} the whole mirror of the guild (a complete member list). */
  void replaceAll(CommunityId community, Collection<GuildMember> members);

  /** Removes the member; true when it was mirrored. */
  boolean remove(CommunityId community, UserId user);

  Optional<GuildMember> find(CommunityId community, UserId user);

  /** The mirrored members among {@code users}. */
  Map<UserId, GuildMember> find(CommunityId community, Set<UserId> users);

  /** Members holding at least one of {@code roleIds}. */
  List<GuildMember> withAnyRole(CommunityId community, Set<Snowflake> roleIds);

  /** How many members are mirrored. */
  int count(CommunityId community);
}
