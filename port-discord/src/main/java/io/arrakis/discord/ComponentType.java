package io.arrakis.discord;

import java.util.Optional;

/** The message components a user can interact with, with Discord's component type numbers. */
public enum ComponentType {
  BUTTON(2),
  STRING_SELECT(3),
  USER_SELECT(5),
  ROLE_SELECT(6),
  MENTIONABLE_SELECT(7),
  CHANNEL_SELECT(8);

  private final int code;

  ComponentType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public boolean isSelect() {
    return this != BUTTON;
  }

  public static Optional<ComponentType> of(int code) {
    for (ComponentType t : values()) {
      if (t.code == code) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
