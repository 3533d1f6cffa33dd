package io.arrakis.testkit.domain;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.GuildMember;
import io.arrakis.domain.port.GuildMemberMirror;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The member mirror in memory, keyed by (community, user). */
public final class InMemoryGuildMemberMirror implements GuildMemberMirror {
  private final Map<CommunityId, Map<UserId, GuildMember>> rows = new HashMap<>();

  private Map<UserId, GuildMember> of(CommunityId community) {
    return rows.computeIfAbsent(community, k -> new LinkedHashMap<>());
  }

  @Override
  public synchronized boolean upsert(CommunityId community, GuildMember member) {
    return of(community).put(member.user(), member) == null;
  }

  @Override
  public synchronized void upsertAll(CommunityId community, Collection<GuildMember> members) {
    members.forEach(m -> of(community).put(m.user(), m));
  }

  @Override
  public synchronized void replaceAll(CommunityId community, Collection<GuildMember> members) {
    of(community).clear();
    upsertAll(community, members);
  }

  @Override
  public synchronized boolean remove(CommunityId community, UserId user) {
    return of(community).remove(user) != null;
  }

  @Override
  public synchronized Optional<GuildMember> find(CommunityId community, UserId user) {
    return Optional.ofNullable(of(community).get(user));
  }

  @Override
  public synchronized Map<UserId, GuildMember> find(CommunityId community, Set<UserId> users) {
    Map<UserId, GuildMember> found = new HashMap<>();
    for (UserId u : users) {
      GuildMember m = of(community).get(u);
      if (m != null) {
        found.put(u, m);
      }
    }
    return found;
  }

  @Override
  public synchronized List<GuildMember> withAnyRole(CommunityId community, Set<Snowflake> roleIds) {
    return of(community).values().stream()
        .filter(m -> !Collections.disjoint(m.roleIds(), roleIds))
        .toList();
  }

  @Override
  public synchronized int count(CommunityId community) {
    return of(community).size();
  }
}
