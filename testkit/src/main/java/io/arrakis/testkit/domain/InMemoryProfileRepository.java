package io.arrakis.testkit.domain;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.port.ProfileRepository;
import io.arrakis.domain.profile.NymPolicy;
import io.arrakis.domain.profile.Profile;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Profiles by member id; user and case-insensitive nym unique per community. */
public final class InMemoryProfileRepository implements ProfileRepository {
  private final Map<CommunityId, Map<MemberId, Profile>> rows = new HashMap<>();

  private Map<MemberId, Profile> of(CommunityId community) {
    return rows.computeIfAbsent(community, k -> new LinkedHashMap<>());
  }

  @Override
  public synchronized List<Profile> all(CommunityId community) {
    return List.copyOf(of(community).values());
  }

  @Override
  public synchronized Optional<Profile> byMember(CommunityId community, MemberId member) {
    return Optional.ofNullable(of(community).get(member));
  }

  @Override
  public synchronized Optional<Profile> byUser(CommunityId community, UserId user) {
    return of(community).values().stream().filter(p -> p.userId().equals(user)).findFirst();
  }

  @Override
  public synchronized Optional<Profile> byNym(CommunityId community, String nym) {
    String key = NymPolicy.uniquenessKey(nym);
    return of(community).values().stream()
        .filter(p -> NymPolicy.uniquenessKey(p.nym()).equals(key))
        .findFirst();
  }

  @Override
  public synchronized long countCreatedBefore(CommunityId community, Instant instant) {
    return of(community).values().stream().filter(p -> p.createdAt().isBefore(instant)).count();
  }

  @Override
  public synchronized void save(CommunityId community, Profile profile) {
    for (Profile other : of(community).values()) {
      if (other.memberId().equals(profile.memberId())) {
        continue;
      }
      if (other.userId().equals(profile.userId())) {
        throw new IllegalStateException("user " + profile.userId() + " already has a profile");
      }
      if (NymPolicy.uniquenessKey(other.nym()).equals(NymPolicy.uniquenessKey(profile.nym()))) {
        throw new IllegalStateException("nym " + profile.nym() + " is taken");
      }
    }
    of(community).put(profile.memberId(), profile);
  }
}
