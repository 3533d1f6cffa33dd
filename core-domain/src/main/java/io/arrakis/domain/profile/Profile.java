package io.arrakis.domain.profile;

import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.tiers.Tier;
import java.time.Instant;
import java.util.Optional;

/** A member's profile ({@code member_profiles}, spec §8.1). */
public record Profile(
    MemberId memberId,
    UserId userId,
    String nym,
    Optional<String> bio,
    PictureType pictureType,
    Optional<String> pictureUrl,
    Optional<String> pictureSeed,
    Optional<Tier> tier,
    Optional<Instant> tierUpdatedAt,
    Instant createdAt,
    Optional<Instant> nymLastChangedAt,
    boolean formerNaib,
    boolean active,
    Optional<Instant> leftAt) {

  public Profile withTier(Optional<Tier> newTier, Instant at) {
    return new Profile(
        memberId,
        userId,
        nym,
        bio,
        pictureType,
        pictureUrl,
        pictureSeed,
        newTier,
        Optional.of(at),
        createdAt,
        nymLastChangedAt,
        formerNaib,
        active,
        leftAt);
  }

  /** Unseating for any reason sets the flag; it is never cleared (spec §5.1). */
  public Profile markedFormerNaib() {
    return new Profile(
        memberId,
        userId,
        nym,
        bio,
        pictureType,
        pictureUrl,
        pictureSeed,
        tier,
        tierUpdatedAt,
        createdAt,
        nymLastChangedAt,
        true,
        active,
        leftAt);
  }

  public Profile withNym(String newNym, Instant at) {
    return new Profile(
        memberId,
        userId,
        newNym,
        bio,
        pictureType,
        pictureUrl,
        pictureSeed,
        tier,
        tierUpdatedAt,
        createdAt,
        Optional.of(at),
        formerNaib,
        active,
        leftAt);
  }

  public Profile left(Instant at) {
    return new Profile(
        memberId,
        userId,
        nym,
        bio,
        pictureType,
        pictureUrl,
        pictureSeed,
        tier,
        tierUpdatedAt,
        createdAt,
        nymLastChangedAt,
        formerNaib,
        false,
        Optional.of(at));
  }

  public Profile rejoined() {
    return new Profile(
        memberId,
        userId,
        nym,
        bio,
        pictureType,
        pictureUrl,
        pictureSeed,
        tier,
        tierUpdatedAt,
        createdAt,
        nymLastChangedAt,
        formerNaib,
        true,
        Optional.empty());
  }
}
