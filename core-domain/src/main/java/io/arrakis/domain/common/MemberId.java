package io.arrakis.domain.common;

import java.util.UUID;

/** A member's public identity ({@code member_profiles.member_id}). */
public record MemberId(UUID value) {
  public static MemberId random() {
    return new MemberId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
