package io.arrakis.discord;

import java.util.Objects;
import java.util.Optional;

/** A select menu whose options Discord fills in: users, roles, mentionables or channels. */
public record EntitySelect(
    Kind kind,
    String customId,
    Optional<String> placeholder,
    int minValues,
    int maxValues,
    boolean disabled)
    implements RowComponent {

  /** What the menu lists; the value is Discord's component type. */
  public enum Kind {
    USER(5),
    ROLE(6),
    MENTIONABLE(7),
    CHANNEL(8);

    private final int componentType;

    Kind(int componentType) {
      this.componentType = componentType;
    }

    public int componentType() {
      return componentType;
    }
  }

  public EntitySelect {
    Objects.requireNonNull(kind, "kind");
    Limits.customId(customId);
    Objects.requireNonNull(placeholder, "placeholder");
    Selects.checkRange(minValues, maxValues, 25);
  }

  public static EntitySelect of(Kind kind, String customId) {
    return new EntitySelect(kind, customId, Optional.empty(), 1, 1, false);
  }
}
