package io.arrakis.domain.effect;

/** The community channels of spec §2. */
public enum ChannelKey {
  THE_DOOR,
  CENSUS,
  ANNOUNCEMENTS
}
