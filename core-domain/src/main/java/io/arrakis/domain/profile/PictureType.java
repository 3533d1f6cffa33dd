package io.arrakis.domain.profile;

/** {@code pfp_type} of spec §8.1. */
public enum PictureType {
  CUSTOM,
  GENERATED,
  NONE
}
