package io.arrakis.domain.common;

import java.util.UUID;

/** Identity of a community (one Discord guild). Never the nil UUID (spec §19). */
public record CommunityId(UUID value) {
  public CommunityId {
    if (value.getMostSignificantBits() == 0 && value.getLeastSignificantBits() == 0) {
      throw new IllegalArgumentException("the nil UUID is not a community id");
    }
  }

  public static CommunityId random() {
    return new CommunityId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
