package io.arrakis.domain.port;

import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.profile.Profile;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code member_profiles}. */
public interface ProfileRepository {
  /** Every profile of the community, active or not. */
  List<Profile> all(CommunityId community);

  Optional<Profile> byMember(CommunityId community, MemberId member);

  Optional<Profile> byUser(CommunityId community, UserId user);

  /** Case-insensitive lookup, inactive profiles included (nyms stay reserved). */
  Optional<Profile> byNym(CommunityId community, String nym);

  /** Number of profiles, active or not, created strictly before {@code instant}. */
  long countCreatedBefore(CommunityId community, Instant instant);

  /** Inserts or updates by member id. */
  void save(CommunityId community, Profile profile);
}
